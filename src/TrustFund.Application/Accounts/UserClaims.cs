using System.Security.Claims;

namespace TrustFund.Application.Accounts;

/// <summary>What TrustFund reads from a signed-in user's claims.</summary>
public static class UserClaims
{
    /// <summary>The organisation an applicant acts for (absent for Secretariat staff).</summary>
    public const string Organisation = "trustfund:organisation";

    /// <summary>Present (value "on") when the user has an authenticator app set up.</summary>
    public const string TwoFactor = "trustfund:two-factor";

    /// <summary>The language the user chose for pages and emails (absent until they choose one).</summary>
    public const string Culture = "trustfund:culture";

    public static Guid? UserId(this ClaimsPrincipal user) =>
        Guid.TryParse(user.FindFirstValue(ClaimTypes.NameIdentifier), out var id) ? id : null;

    public static Guid? OrganisationId(this ClaimsPrincipal user) =>
        Guid.TryParse(user.FindFirstValue(Organisation), out var id) ? id : null;
}
