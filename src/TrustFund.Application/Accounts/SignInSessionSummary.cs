namespace TrustFund.Application.Accounts;

/// <summary>One active session as its owner sees it on the sessions page.</summary>
public sealed record SignInSessionSummary(Guid Id, string Device, string? ClientAddress, DateTime SignedInAtUtc, DateTime LastSeenAtUtc, bool IsCurrent);
