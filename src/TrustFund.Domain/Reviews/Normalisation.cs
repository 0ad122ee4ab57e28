namespace TrustFund.Domain.Reviews;

/// <summary>One submitted review's score, by reviewer and application.</summary>
public sealed record ScoredReview(Guid ReviewerId, Guid ApplicationId, decimal Score);

/// <summary>
/// Per-reviewer normalisation within a call, so that a lenient or a severe reviewer weighs no more than
/// another: each review's score becomes a z-score among that reviewer's reviews in the call, mapped
/// back onto the call's 0-100 scale with the mean and standard deviation of all the call's reviews
/// (population deviations). A reviewer with a single review in the call keeps the raw score (one
/// review says nothing of their leniency); one whose scores are all equal is only shifted to the call's
/// mean. Results are clamped to 0-100 and rounded to two decimals.
/// </summary>
public static class Normalisation
{
    /// <summary>The normalised score of each review, in the order given.</summary>
    public static IReadOnlyList<decimal> Normalise(IReadOnlyList<ScoredReview> reviews)
    {
        if (reviews.Count == 0)
        {
            return [];
        }

        var (callMean, callDeviation) = MeanAndDeviation(reviews.Select(r => (double)r.Score));
        var byReviewer = reviews.GroupBy(r => r.ReviewerId)
            .ToDictionary(g => g.Key, g => (Count: g.Count(), Stats: MeanAndDeviation(g.Select(r => (double)r.Score))));
        var result = new decimal[reviews.Count];
        for (var i = 0; i < reviews.Count; i++)
        {
            var review = reviews[i];
            var reviewer = byReviewer[review.ReviewerId];
            var score = (double)review.Score;
            double normalised;
            if (reviewer.Count < 2)
            {
                normalised = score;
            }
            else if (reviewer.Stats.Deviation == 0)
            {
                normalised = callMean + (score - reviewer.Stats.Mean);
            }
            else
            {
                normalised = callMean + (callDeviation * (score - reviewer.Stats.Mean) / reviewer.Stats.Deviation);
            }

            result[i] = Math.Round((decimal)Math.Clamp(normalised, 0, 100), 2, MidpointRounding.AwayFromZero);
        }

        return result;
    }

    private static (double Mean, double Deviation) MeanAndDeviation(IEnumerable<double> values)
    {
        var list = values as IReadOnlyCollection<double> ?? [.. values];
        var mean = list.Average();
        var variance = list.Sum(v => (v - mean) * (v - mean)) / list.Count;
        return (mean, Math.Sqrt(variance));
    }
}
