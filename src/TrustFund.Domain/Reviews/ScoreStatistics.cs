namespace TrustFund.Domain.Reviews;

/// <summary>
/// The statistics of an application's submitted review scores (0-100). The standard deviation is the
/// population one (divided by the number of reviews), so one review has a deviation of 0.
/// </summary>
public sealed record ScoreStatistics(int Count, decimal Mean, decimal Median, decimal Minimum, decimal Maximum, decimal StandardDeviation)
{
    /// <summary>Maximum minus minimum.</summary>
    public decimal Spread => Maximum - Minimum;

    /// <summary>The statistics of <paramref name="scores"/>, or null when there are none.</summary>
    public static ScoreStatistics? Of(IEnumerable<decimal> scores)
    {
        var sorted = scores.Order().ToArray();
        if (sorted.Length == 0)
        {
            return null;
        }

        var mean = sorted.Sum() / sorted.Length;
        var middle = sorted.Length / 2;
        var median = sorted.Length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
        var variance = sorted.Sum(s => (s - mean) * (s - mean)) / sorted.Length;
        var deviation = (decimal)Math.Sqrt((double)variance);
        return new ScoreStatistics(sorted.Length, Round(mean), Round(median), sorted[0], sorted[^1], Round(deviation));
    }

    private static decimal Round(decimal value) => Math.Round(value, 2, MidpointRounding.AwayFromZero);
}
