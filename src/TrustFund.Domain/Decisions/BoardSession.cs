using System.Globalization;
using System.Text.RegularExpressions;
using TrustFund.Domain.Applications;
using TrustFund.Domain.Common;
using TrustFund.Domain.Decisions.Events;

namespace TrustFund.Domain.Decisions;

/// <summary>
/// A numbered session of the Board of Trustees on one call (e.g. "27th session"), and the decisions
/// it took on the call's ranked applications. Each decision is checked by <see cref="DecisionPolicy"/>
/// against the call's envelope, ranking and every decision recorded so far, and moves the application
/// through its own lifecycle. A session decides on an application at most once.
/// </summary>
public sealed partial class BoardSession : AggregateRoot
{
    public const int NumberMaxLength = 60;

    private readonly List<BoardDecision> _decisions = [];

    private BoardSession()
    {
        Number = string.Empty;
        RecordedBy = string.Empty;
    }

    public Guid CallId { get; private set; }

    /// <summary>The session's number as the Board names it ("27th session"); unique within the call.</summary>
    public string Number { get; private set; }

    /// <summary>The day the Board met.</summary>
    public DateOnly HeldOn { get; private set; }

    public string RecordedBy { get; private set; }

    public DateTime RecordedAtUtc { get; private set; }

    /// <summary>The decisions taken at this session, in the order recorded.</summary>
    public IReadOnlyList<BoardDecision> Decisions => [.. _decisions.OrderBy(d => d.RecordedAtUtc)];

    /// <summary>Records a session of the Board for a call: its number and the day it was held.</summary>
    public static BoardSession Record(Guid callId, string? number, DateOnly heldOn, string recordedBy, DateTime nowUtc)
    {
        var text = NormaliseNumber(number);
        if (text.Length == 0 || text.Length > NumberMaxLength)
        {
            throw new RulesViolatedException([new RuleViolation(nameof(Number), new LocalText("Enter the session's number (for example \"27th session\"), in at most {0} characters.", NumberMaxLength))]);
        }

        var session = new BoardSession
        {
            CallId = callId,
            Number = text,
            HeldOn = heldOn,
            RecordedBy = recordedBy,
            RecordedAtUtc = nowUtc,
        };
        session.Raise(new BoardSessionRecorded(session.Id, callId, text, heldOn));
        return session;
    }

    /// <summary>The session number as stored and compared for uniqueness: trimmed, inner spaces collapsed.</summary>
    public static string NormaliseNumber(string? number) => Spaces().Replace(number ?? string.Empty, " ").Trim();

    /// <summary>
    /// Records the Board's decision on <paramref name="application"/> at this session, after checking it
    /// with <see cref="DecisionPolicy"/> (every broken rule reported at once), and moves the application
    /// to approved, reserve list or not approved (a deferral leaves it reviewed). Nothing changes when
    /// a rule is broken.
    /// </summary>
    public BoardDecision Decide(GrantApplication application, ProposedDecision proposed, DecisionContext context, string recordedBy, DateTime nowUtc)
    {
        if (proposed.ApplicationId != application.Id)
        {
            throw new ArgumentException("The proposed decision is about another application.", nameof(proposed));
        }

        if (application.CallId != CallId)
        {
            throw new DomainException("decision.other-call", "This application was made to another call than this session's.");
        }

        var label = application.Reference ?? application.Title;
        if (_decisions.Any(d => d.ApplicationId == application.Id))
        {
            throw new DomainException(
                "decision.already-decided-at-session",
                new LocalText("The {0} has already decided on {1}: a reserve-list or deferred application is decided again at a later session.", Number, label));
        }

        var decisions = context.OtherSessions.Where(d => d.SessionId != Id).Concat(ToPriorDecisions()).ToList();
        if (decisions.LastOrDefault(d => d.ApplicationId == application.Id) is { } latest && latest.HeldOn > HeldOn)
        {
            throw new DomainException(
                "decision.later-session",
                new LocalText("{0} was decided at a later session ({1}, {2}): a session held before it cannot change that decision.", label, latest.SessionNumber, latest.HeldOn));
        }

        var assessment = DecisionPolicy.Check(context.Envelope, context.Ranking, decisions, proposed);
        MoveApplication(application, proposed.Outcome);
        var decision = new BoardDecision(Id, label, proposed, assessment, recordedBy, nowUtc);
        _decisions.Add(decision);
        Raise(new BoardDecisionRecorded(Id, CallId, decision.Id, application.Id, decision.Outcome, decision.Amount?.Amount, decision.DepartsFromRanking));
        return decision;
    }

    /// <summary>Writes (or rewrites) the feedback to the applicant on a decision, until it is released.</summary>
    public void WriteFeedback(Guid applicationId, string? feedback) => DecisionOn(applicationId).WriteFeedback(feedback);

    /// <summary>Releases the feedback on a decision to the applicant; after this it cannot change.</summary>
    public void ReleaseFeedback(Guid applicationId, string releasedBy, DateTime nowUtc)
    {
        var decision = DecisionOn(applicationId);
        decision.ReleaseFeedback(releasedBy, nowUtc);
        Raise(new DecisionFeedbackReleased(Id, decision.Id, applicationId, decision.Feedback!));
    }

    /// <summary>This session's decisions as <see cref="DecisionPolicy"/> reads them, for deciding at other sessions.</summary>
    public IEnumerable<PriorDecision> ToPriorDecisions() =>
        Decisions.Select(d => new PriorDecision(d.ApplicationId, Id, Number, HeldOn, d.Outcome, d.Amount));

    private BoardDecision DecisionOn(Guid applicationId) =>
        _decisions.FirstOrDefault(d => d.ApplicationId == applicationId)
        ?? throw new DomainException("decision.not-found", new LocalText("The {0} has no decision on this application.", Number));

    private static void MoveApplication(GrantApplication application, DecisionOutcome outcome)
    {
        switch (outcome)
        {
            case DecisionOutcome.Approved:
                application.Approve();
                break;
            case DecisionOutcome.ReserveList:
                application.PlaceOnReserveList();
                break;
            case DecisionOutcome.NotApproved:
                application.Reject();
                break;
            case DecisionOutcome.Deferred when application.Status != ApplicationStatus.Reviewed:
                throw new DomainException("decision.not-reviewed", "Only an application whose reviews are complete can be deferred.");
            case DecisionOutcome.Deferred:
                break;
        }
    }

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();
}
