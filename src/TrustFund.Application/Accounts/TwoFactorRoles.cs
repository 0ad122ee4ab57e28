using System.Security.Claims;

namespace TrustFund.Application.Accounts;

/// <summary>Roles that hold money and decisions: their holders must sign in with an authenticator app.</summary>
public static class TwoFactorRoles
{
    public static IReadOnlyList<string> Required { get; } = [Roles.FundManager, Roles.FinanceOfficer, Roles.Administrator];

    /// <summary>Whether two-factor sign-in is mandatory for this signed-in user.</summary>
    public static bool IsRequiredFor(ClaimsPrincipal user) => Required.Any(user.IsInRole);
}
