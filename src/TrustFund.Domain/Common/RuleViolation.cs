namespace TrustFund.Domain.Common;

/// <summary>One broken rule, tied to the field (or section) it concerns so the form can point at it.</summary>
public sealed record RuleViolation(string Field, string Message);
