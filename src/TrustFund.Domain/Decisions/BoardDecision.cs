using TrustFund.Domain.Common;

namespace TrustFund.Domain.Decisions;

/// <summary>
/// The Board's decision on one application at one session. Never edited: a later decision (a
/// reserve-list application approved, a deferred one decided) is a new decision at a later session.
/// Only the feedback to the applicant may be written until it is released.
/// </summary>
public sealed class BoardDecision
{
    private BoardDecision()
    {
        ApplicationLabel = string.Empty;
        RecordedBy = string.Empty;
    }

    internal BoardDecision(Guid sessionId, string applicationLabel, ProposedDecision proposed, DecisionAssessment assessment, string recordedBy, DateTime recordedAtUtc)
        : this()
    {
        SessionId = sessionId;
        ApplicationId = proposed.ApplicationId;
        ApplicationLabel = applicationLabel;
        Outcome = proposed.Outcome;
        Amount = proposed.Outcome == DecisionOutcome.Approved ? proposed.Amount : null;
        Conditions = TextOrNull(proposed.Conditions);
        Justification = TextOrNull(proposed.Justification);
        PassedOver = assessment.PassedOver;
        StandingBefore = assessment.StandingBefore;
        Feedback = TextOrNull(proposed.Feedback);
        RecordedBy = recordedBy;
        RecordedAtUtc = recordedAtUtc;
    }

    public Guid Id { get; private set; } = Guid.NewGuid();

    public Guid SessionId { get; private set; }

    public Guid ApplicationId { get; private set; }

    /// <summary>The application's reference number when decided.</summary>
    public string ApplicationLabel { get; private set; }

    public DecisionOutcome Outcome { get; private set; }

    /// <summary>The approved amount; null unless approved.</summary>
    public Money? Amount { get; private set; }

    /// <summary>Conditions attached to an approval.</summary>
    public string? Conditions { get; private set; }

    /// <summary>Why the Board departed from the ranking (required when it did).</summary>
    public string? Justification { get; private set; }

    /// <summary>The higher-ranked eligible applications this approval left unfunded; empty when it follows the ranking.</summary>
    public IReadOnlyList<PassedOver> PassedOver { get; private set; } = [];

    /// <summary>Where the application stood before this decision (undecided, deferred or on the reserve list).</summary>
    public DecisionStanding StandingBefore { get; private set; }

    /// <summary>Feedback to the applicant; shown to them only once released.</summary>
    public string? Feedback { get; private set; }

    public DateTime? FeedbackReleasedAtUtc { get; private set; }

    public string? FeedbackReleasedBy { get; private set; }

    public string RecordedBy { get; private set; }

    public DateTime RecordedAtUtc { get; private set; }

    /// <summary>Whether this approval passed over a higher-ranked eligible application.</summary>
    public bool DepartsFromRanking => PassedOver.Count > 0;

    /// <summary>Whether the applicant may read the feedback.</summary>
    public bool IsFeedbackReleased => FeedbackReleasedAtUtc is not null;

    internal void WriteFeedback(string? feedback)
    {
        EnsureFeedbackNotReleased();
        var text = TextOrNull(feedback);
        if (text is { Length: > DecisionPolicy.TextMaxLength })
        {
            throw new RulesViolatedException([new RuleViolation(nameof(Feedback), new LocalText("Write the feedback in at most {0:N0} characters.", DecisionPolicy.TextMaxLength))]);
        }

        Feedback = text;
    }

    internal void ReleaseFeedback(string releasedBy, DateTime nowUtc)
    {
        EnsureFeedbackNotReleased();
        if (Feedback is null)
        {
            throw new DomainException("decision.no-feedback", "Write the feedback before releasing it to the applicant.");
        }

        FeedbackReleasedAtUtc = nowUtc;
        FeedbackReleasedBy = releasedBy;
    }

    private void EnsureFeedbackNotReleased()
    {
        if (IsFeedbackReleased)
        {
            throw new DomainException("decision.feedback-released", "The feedback has already been released to the applicant: it can no longer be changed.");
        }
    }

    private static string? TextOrNull(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
