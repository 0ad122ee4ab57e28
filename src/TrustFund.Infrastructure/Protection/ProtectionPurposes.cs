namespace TrustFund.Infrastructure.Protection;

/// <summary>
/// Data Protection purpose strings: each kind of secret gets its own sub-key of the key ring, so a
/// value protected for one purpose can never be unprotected as another. The version suffix lets a
/// future format change use a new purpose while old values stay readable.
/// </summary>
public static class ProtectionPurposes
{
    /// <summary>An organisation's bank details (<c>Organisations.Bank</c>).</summary>
    public const string BankDetails = "TrustFund.Organisations.Bank.v1";

    /// <summary>Identity's user tokens: authenticator keys, recovery codes (<c>AspNetUserTokens.Value</c>).</summary>
    public const string UserTokens = "TrustFund.Identity.UserTokens.v1";

    /// <summary>The authentication tickets of signed-in sessions (<c>SignInSessions.Ticket</c>).</summary>
    public const string SignInSessions = "TrustFund.Identity.SignInSessions.v1";
}
