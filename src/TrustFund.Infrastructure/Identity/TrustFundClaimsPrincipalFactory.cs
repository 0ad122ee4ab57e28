using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using TrustFund.Application.Accounts;

namespace TrustFund.Infrastructure.Identity;

/// <summary>
/// Adds the organisation an applicant acts for (record-level authorization reads it from the
/// session) and whether the user has two-factor sign-in set up (so that the rule "staff must enrol"
/// is checked from the session on each request), and the language the user chose. The principal is rebuilt at every sign-in refresh
/// and every security-stamp check, so turning the second factor off reaches the session within a minute.
/// </summary>
public sealed class TrustFundClaimsPrincipalFactory(
    UserManager<TrustFundUser> users,
    RoleManager<TrustFundRole> roles,
    IOptions<IdentityOptions> options)
    : UserClaimsPrincipalFactory<TrustFundUser, TrustFundRole>(users, roles, options)
{
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(TrustFundUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        if (user.TwoFactorEnabled)
        {
            identity.AddClaim(new Claim(UserClaims.TwoFactor, "on"));
        }

        if (user.OrganisationId is { } organisation)
        {
            identity.AddClaim(new Claim(UserClaims.Organisation, organisation.ToString("D", CultureInfo.InvariantCulture)));
        }

        if (!string.IsNullOrEmpty(user.PreferredCulture))
        {
            identity.AddClaim(new Claim(UserClaims.Culture, user.PreferredCulture));
        }

        return identity;
    }
}
