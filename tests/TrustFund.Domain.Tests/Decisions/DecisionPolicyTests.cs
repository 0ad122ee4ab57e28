using TrustFund.Domain.Common;
using TrustFund.Domain.Decisions;
using static TrustFund.Domain.Decisions.DecisionOutcome;

namespace TrustFund.Domain.Tests.Decisions;

/// <summary>
/// The decision rules on a ranking of five: ST-0001 requests 40,000, ST-0002 35,000, ST-0003 30,000,
/// ST-0004 (ineligible) 20,000 and ST-0005 25,000; the envelope is 100,000.
/// </summary>
public sealed class DecisionPolicyTests
{
    private const string Justification = "Only project in the Pacific region, as the Board prioritised.";

    private static readonly Guid A = Guid.NewGuid();
    private static readonly Guid B = Guid.NewGuid();
    private static readonly Guid C = Guid.NewGuid();
    private static readonly Guid D = Guid.NewGuid();
    private static readonly Guid E = Guid.NewGuid();
    private static readonly Guid Session27 = Guid.NewGuid();
    private static readonly Guid Session28 = Guid.NewGuid();
    private static readonly DateOnly March12 = new(2026, 3, 12);
    private static readonly Money Envelope = Money.Usd(100_000m);

    private static readonly IReadOnlyList<RankedCandidate> Ranking =
    [
        new(A, "UNVTF-2026-ST-0001", Money.Usd(40_000m), true),
        new(B, "UNVTF-2026-ST-0002", Money.Usd(35_000m), true),
        new(C, "UNVTF-2026-ST-0003", Money.Usd(30_000m), true),
        new(D, "UNVTF-2026-ST-0004", Money.Usd(20_000m), false),
        new(E, "UNVTF-2026-ST-0005", Money.Usd(25_000m), true),
    ];

    private static PriorDecision At27(Guid application, DecisionOutcome outcome, decimal? amount = null) =>
        new(application, Session27, "27th session", March12, outcome, amount is null ? null : Money.Usd(amount.Value));

    private static ProposedDecision Approve(Guid application, decimal amount, string? justification = null) =>
        new(application, Approved, Money.Usd(amount), Justification: justification);

    [Test]
    public void Assess_ApprovalOfTheBestRankedWithinTheEnvelope_IsAllowedAndFollowsTheRanking()
    {
        var assessment = DecisionPolicy.Assess(Envelope, Ranking, [], Approve(A, 40_000m));

        Assert.Multiple(() =>
        {
            Assert.That(assessment.Violations, Is.Empty);
            Assert.That(assessment.DepartsFromRanking, Is.False);
            Assert.That(assessment.StandingBefore, Is.EqualTo(DecisionStanding.Undecided));
            Assert.That(assessment.ApprovedBefore, Is.EqualTo(Money.Zero));
            Assert.That(assessment.ApprovedAfter, Is.EqualTo(Money.Usd(40_000m)));
            Assert.That(assessment.Remaining, Is.EqualTo(Money.Usd(60_000m)));
        });
    }

    [Test]
    public void Assess_AmountLowerThanRequested_IsAllowed()
    {
        var assessment = DecisionPolicy.Assess(Envelope, Ranking, [], Approve(A, 32_500.50m));

        Assert.That((assessment.IsAllowed, assessment.ApprovedAfter), Is.EqualTo((true, Money.Usd(32_500.50m))));
    }

    [Test]
    public void Assess_MoreThanRequested_IsRefusedWithBothAmounts()
    {
        var assessment = DecisionPolicy.Assess(Envelope, Ranking, [], Approve(A, 40_000.01m));

        Assert.That(assessment.Violations, Is.EqualTo(new[]
        {
            new RuleViolation("Amount", "The approved amount (USD 40,000.01) is more than the amount requested (USD 40,000.00)."),
        }));
    }

    [Test]
    public void Assess_ApprovalWithoutAmountOrWithZero_AsksForAnAmount()
    {
        var withoutAmount = DecisionPolicy.Assess(Envelope, Ranking, [], new ProposedDecision(A, Approved));
        var zero = DecisionPolicy.Assess(Envelope, Ranking, [], Approve(A, 0m));

        var expected = new[] { new RuleViolation("Amount", "Enter the approved amount: more than zero.") };
        Assert.That((withoutAmount.Violations, zero.Violations), Is.EqualTo((expected, expected)));
    }

    [Test]
    public void Assess_EnvelopeExceeded_IsRefusedWithTheTotalTheEnvelopeAndWhatRemains()
    {
        // 40,000 + 35,000 approved; 30,000 more would make 105,000 of 100,000.
        PriorDecision[] decisions = [At27(A, Approved, 40_000m), At27(B, Approved, 35_000m)];

        var assessment = DecisionPolicy.Assess(Envelope, Ranking, decisions, Approve(C, 30_000m));

        Assert.Multiple(() =>
        {
            Assert.That(assessment.Violations, Is.EqualTo(new[]
            {
                new RuleViolation("Amount", "Approving USD 30,000.00 would bring the total approved in this call to USD 105,000.00, over its envelope of USD 100,000.00: USD 25,000.00 remains."),
            }));
            Assert.That(assessment.ApprovedBefore, Is.EqualTo(Money.Usd(75_000m)));
            Assert.That(assessment.Remaining, Is.EqualTo(Money.Zero));
        });
    }

    [Test]
    public void Assess_ApprovalUsingTheEnvelopeToTheCent_IsAllowed()
    {
        PriorDecision[] decisions = [At27(A, Approved, 40_000m), At27(B, Approved, 35_000m)];

        var assessment = DecisionPolicy.Assess(Envelope, Ranking, decisions, Approve(C, 25_000m));

        Assert.That((assessment.IsAllowed, assessment.ApprovedAfter, assessment.Remaining), Is.EqualTo((true, Money.Usd(100_000m), Money.Zero)));
    }

    [Test]
    public void Assess_OneCentOverTheEnvelope_IsRefused()
    {
        PriorDecision[] decisions = [At27(A, Approved, 40_000m), At27(B, Approved, 35_000m)];

        var assessment = DecisionPolicy.Assess(Envelope, Ranking, decisions, Approve(C, 25_000.01m));

        Assert.That(assessment.Violations.Select(v => v.Message), Is.EqualTo(new[]
        {
            "Approving USD 25,000.01 would bring the total approved in this call to USD 100,000.01, over its envelope of USD 100,000.00: USD 25,000.00 remains.",
        }));
    }

    [Test]
    public void Assess_DepartureWithoutJustification_IsRefusedNamingThePassedOverApplications()
    {
        var assessment = DecisionPolicy.Assess(Envelope, Ranking, [], Approve(C, 30_000m));

        Assert.Multiple(() =>
        {
            Assert.That(assessment.Violations, Is.EqualTo(new[]
            {
                new RuleViolation(
                    "Justification",
                    "Approving UNVTF-2026-ST-0003 departs from the ranking: it passes over UNVTF-2026-ST-0001 (rank 1, not yet decided), UNVTF-2026-ST-0002 (rank 2, not yet decided). Write a justification of at least 30 characters."),
            }));
            Assert.That(assessment.PassedOver, Is.EqualTo(new[]
            {
                new PassedOver(A, "UNVTF-2026-ST-0001", 1, DecisionStanding.Undecided),
                new PassedOver(B, "UNVTF-2026-ST-0002", 2, DecisionStanding.Undecided),
            }));
        });
    }

    [Test]
    public void Assess_DepartureWithAJustificationOneCharacterShort_IsRefused()
    {
        var justification = new string('x', DecisionPolicy.JustificationMinLength - 1);

        var assessment = DecisionPolicy.Assess(Envelope, Ranking, [At27(A, Approved, 40_000m)], Approve(C, 30_000m, "  " + justification + "  "));

        Assert.That(assessment.Violations.Select(v => v.Field), Is.EqualTo(new[] { "Justification" }));
    }

    [Test]
    public void Assess_DepartureWithJustification_IsAllowedAndDescribed()
    {
        PriorDecision[] decisions = [At27(A, Approved, 40_000m), At27(B, ReserveList)];

        var assessment = DecisionPolicy.Assess(Envelope, Ranking, decisions, Approve(C, 30_000m, Justification));

        Assert.Multiple(() =>
        {
            Assert.That(assessment.IsAllowed, Is.True);
            Assert.That(assessment.DepartsFromRanking, Is.True);
            Assert.That(assessment.PassedOver, Is.EqualTo(new[] { new PassedOver(B, "UNVTF-2026-ST-0002", 2, DecisionStanding.ReserveList) }));
            Assert.That(DecisionPolicy.DescribeDeparture(assessment.PassedOver), Is.EqualTo("UNVTF-2026-ST-0002 (rank 2, on the reserve list)"));
        });
    }

    [TestCase(ReserveList, "on the reserve list")]
    [TestCase(NotApproved, "not approved")]
    [TestCase(Deferred, "deferred")]
    public void Assess_HigherRankedNotApproved_IsADepartureWhateverItsStanding(DecisionOutcome higher, string words)
    {
        var assessment = DecisionPolicy.Assess(Envelope, Ranking, [At27(A, higher)], Approve(B, 35_000m));

        Assert.That(DecisionPolicy.DescribeDeparture(assessment.PassedOver), Is.EqualTo($"UNVTF-2026-ST-0001 (rank 1, {words})"));
    }

    [Test]
    public void Assess_IneligibleHigherRanked_IsNotPassedOver()
    {
        PriorDecision[] decisions = [At27(A, Approved, 40_000m), At27(B, Approved, 35_000m), At27(C, NotApproved)];

        var assessment = DecisionPolicy.Assess(Money.Usd(200_000m), Ranking, decisions, Approve(E, 25_000m, Justification));

        // C (not approved) is passed over; D is ineligible and is not.
        Assert.That(assessment.PassedOver.Select(p => p.Label), Is.EqualTo(new[] { "UNVTF-2026-ST-0003" }));
    }

    [Test]
    public void Assess_NonApprovals_NeverDepartFromTheRanking()
    {
        foreach (var outcome in new[] { ReserveList, NotApproved, Deferred })
        {
            var assessment = DecisionPolicy.Assess(Envelope, Ranking, [], new ProposedDecision(E, outcome));

            Assert.That((assessment.IsAllowed, assessment.DepartsFromRanking, assessment.ApprovedAfter), Is.EqualTo((true, false, Money.Zero)), outcome.ToString());
        }
    }

    [Test]
    public void Assess_EnvelopeAndDepartureBroken_ReportsBoth()
    {
        PriorDecision[] decisions = [At27(A, Approved, 40_000m), At27(B, ReserveList), At27(C, Approved, 30_000m)];

        // 70,000 approved + 25,000 = 95,000, over an envelope of 90,000; ST-0002 is passed over.
        var error = Assert.Throws<RulesViolatedException>(() => DecisionPolicy.Check(Money.Usd(90_000m), Ranking, decisions, Approve(E, 25_000m, "Too short.")))!;

        Assert.That(error.Violations.Select(v => v.Field), Is.EqualTo(new[] { "Amount", "Justification" }));
    }

    [Test]
    public void Assess_ReserveListApprovedLaterWhileFundsRemain_IsAllowedAndFollowsTheRanking()
    {
        // 27th session: ST-0001 approved for 40,000, ST-0002 on the reserve list, ST-0003 not approved.
        PriorDecision[] decisions = [At27(A, Approved, 40_000m), At27(B, ReserveList), At27(C, NotApproved)];

        var assessment = DecisionPolicy.Assess(Envelope, Ranking, decisions, Approve(B, 35_000m));

        Assert.Multiple(() =>
        {
            Assert.That(assessment.IsAllowed, Is.True);
            Assert.That(assessment.StandingBefore, Is.EqualTo(DecisionStanding.ReserveList));
            Assert.That(assessment.DepartsFromRanking, Is.False);
            Assert.That(assessment.ApprovedAfter, Is.EqualTo(Money.Usd(75_000m)));
        });
    }

    [Test]
    public void Assess_ReserveListApprovedLaterBeyondWhatRemains_IsRefusedAndFitsWhenReduced()
    {
        // 40,000 + 30,000 approved: 30,000 remain for ST-0002's 35,000 request.
        PriorDecision[] decisions = [At27(A, Approved, 40_000m), At27(B, ReserveList), At27(C, Approved, 30_000m)];

        var full = DecisionPolicy.Assess(Envelope, Ranking, decisions, Approve(B, 35_000m));
        var reduced = DecisionPolicy.Assess(Envelope, Ranking, decisions, Approve(B, 30_000m));

        Assert.Multiple(() =>
        {
            Assert.That(full.Violations.Select(v => v.Message), Is.EqualTo(new[]
            {
                "Approving USD 35,000.00 would bring the total approved in this call to USD 105,000.00, over its envelope of USD 100,000.00: USD 30,000.00 remains.",
            }));
            Assert.That((reduced.IsAllowed, reduced.Remaining), Is.EqualTo((true, Money.Zero)));
        });
    }

    [Test]
    public void ApprovedTotal_CountsEachApplicationByItsLatestDecision()
    {
        var session28 = new PriorDecision(B, Session28, "28th session", new DateOnly(2026, 6, 18), Approved, Money.Usd(35_000m));
        PriorDecision[] decisions = [At27(A, Approved, 40_000m), At27(B, ReserveList), At27(C, Deferred), session28];

        Assert.Multiple(() =>
        {
            Assert.That(DecisionPolicy.ApprovedTotal(decisions), Is.EqualTo(Money.Usd(75_000m)));
            Assert.That(DecisionPolicy.StandingOf(B, decisions), Is.EqualTo(DecisionStanding.Approved));
            Assert.That(DecisionPolicy.StandingOf(C, decisions), Is.EqualTo(DecisionStanding.Deferred));
            Assert.That(DecisionPolicy.StandingOf(E, decisions), Is.EqualTo(DecisionStanding.Undecided));
        });
    }

    [Test]
    public void Assess_NonApprovalWithAmountOrConditions_IsRefused()
    {
        var assessment = DecisionPolicy.Assess(Envelope, Ranking, [], new ProposedDecision(A, ReserveList, Money.Usd(10_000m), "Report monthly."));

        Assert.That(assessment.Violations, Is.EqualTo(new[]
        {
            new RuleViolation("Amount", "Only an approval carries an amount."),
            new RuleViolation("Conditions", "Only an approval carries conditions."),
        }));
    }

    [Test]
    public void Assess_ApplicationNotInTheRanking_IsRefused()
    {
        var assessment = DecisionPolicy.Assess(Envelope, Ranking, [], Approve(Guid.NewGuid(), 1_000m));

        Assert.That(assessment.Violations.Select(v => v.Message), Is.EqualTo(new[] { "This application is not in the call's ranking: the Board decides on ranked applications only." }));
    }

    [Test]
    public void Assess_IneligibleApplication_IsRefused()
    {
        var assessment = DecisionPolicy.Assess(Envelope, Ranking, [], new ProposedDecision(D, NotApproved));

        Assert.That(assessment.Violations.Select(v => v.Message), Is.EqualTo(new[] { "UNVTF-2026-ST-0004 is not eligible (or was withdrawn): the Board does not decide on it." }));
    }

    [Test]
    public void Assess_TextsTooLong_AreRefusedEachByField()
    {
        var tooLong = new string('x', DecisionPolicy.TextMaxLength + 1);

        var assessment = DecisionPolicy.Assess(Envelope, Ranking, [], new ProposedDecision(A, Approved, Money.Usd(40_000m), tooLong, tooLong, tooLong));

        Assert.That(assessment.Violations.Select(v => v.Field), Is.EqualTo(new[] { "Conditions", "Justification", "Feedback" }));
    }
}
