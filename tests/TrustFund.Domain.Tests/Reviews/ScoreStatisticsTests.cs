using TrustFund.Domain.Reviews;

namespace TrustFund.Domain.Tests.Reviews;

public class ScoreStatisticsTests
{
    [Test]
    public void Three_reviews_by_hand()
    {
        // 60, 72, 90: mean 74; median 72; spread 30; variance ((14² + 2² + 16²) / 3) = 456 / 3 = 152; sd √152 = 12.3288...
        var stats = ScoreStatistics.Of([72m, 90m, 60m])!;

        Assert.Multiple(() =>
        {
            Assert.That(stats.Count, Is.EqualTo(3));
            Assert.That(stats.Mean, Is.EqualTo(74m));
            Assert.That(stats.Median, Is.EqualTo(72m));
            Assert.That(stats.Minimum, Is.EqualTo(60m));
            Assert.That(stats.Maximum, Is.EqualTo(90m));
            Assert.That(stats.Spread, Is.EqualTo(30m));
            Assert.That(stats.StandardDeviation, Is.EqualTo(12.33m));
        });
    }

    [Test]
    public void An_even_count_takes_the_middle_pair_for_the_median()
    {
        var stats = ScoreStatistics.Of([40m, 50m, 70m, 100m])!;

        Assert.Multiple(() =>
        {
            Assert.That(stats.Median, Is.EqualTo(60m));
            Assert.That(stats.Mean, Is.EqualTo(65m));
        });
    }

    [Test]
    public void One_review_has_no_spread_and_none_has_no_statistics()
    {
        Assert.Multiple(() =>
        {
            Assert.That(ScoreStatistics.Of([55.5m])!.StandardDeviation, Is.Zero);
            Assert.That(ScoreStatistics.Of([55.5m])!.Spread, Is.Zero);
            Assert.That(ScoreStatistics.Of([]), Is.Null);
        });
    }

    [Test]
    public void Weighted_score_of_the_default_rubric_by_hand()
    {
        var rubric = TrustFund.Domain.Calls.DefaultRubric.Criteria;
        // Weights 15 10 20 15 10 10 10 10; scores 5 4 3 2 1 0 5 4 on 0-5:
        // (75 + 40 + 60 + 30 + 10 + 0 + 50 + 40) / 5 = 305 / 5 = 61.
        int[] given = [5, 4, 3, 2, 1, 0, 5, 4];
        var scores = rubric.Select((c, i) => new CriterionScore(c.Key, given[i], string.Empty)).ToArray();

        Assert.That(ReviewScore.Weighted(rubric, scores, 5), Is.EqualTo(61m));
    }
}
