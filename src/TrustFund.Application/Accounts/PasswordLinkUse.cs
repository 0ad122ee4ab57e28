namespace TrustFund.Application.Accounts;

/// <summary>What using an emailed password link did.</summary>
public enum PasswordLinkUse
{
    /// <summary>The password is set.</summary>
    PasswordSet,

    /// <summary>The link is garbled, expired or spent, or names no active account: nothing changed.</summary>
    LinkInvalid,
}
