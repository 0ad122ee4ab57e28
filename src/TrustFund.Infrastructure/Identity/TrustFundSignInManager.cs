using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using TrustFund.Application.Accounts;

namespace TrustFund.Infrastructure.Identity;

/// <summary>Identity's sign-in manager, refusing deactivated accounts at sign-in and on every cookie revalidation.</summary>
public sealed class TrustFundSignInManager : SignInManager<TrustFundUser>
{
    public TrustFundSignInManager(
        UserManager<TrustFundUser> userManager,
        IHttpContextAccessor contextAccessor,
        IUserClaimsPrincipalFactory<TrustFundUser> claimsFactory,
        IOptions<IdentityOptions> optionsAccessor,
        ILogger<SignInManager<TrustFundUser>> logger,
        IAuthenticationSchemeProvider schemes,
        IUserConfirmation<TrustFundUser> confirmation)
        : base(userManager, contextAccessor, claimsFactory, optionsAccessor, logger, schemes, confirmation)
    {
    }

    public override async Task<bool> CanSignInAsync(TrustFundUser user) =>
        user.IsActive && await base.CanSignInAsync(user);

    public override async Task<bool> ValidateSecurityStampAsync(TrustFundUser? user, string? securityStamp) =>
        user is { IsActive: true } && await base.ValidateSecurityStampAsync(user, securityStamp);
}
