namespace TrustFund.Domain.Organisations;

/// <summary>The organisation's bank account (in its own name), with the Secretariat's verification.</summary>
public sealed record BankDetails
{
    public string BankName { get; init; } = string.Empty;

    public string SwiftBic { get; init; } = string.Empty;

    public string AccountNumber { get; init; } = string.Empty;

    public string AccountHolder { get; init; } = string.Empty;

    public bool Verified { get; init; }

    public DateTime? VerifiedAtUtc { get; init; }

    public string? VerifiedBy { get; init; }
}
