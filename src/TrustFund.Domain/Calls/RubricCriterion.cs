namespace TrustFund.Domain.Calls;

/// <summary>One criterion of a call's scoring rubric; weights of a rubric sum to 100.</summary>
public sealed record RubricCriterion(string Key, string Name, int Weight);
