using TrustFund.Domain.Common;
using TrustFund.Domain.Decisions;
using static TrustFund.Domain.Decisions.DecisionStanding;

namespace TrustFund.Domain.Tests.Decisions;

/// <summary>
/// How a recorded decision may be followed by another: an approval and a refusal are final; a
/// reserve-list application may only be approved; a deferral is followed by any decision.
/// </summary>
public sealed class DecisionChangeTests
{
    private static readonly Guid Application = Guid.NewGuid();
    private static readonly Guid Session27 = Guid.NewGuid();

    private static readonly (DecisionStanding From, DecisionOutcome Outcome, DecisionStanding To)[] Legal =
    [
        (Undecided, DecisionOutcome.Approved, Approved),
        (Undecided, DecisionOutcome.ReserveList, ReserveList),
        (Undecided, DecisionOutcome.NotApproved, NotApproved),
        (Undecided, DecisionOutcome.Deferred, Deferred),
        (Deferred, DecisionOutcome.Approved, Approved),
        (Deferred, DecisionOutcome.ReserveList, ReserveList),
        (Deferred, DecisionOutcome.NotApproved, NotApproved),
        (Deferred, DecisionOutcome.Deferred, Deferred),
        (ReserveList, DecisionOutcome.Approved, Approved),
    ];

    private static readonly IReadOnlyList<RankedCandidate> Ranking = [new(Application, "UNVTF-2026-ST-0001", Money.Usd(15_000m), true)];

    private static IEnumerable<TestCaseData> LegalChanges() =>
        Legal.Select(m => new TestCaseData(m.From, m.Outcome, m.To).SetArgDisplayNames(m.From.ToString(), m.Outcome.ToString()));

    private static IEnumerable<TestCaseData> IllegalChanges() =>
        from standing in Enum.GetValues<DecisionStanding>()
        from outcome in Enum.GetValues<DecisionOutcome>()
        where !Legal.Any(m => m.From == standing && m.Outcome == outcome)
        select new TestCaseData(standing, outcome).SetArgDisplayNames(standing.ToString(), outcome.ToString());

    [Test]
    public void Transitions_AreExactlyTheTableWrittenHere()
    {
        Assert.That(DecisionPolicy.Transitions, Is.EquivalentTo(Legal.Select(m => (m.From, DecisionPolicy.ActionOf(m.Outcome), m.To))));
    }

    [TestCaseSource(nameof(LegalChanges))]
    public void Assess_LegalChange_IsAllowedAndLeavesTheNewStanding(DecisionStanding from, DecisionOutcome outcome, DecisionStanding to)
    {
        var assessment = DecisionPolicy.Assess(Money.Usd(100_000m), Ranking, Before(from), Proposal(outcome));

        Assert.Multiple(() =>
        {
            Assert.That(assessment.Violations, Is.Empty);
            Assert.That(assessment.StandingBefore, Is.EqualTo(from));
            Assert.That(DecisionPolicy.ToStanding(outcome), Is.EqualTo(to));
        });
    }

    [TestCaseSource(nameof(IllegalChanges))]
    public void Assess_IllegalChange_IsRefusedSayingWhyTheEarlierDecisionStands(DecisionStanding from, DecisionOutcome outcome)
    {
        var assessment = DecisionPolicy.Assess(Money.Usd(100_000m), Ranking, Before(from), Proposal(outcome));

        var expected = from switch
        {
            Approved => "UNVTF-2026-ST-0001 was approved (27th session, 12 March 2026): an approval is final and no later decision replaces it.",
            NotApproved => "UNVTF-2026-ST-0001 was not approved (27th session, 12 March 2026): that decision is final.",
            ReserveList => "UNVTF-2026-ST-0001 is on the reserve list (27th session, 12 March 2026): it can only be approved later, while funds remain.",
            _ => throw new InvalidOperationException($"{from} has no illegal change."),
        };
        Assert.That(assessment.Violations, Is.EqualTo(new[] { new RuleViolation("Outcome", expected) }));
    }

    private static PriorDecision[] Before(DecisionStanding standing) => standing switch
    {
        Undecided => [],
        Approved => [Prior(DecisionOutcome.Approved, 15_000m)],
        ReserveList => [Prior(DecisionOutcome.ReserveList)],
        NotApproved => [Prior(DecisionOutcome.NotApproved)],
        Deferred => [Prior(DecisionOutcome.Deferred)],
    };

    private static PriorDecision Prior(DecisionOutcome outcome, decimal? amount = null) =>
        new(Application, Session27, "27th session", new DateOnly(2026, 3, 12), outcome, amount is null ? null : Money.Usd(amount.Value));

    private static ProposedDecision Proposal(DecisionOutcome outcome) =>
        outcome == DecisionOutcome.Approved
            ? new ProposedDecision(Application, outcome, Money.Usd(15_000m))
            : new ProposedDecision(Application, outcome);
}
