namespace TrustFund.Application.Email;

/// <summary>Who an email goes to, and the language they read (null: the fund's default language).</summary>
public sealed record EmailRecipient(string Address, string Name, string? Culture = null);
