namespace TrustFund.Domain.Calls;

/// <summary>A change to a published call's terms: numbered, with its reason, who made it and what changed.</summary>
public sealed record CallAmendment(int Number, DateTime AmendedAtUtc, string AmendedBy, string Reason, IReadOnlyList<TermChange> Changes);
