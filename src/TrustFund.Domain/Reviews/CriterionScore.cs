namespace TrustFund.Domain.Reviews;

/// <summary>A reviewer's score of one rubric criterion (by the criterion's key) with a comment; null while not yet scored.</summary>
public sealed record CriterionScore(string Key, int? Score, string Comment);
