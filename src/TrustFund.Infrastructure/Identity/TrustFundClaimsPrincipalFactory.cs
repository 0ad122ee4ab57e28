using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace TrustFund.Infrastructure.Identity;

/// <summary>
/// Adds whether the user has two-factor sign-in set up, so that the rule "staff must enrol" is checked
/// from the session on each request. The principal is rebuilt at every sign-in refresh and every
/// security-stamp check, so turning the second factor off reaches the session within a minute.
/// </summary>
public sealed class TrustFundClaimsPrincipalFactory(
    UserManager<TrustFundUser> users,
    RoleManager<TrustFundRole> roles,
    IOptions<IdentityOptions> options)
    : UserClaimsPrincipalFactory<TrustFundUser, TrustFundRole>(users, roles, options)
{
    /// <summary>Present (value "on") when the user has an authenticator app set up.</summary>
    public const string TwoFactorClaim = "trustfund:two-factor";

    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(TrustFundUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        if (user.TwoFactorEnabled)
        {
            identity.AddClaim(new Claim(TwoFactorClaim, "on"));
        }

        return identity;
    }
}
