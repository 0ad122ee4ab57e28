using TrustFund.Domain.Reviews;

namespace TrustFund.Domain.Tests.Reviews;

public class NormalisationTests
{
    private static readonly Guid Lenient = Guid.NewGuid();
    private static readonly Guid Severe = Guid.NewGuid();
    private static readonly Guid Single = Guid.NewGuid();

    [Test]
    public void A_lenient_and_a_severe_reviewer_are_brought_onto_the_call_s_scale()
    {
        // Lenient scores 80 and 90 (mean 85, sd 5); severe 40 and 60 (mean 50, sd 10).
        // Call: 80, 90, 40, 60 → mean 67.5; deviations 12.5, 22.5, -27.5, -7.5; variance (156.25 + 506.25 + 756.25 + 56.25) / 4 = 368.75; sd 19.2029...
        // Lenient 80: z = -1 → 67.5 - 19.2029 = 48.2971 → 48.30; 90: z = 1 → 86.70.
        // Severe 40: z = -1 → 48.30; 60: z = 1 → 86.70.
        ScoredReview[] reviews =
        [
            new(Lenient, Guid.NewGuid(), 80m), new(Lenient, Guid.NewGuid(), 90m),
            new(Severe, Guid.NewGuid(), 40m), new(Severe, Guid.NewGuid(), 60m),
        ];

        var normalised = Normalisation.Normalise(reviews);

        Assert.That(normalised, Is.EqualTo(new[] { 48.30m, 86.70m, 48.30m, 86.70m }));
    }

    [Test]
    public void A_reviewer_with_one_review_keeps_the_raw_score_and_equal_scores_are_only_shifted()
    {
        // Call: 70, 70, 40 → mean 60. The reviewer with 70 and 70 (sd 0) is shifted to 60 + (70 - 70) = 60.
        ScoredReview[] reviews = [new(Lenient, Guid.NewGuid(), 70m), new(Lenient, Guid.NewGuid(), 70m), new(Single, Guid.NewGuid(), 40m)];

        var normalised = Normalisation.Normalise(reviews);

        Assert.That(normalised, Is.EqualTo(new[] { 60m, 60m, 40m }));
    }

    [Test]
    public void A_score_mapped_past_100_is_clamped()
    {
        // Reviewer A: 98, 100 (mean 99, sd 1). Reviewer B: 0, 0, 30 (mean 10, sd √200 = 14.1421).
        // Call: 98, 100, 0, 0, 30 → mean 45.6; squared deviations 2745.76 + 2959.36 + 2079.36 + 2079.36 + 243.36 = 10107.2;
        // variance 2021.44; sd 44.9604.
        // A's 98: z = -1 → 0.6396 → 0.64; 100: z = 1 → 90.5604 → 90.56.
        // B's 0: z = -0.7071 → 45.6 - 31.7918 = 13.81; 30: z = 1.4142 → 45.6 + 63.5836 = 109.18 → clamped to 100.
        ScoredReview[] reviews = [new(Lenient, Guid.NewGuid(), 98m), new(Lenient, Guid.NewGuid(), 100m), new(Severe, Guid.NewGuid(), 0m), new(Severe, Guid.NewGuid(), 0m), new(Severe, Guid.NewGuid(), 30m)];

        var normalised = Normalisation.Normalise(reviews);

        Assert.That(normalised, Is.EqualTo(new[] { 0.64m, 90.56m, 13.81m, 13.81m, 100m }));
    }

    [Test]
    public void No_reviews_give_no_scores() => Assert.That(Normalisation.Normalise([]), Is.Empty);
}
