namespace TrustFund.Domain.Reviews;

/// <summary>A fund manager's reopening of a submitted review, kept as history.</summary>
public sealed record ReviewReopening(string Reason, string ReopenedBy, DateTime ReopenedAtUtc, decimal? ScoreBefore);
