namespace TrustFund.Domain.Grants;

/// <summary>A request to release an instalment although <paramref name="Condition"/> is not met, with the written reason.</summary>
public sealed record ConditionOverride(ReleaseCondition Condition, string Justification);

/// <summary>
/// A release condition an instalment was released without, kept on the instalment for the audit
/// trail and reports: which condition, why, who decided and when.
/// </summary>
public sealed record OverriddenCondition(ReleaseCondition Condition, string Justification, Guid ById, string By, DateTime AtUtc);
