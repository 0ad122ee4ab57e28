using TrustFund.Application.Reviews;
using TrustFund.Domain.Applications;
using TrustFund.Domain.Calls;
using TrustFund.Domain.Reviews;

namespace TrustFund.Application.Tests.Reviews;

/// <summary>The ranking against hand-computed examples.</summary>
public sealed class RankingBuilderTests
{
    private static readonly Guid First = Guid.NewGuid();
    private static readonly Guid Second = Guid.NewGuid();
    private static readonly Guid Third = Guid.NewGuid();

    [Test]
    public void Raw_ranking_with_flags_the_minimum_score_and_the_envelope_line()
    {
        // Envelope 80,000, threshold 25, minimum 50, two reviewers per application, ranked by raw mean.
        var call = Call(RankingBasis.Raw, envelope: 80_000m, minimum: 50);
        var a = Application("UNVTF-2026-RV-0001", 60_000m, "|NGA|", "|ShelterAndSafeAccommodation|");
        var b = Application("UNVTF-2026-RV-0002", 30_000m, "|JOR|", "|LegalAidAndRepresentation|");
        var c = Application("UNVTF-2026-RV-0003", 40_000m, "|PER|", "|ShelterAndSafeAccommodation|");
        var d = Application("UNVTF-2026-RV-0004", 20_000m, "|NGA|", "|ShelterAndSafeAccommodation|");
        var e = Application("UNVTF-2026-RV-0005", 10_000m, "|NGA|", "|ShelterAndSafeAccommodation|", ApplicationStatus.Ineligible);
        RankingReview[] reviews =
        [
            Submitted(a, First, 90m, Recommendation.Fund), Submitted(a, Second, 60m, Recommendation.Reserve),
            Submitted(b, First, 80m, Recommendation.Fund), Submitted(b, Second, 76m, Recommendation.Fund), new(b.Id, Third, AssignmentStatus.Pending, null, null),
            Submitted(c, First, 40m, Recommendation.Reject), Submitted(c, Second, 50m, Recommendation.Fund),
            new(d.Id, Third, AssignmentStatus.Recused, null, null),
        ];

        var ranking = RankingBuilder.Build(call, [a, b, c, d, e], reviews);

        var lines = ranking.Lines;
        Assert.Multiple(() =>
        {
            // B (78) before A (75) before C (45); D has no review; E is ineligible.
            Assert.That(lines.Select(l => l.Reference), Is.EqualTo(new[] { b.Reference, a.Reference, c.Reference, d.Reference, e.Reference }));
            Assert.That(lines.Select(l => l.Rank), Is.EqualTo(new int?[] { 1, 2, 3, null, null }));
            Assert.That(lines[0].Raw!.Mean, Is.EqualTo(78m));
            Assert.That(lines[1].Raw!.Spread, Is.EqualTo(30m));
            Assert.That(lines[1].Disagreement, Is.EqualTo(Disagreement.Spread));
            Assert.That(lines[0].Disagreement, Is.EqualTo(Disagreement.None));
            Assert.That(lines[2].Disagreement, Is.EqualTo(Disagreement.FundAndReject));
            Assert.That(lines[2].BelowMinimum, Is.True);

            // 30,000 then 90,000 (over the 80,000 envelope); C is below the minimum, so not counted.
            Assert.That(lines.Select(l => l.Cumulative), Is.EqualTo(new decimal?[] { 30_000m, 90_000m, null, null, null }));
            Assert.That(lines[0].WithinEnvelope, Is.True);
            Assert.That(lines[1].WithinEnvelope, Is.False);
            Assert.That(ranking.EnvelopeRunsOutAtRank, Is.EqualTo(2));

            // B still waits for its third reviewer; A's two reviews are all the call asks for.
            Assert.That(lines[0].ReviewsComplete, Is.False);
            Assert.That(lines[0].ReviewsOpen, Is.EqualTo(1));
            Assert.That(lines[1].ReviewsComplete, Is.True);
            Assert.That((lines[0].Fund, lines[0].Reserve, lines[0].Reject), Is.EqualTo((2, 0, 0)));
            Assert.That(lines[4].Eligible, Is.False);
            Assert.That(lines[4].Raw, Is.Null);
            Assert.That(lines[0].Regions, Is.EqualTo(new[] { "142" })); // Jordan: Asia
            Assert.That(lines[1].Assistance, Is.EqualTo(new[] { AssistanceType.ShelterAndSafeAccommodation }));
            Assert.That((ranking.Ranked, ranking.Complete, ranking.Flagged), Is.EqualTo((3, 2, 2)));
        });
    }

    [Test]
    public void A_severe_and_a_lenient_reviewer_weigh_alike_when_the_call_ranks_by_normalised_score()
    {
        // Reviewer First scores P 40 and Q 60; Second scores R 80 and S 100. Call mean 70, population SD
        // sqrt(500) = 22.36; each reviewer's z-scores are -1 and +1, so P and R become 47.64, Q and S 92.36.
        var p = Application("P", 10m, "|NGA|", "|ShelterAndSafeAccommodation|");
        var q = Application("Q", 10m, "|NGA|", "|ShelterAndSafeAccommodation|");
        var r = Application("R", 10m, "|NGA|", "|ShelterAndSafeAccommodation|");
        var s = Application("S", 10m, "|NGA|", "|ShelterAndSafeAccommodation|");
        RankingReview[] reviews =
        [
            Submitted(p, First, 40m, Recommendation.Reject), Submitted(q, First, 60m, Recommendation.Fund),
            Submitted(r, Second, 80m, Recommendation.Fund), Submitted(s, Second, 100m, Recommendation.Fund),
        ];

        var normalised = RankingBuilder.Build(Call(RankingBasis.Normalised), [p, q, r, s], reviews).Lines;
        var raw = RankingBuilder.Build(Call(RankingBasis.Raw), [p, q, r, s], reviews).Lines;

        Assert.Multiple(() =>
        {
            // Q and S tie at 92.36; the raw mean breaks the tie.
            Assert.That(normalised.Select(l => l.Reference), Is.EqualTo(new[] { "S", "Q", "R", "P" }));
            Assert.That(normalised.Select(l => l.Normalised), Is.EqualTo(new decimal?[] { 92.36m, 92.36m, 47.64m, 47.64m }));
            Assert.That(normalised.Select(l => l.Raw!.Mean), Is.EqualTo(new[] { 100m, 60m, 80m, 40m }));
            Assert.That(raw.Select(l => l.Reference), Is.EqualTo(new[] { "S", "R", "Q", "P" }));
        });
    }

    private static RankingCall Call(RankingBasis basis, decimal envelope = 1_000_000m, int? minimum = null) =>
        new(Guid.NewGuid(), "RV", "Review call", envelope, 2, 25, minimum, basis, null);

    private static RankingApplication Application(string reference, decimal amount, string countries, string assistance, ApplicationStatus status = ApplicationStatus.Reviewed) =>
        new(Guid.NewGuid(), reference, $"Project {reference}", "Organisation", status, amount, countries, assistance);

    private static RankingReview Submitted(RankingApplication application, Guid reviewer, decimal score, Recommendation recommendation) =>
        new(application.Id, reviewer, AssignmentStatus.Submitted, score, recommendation);
}
