using System.Globalization;
using TrustFund.Domain.Common;

namespace TrustFund.Domain.Decisions;

/// <summary>
/// The rules of the Board's decisions on a call's ranked applications, as a pure function of the
/// call's envelope, its ranking (best first) and the decisions recorded so far:
/// the total approved never exceeds the envelope; an approval that passes over a higher-ranked
/// eligible application not approved (reserve list, not approved, deferred or undecided) needs a
/// written justification; an approval is for more than zero and at most the amount requested;
/// and a recorded decision changes only as <see cref="Transitions"/> allows (an approval or a
/// refusal is final; a reserve-list application can still be approved; a deferred one decided).
/// </summary>
public static class DecisionPolicy
{
    public const int JustificationMinLength = 30;
    public const int TextMaxLength = 4_000;

    private static readonly TransitionTable<DecisionStanding> Changes = BuildChanges();

    /// <summary>Every way a standing may change through a new decision, for tests and documentation.</summary>
    public static IEnumerable<(DecisionStanding From, string Action, DecisionStanding To)> Transitions => Changes.Moves;

    /// <summary>Where the application stands after <paramref name="decisions"/> (given in the order recorded): its latest decision, or undecided.</summary>
    public static DecisionStanding StandingOf(Guid applicationId, IReadOnlyList<PriorDecision> decisions) =>
        LatestOf(applicationId, decisions) is { } latest ? ToStanding(latest.Outcome) : DecisionStanding.Undecided;

    /// <summary>The total approved in the call: the amounts of the applications whose latest decision is an approval.</summary>
    public static Money ApprovedTotal(IReadOnlyList<PriorDecision> decisions) =>
        decisions
            .GroupBy(d => d.ApplicationId)
            .Select(g => g.Last())
            .Where(d => d.Outcome == DecisionOutcome.Approved && d.Amount is not null)
            .Aggregate(Money.Zero, (total, d) => total + d.Amount!.Value);

    /// <summary>
    /// The higher-ranked eligible applications that approving <paramref name="applicationId"/> would
    /// leave unfunded (any not approved), best first.
    /// </summary>
    public static IReadOnlyList<PassedOver> PassedOverBy(Guid applicationId, IReadOnlyList<RankedCandidate> ranking, IReadOnlyList<PriorDecision> decisions)
    {
        var position = IndexOf(applicationId, ranking);
        var passedOver = new List<PassedOver>();
        for (var i = 0; i < position; i++)
        {
            var higher = ranking[i];
            var standing = StandingOf(higher.ApplicationId, decisions);
            if (higher.Eligible && standing != DecisionStanding.Approved)
            {
                passedOver.Add(new PassedOver(higher.ApplicationId, higher.Label, i + 1, standing));
            }
        }

        return passedOver;
    }

    /// <summary>
    /// Assesses a proposed decision against the envelope, the ranking and the decisions so far
    /// (<paramref name="decisions"/>, every session of the call, in the order recorded), listing every
    /// broken rule; nothing is changed.
    /// </summary>
    public static DecisionAssessment Assess(Money envelope, IReadOnlyList<RankedCandidate> ranking, IReadOnlyList<PriorDecision> decisions, ProposedDecision proposed)
    {
        var errors = new List<RuleViolation>();
        var approvedBefore = ApprovedTotal(decisions);
        var standing = StandingOf(proposed.ApplicationId, decisions);
        DecisionAssessment Result(Money approvedAfter, IReadOnlyList<PassedOver> passedOver) =>
            new(errors, standing, passedOver, approvedBefore, approvedAfter, envelope);

        var position = IndexOf(proposed.ApplicationId, ranking);
        if (position < 0)
        {
            errors.Add(new RuleViolation(nameof(ProposedDecision.ApplicationId), "This application is not in the call's ranking: the Board decides on ranked applications only."));
            return Result(approvedBefore, []);
        }

        var candidate = ranking[position];
        if (!candidate.Eligible)
        {
            errors.Add(new RuleViolation(nameof(ProposedDecision.ApplicationId), new LocalText("{0} is not eligible (or was withdrawn): the Board does not decide on it.", candidate.Label)));
            return Result(approvedBefore, []);
        }

        if (!Enum.IsDefined(proposed.Outcome))
        {
            errors.Add(new RuleViolation(nameof(ProposedDecision.Outcome), "Choose the Board's decision."));
            return Result(approvedBefore, []);
        }

        if (!Changes.CanApply(standing, ActionOf(proposed.Outcome)))
        {
            errors.Add(new RuleViolation(nameof(ProposedDecision.Outcome), RefusedChange(candidate.Label, LatestOf(proposed.ApplicationId, decisions)!)));
            return Result(approvedBefore, []);
        }

        CheckLength(proposed.Conditions, nameof(ProposedDecision.Conditions), new LocalText("Write the conditions in at most {0:N0} characters.", TextMaxLength), errors);
        CheckLength(proposed.Justification, nameof(ProposedDecision.Justification), new LocalText("Write the justification in at most {0:N0} characters.", TextMaxLength), errors);
        CheckLength(proposed.Feedback, nameof(ProposedDecision.Feedback), new LocalText("Write the feedback in at most {0:N0} characters.", TextMaxLength), errors);
        if (proposed.Outcome != DecisionOutcome.Approved)
        {
            if (proposed.Amount is not null)
            {
                errors.Add(new RuleViolation(nameof(ProposedDecision.Amount), "Only an approval carries an amount."));
            }

            if (!string.IsNullOrWhiteSpace(proposed.Conditions))
            {
                errors.Add(new RuleViolation(nameof(ProposedDecision.Conditions), "Only an approval carries conditions."));
            }

            return Result(approvedBefore, []);
        }

        var amount = proposed.Amount ?? Money.Zero;
        if (amount == Money.Zero)
        {
            errors.Add(new RuleViolation(nameof(ProposedDecision.Amount), "Enter the approved amount: more than zero."));
        }
        else if (amount > candidate.Requested)
        {
            errors.Add(new RuleViolation(nameof(ProposedDecision.Amount), new LocalText("The approved amount ({0}) is more than the amount requested ({1}).", amount, candidate.Requested)));
        }

        var approvedAfter = Money.Usd(approvedBefore.Amount + amount.Amount);
        if (approvedAfter > envelope)
        {
            var remaining = approvedBefore >= envelope ? Money.Zero : envelope - approvedBefore;
            errors.Add(new RuleViolation(
                nameof(ProposedDecision.Amount),
                new LocalText("Approving {0} would bring the total approved in this call to {1}, over its envelope of {2}: {3} remains.", amount, approvedAfter, envelope, remaining)));
        }

        var passedOver = PassedOverBy(proposed.ApplicationId, ranking, decisions);
        if (passedOver.Count > 0 && (proposed.Justification?.Trim().Length ?? 0) < JustificationMinLength)
        {
            errors.Add(new RuleViolation(
                nameof(ProposedDecision.Justification),
                new LocalText("Approving {0} departs from the ranking: it passes over {1}. Write a justification of at least {2} characters.", candidate.Label, Departure(passedOver), JustificationMinLength)));
        }

        return Result(approvedAfter, passedOver);
    }

    /// <summary>Like <see cref="Assess"/>, but throws a <see cref="RulesViolatedException"/> listing every broken rule.</summary>
    public static DecisionAssessment Check(Money envelope, IReadOnlyList<RankedCandidate> ranking, IReadOnlyList<PriorDecision> decisions, ProposedDecision proposed)
    {
        var assessment = Assess(envelope, ranking, decisions, proposed);
        RulesViolatedException.ThrowIfAny(assessment.Violations);
        return assessment;
    }

    /// <summary>The passed-over applications in words: "UNVTF-2026-ST-0001 (rank 1, on the reserve list), ...".</summary>
    public static string DescribeDeparture(IReadOnlyList<PassedOver> passedOver) => Departure(passedOver).ToString();

    /// <summary>The passed-over applications as a translatable text.</summary>
    public static LocalText Departure(IReadOnlyList<PassedOver> passedOver) =>
        LocalText.List(passedOver.Select(p => new LocalText("{0} (rank {1}, {2})", p.Label, p.Rank, new LocalText(Words(p.Standing)))));

    /// <summary>The standing a decision leaves its application in.</summary>
    public static DecisionStanding ToStanding(DecisionOutcome outcome) => outcome switch
    {
        DecisionOutcome.Approved => DecisionStanding.Approved,
        DecisionOutcome.ReserveList => DecisionStanding.ReserveList,
        DecisionOutcome.NotApproved => DecisionStanding.NotApproved,
        DecisionOutcome.Deferred => DecisionStanding.Deferred,
    };

    /// <summary>The name of the move a decision makes in <see cref="Transitions"/>.</summary>
    public static string ActionOf(DecisionOutcome outcome) => outcome switch
    {
        DecisionOutcome.Approved => "Approved",
        DecisionOutcome.ReserveList => "PlacedOnTheReserveList",
        DecisionOutcome.NotApproved => "Refused",
        DecisionOutcome.Deferred => "Deferred",
    };

    private static PriorDecision? LatestOf(Guid applicationId, IReadOnlyList<PriorDecision> decisions) =>
        decisions.LastOrDefault(d => d.ApplicationId == applicationId);

    private static int IndexOf(Guid applicationId, IReadOnlyList<RankedCandidate> ranking)
    {
        for (var i = 0; i < ranking.Count; i++)
        {
            if (ranking[i].ApplicationId == applicationId)
            {
                return i;
            }
        }

        return -1;
    }

    private static LocalText RefusedChange(string label, PriorDecision latest) => latest.Outcome switch
    {
        DecisionOutcome.Approved => new LocalText("{0} was approved ({1}, {2}): an approval is final and no later decision replaces it.", label, latest.SessionNumber, latest.HeldOn),
        DecisionOutcome.NotApproved => new LocalText("{0} was not approved ({1}, {2}): that decision is final.", label, latest.SessionNumber, latest.HeldOn),
        DecisionOutcome.ReserveList => new LocalText("{0} is on the reserve list ({1}, {2}): it can only be approved later, while funds remain.", label, latest.SessionNumber, latest.HeldOn),
        DecisionOutcome.Deferred => new LocalText("{0} was deferred ({1}, {2}).", label, latest.SessionNumber, latest.HeldOn),
    };

    private static void CheckLength(string? text, string field, LocalText message, List<RuleViolation> errors)
    {
        if (text is not null && text.Trim().Length > TextMaxLength)
        {
            errors.Add(new RuleViolation(field, message));
        }
    }

    private static string Words(DecisionStanding standing) => standing switch
    {
        DecisionStanding.Undecided => "not yet decided",
        DecisionStanding.Approved => "approved",
        DecisionStanding.ReserveList => "on the reserve list",
        DecisionStanding.NotApproved => "not approved",
        DecisionStanding.Deferred => "deferred",
    };

    private static TransitionTable<DecisionStanding> BuildChanges()
    {
        // Approved and NotApproved are final, as in the application's own lifecycle; a deferral is no
        // decision yet, so anything may follow it (another deferral included).
        var table = new TransitionTable<DecisionStanding>("Decision", "A decision that is {0} cannot be {1}.");
        foreach (var open in new[] { DecisionStanding.Undecided, DecisionStanding.Deferred })
        {
            table.Allow(open, "Approved", DecisionStanding.Approved)
                .Allow(open, "PlacedOnTheReserveList", DecisionStanding.ReserveList)
                .Allow(open, "Refused", DecisionStanding.NotApproved)
                .Allow(open, "Deferred", DecisionStanding.Deferred);
        }

        return table.Allow(DecisionStanding.ReserveList, "Approved", DecisionStanding.Approved);
    }
}
