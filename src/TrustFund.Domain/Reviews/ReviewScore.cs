using TrustFund.Domain.Calls;

namespace TrustFund.Domain.Reviews;

/// <summary>The weighted score of a review on 0-100: each criterion's score as a share of the scale, times its weight (weights sum to 100).</summary>
public static class ReviewScore
{
    /// <summary>Σ weight × score ÷ scale maximum, rounded to two decimals; every criterion must be scored.</summary>
    public static decimal Weighted(IReadOnlyList<RubricCriterion> rubric, IReadOnlyList<CriterionScore> scores, int scaleMaximum)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(scaleMaximum, 1);
        decimal total = 0;
        foreach (var criterion in rubric)
        {
            var score = scores.FirstOrDefault(s => s.Key == criterion.Key)?.Score
                ?? throw new InvalidOperationException($"Criterion {criterion.Key} is not scored.");
            total += (decimal)criterion.Weight * score / scaleMaximum;
        }

        return Math.Round(total, 2, MidpointRounding.AwayFromZero);
    }
}
