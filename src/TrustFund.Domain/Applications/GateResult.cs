namespace TrustFund.Domain.Applications;

/// <summary>A person's confirmation of one eligibility gate: pass or fail, with a comment.</summary>
public sealed record GateResult(EligibilityGate Gate, bool Passed, string Comment, string ConfirmedBy, DateTime ConfirmedAtUtc);
