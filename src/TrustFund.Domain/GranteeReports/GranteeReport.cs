using TrustFund.Domain.Common;
using TrustFund.Domain.GranteeReports.Events;

namespace TrustFund.Domain.GranteeReports;

/// <summary>
/// One report a grantee owes on a grant (interim or final), from its due date to its acceptance:
/// Due -> Submitted -> (RevisionRequested -> Submitted) -> Accepted. Every submission is kept as a
/// version. Overdue is derived from the due date and the day asked about, never stored.
/// </summary>
public sealed class GranteeReport : AggregateRoot
{
    public const int CommentMaxLength = 4_000;

    private static readonly TransitionTable<ReportStatus> Lifecycle = BuildLifecycle();

    private readonly List<ReportSubmission> _submissions = [];

    private GranteeReport()
    {
    }

    public Guid GrantId { get; private set; }

    public ReportKind Kind { get; private set; }

    /// <summary>1 for the first report of its kind on the grant.</summary>
    public int Sequence { get; private set; }

    /// <summary>The last day the report covers.</summary>
    public DateOnly PeriodEnd { get; private set; }

    /// <summary>The last day to submit; overdue from the day after while not submitted.</summary>
    public DateOnly DueOn { get; private set; }

    public ReportStatus Status { get; private set; }

    /// <summary>The last day to resubmit after a request for revision, when the fund manager set one.</summary>
    public DateOnly? ResubmitBy { get; private set; }

    /// <summary>The fund manager's latest request for revision.</summary>
    public string? RevisionComment { get; private set; }

    public string? AcceptedBy { get; private set; }

    public DateTime? AcceptedAtUtc { get; private set; }

    /// <summary>What the grantee has written so far and not yet submitted; null when nothing is saved.</summary>
    public ReportContent? Draft { get; private set; }

    public string? DraftSavedBy { get; private set; }

    public DateTime? DraftSavedAtUtc { get; private set; }

    /// <summary>Every submitted version, oldest first.</summary>
    public IReadOnlyList<ReportSubmission> Submissions => [.. _submissions.OrderBy(s => s.Number)];

    public static IEnumerable<(ReportStatus From, string Action, ReportStatus To)> Transitions => Lifecycle.Moves;

    /// <summary>The version last submitted, or null before the first submission.</summary>
    public ReportSubmission? LatestSubmission => _submissions.MaxBy(s => s.Number);

    /// <summary>Whether the report was accepted (what an instalment's report condition reads).</summary>
    public bool IsAccepted => Status == ReportStatus.Accepted;

    /// <summary>Schedules a report of a grant from its planned period and due date.</summary>
    public static GranteeReport Schedule(Guid grantId, PlannedReport planned)
    {
        if (planned.Sequence < 1)
        {
            throw new ArgumentException("Reports are numbered from 1.", nameof(planned));
        }

        return new GranteeReport
        {
            GrantId = grantId,
            Kind = planned.Kind,
            Sequence = planned.Sequence,
            PeriodEnd = planned.PeriodEnd,
            DueOn = planned.DueOn,
            Status = ReportStatus.Due,
        };
    }

    /// <summary>
    /// Whether the grantee is late on <paramref name="today"/>: due and not submitted after its due
    /// day, or sent back for revision and not resubmitted after the day set for it.
    /// </summary>
    public bool IsOverdueOn(DateOnly today) => DaysOverdueOn(today) > 0;

    /// <summary>How many days late the grantee is on <paramref name="today"/>; 0 when not late.</summary>
    public int DaysOverdueOn(DateOnly today)
    {
        DateOnly? deadline = Status switch
        {
            ReportStatus.Due => DueOn,
            ReportStatus.RevisionRequested => ResubmitBy,
            ReportStatus.Submitted or ReportStatus.Accepted => null,
        };
        return deadline is { } day && today > day ? today.DayNumber - day.DayNumber : 0;
    }

    /// <summary>Moves the due date of a report not yet submitted (for example after a no-cost extension).</summary>
    public void Reschedule(DateOnly dueOn)
    {
        if (Status != ReportStatus.Due)
        {
            throw new DomainException("report.not-due", "Only a report not yet submitted has a due date to move.");
        }

        DueOn = dueOn;
    }

    /// <summary>
    /// Saves what the grantee has written so far, while the report is due or sent back for revision.
    /// A draft may be incomplete: the content rules and the screening apply when it is submitted.
    /// </summary>
    public void SaveDraft(ReportContent content, string savedBy, DateTime nowUtc)
    {
        ArgumentNullException.ThrowIfNull(content);
        if (Status is not (ReportStatus.Due or ReportStatus.RevisionRequested))
        {
            throw new DomainException("report.not-editable", "This report is submitted: it can be edited again only when sent back for revision.");
        }

        Draft = content;
        DraftSavedBy = savedBy;
        DraftSavedAtUtc = nowUtc;
    }

    /// <summary>What the personal-data screening finds in the content's narrative fields and stories (for showing before submitting).</summary>
    public static IReadOnlyList<PersonalDataFinding> Screen(ReportContent content) => PersonalDataScreen.Screen(content.ScreenedTexts());

    /// <summary>
    /// Submits (or resubmits after a request for revision) the report as a new version. Every content
    /// rule is checked at once. When the screening flags possible personal data, the submission is
    /// refused with the findings unless the submitter attests that the flagged text is not about a
    /// victim; the findings (masked) and the attestation are kept with the version.
    /// </summary>
    public ReportSubmission Submit(ReportContent content, bool attestsFlaggedTextIsNotAboutAVictim, string submittedBy, DateTime nowUtc)
    {
        var resubmission = Status == ReportStatus.RevisionRequested;
        var next = Lifecycle.Apply(Status, resubmission ? "Resubmitted" : "Submitted");
        RulesViolatedException.ThrowIfAny(content.Check());
        var findings = Screen(content);
        if (findings.Count > 0 && !attestsFlaggedTextIsNotAboutAVictim)
        {
            throw new RulesViolatedException(findings.Select(f => new RuleViolation(f.Field, new LocalText("This may be personal data ({0}: {1}). Remove it, or attest that it is not about a victim.", new LocalText(Describe(f.Kind)), f.MaskedExcerpt))).ToList());
        }

        var submission = new ReportSubmission(Id, _submissions.Count + 1, content, findings, submittedBy, nowUtc);
        _submissions.Add(submission);
        Status = next;
        ResubmitBy = null;
        Draft = null;
        DraftSavedBy = null;
        DraftSavedAtUtc = null;
        Raise(new ReportSubmitted(Id, GrantId, Kind, Sequence, submission.Number, submission.AttestedNotAboutVictim));
        return submission;
    }

    /// <summary>A fund manager accepts the submitted report; who and when are recorded.</summary>
    public void Accept(string acceptedBy, DateTime nowUtc)
    {
        Status = Lifecycle.Apply(Status, "Accepted");
        AcceptedBy = acceptedBy;
        AcceptedAtUtc = nowUtc;
        RevisionComment = null;
        LatestSubmission!.RecordReview(ReportReviewOutcome.Accepted, null, acceptedBy, nowUtc);
        Raise(new ReportAccepted(Id, GrantId, Kind, Sequence, acceptedBy, nowUtc));
    }

    /// <summary>
    /// A fund manager sends the submitted report back for revision with a comment (required), and
    /// optionally the last day to resubmit.
    /// </summary>
    public void RequestRevision(string? comment, DateOnly? resubmitBy, string requestedBy, DateTime nowUtc)
    {
        var next = Lifecycle.Apply(Status, "SentBackForRevision");
        var text = (comment ?? string.Empty).Trim();
        if (text.Length == 0 || text.Length > CommentMaxLength)
        {
            throw new RulesViolatedException([new RuleViolation(nameof(RevisionComment), new LocalText("Write what needs revising, in at most {0:N0} characters.", CommentMaxLength))]);
        }

        if (resubmitBy is { } day && day < DateOnly.FromDateTime(nowUtc))
        {
            throw new RulesViolatedException([new RuleViolation(nameof(ResubmitBy), "The day to resubmit by cannot be in the past.")]);
        }

        Status = next;
        RevisionComment = text;
        ResubmitBy = resubmitBy;
        LatestSubmission!.RecordReview(ReportReviewOutcome.RevisionRequested, text, requestedBy, nowUtc);
        Raise(new ReportRevisionRequested(Id, GrantId, Kind, Sequence, text, resubmitBy));
    }

    private static string Describe(PersonalDataKind kind) => kind switch
    {
        PersonalDataKind.EmailAddress => "an email address",
        PersonalDataKind.PhoneNumber => "a phone number",
        PersonalDataKind.DocumentNumber => "a document number",
        PersonalDataKind.NameLabel => "a name",
    };

    private static TransitionTable<ReportStatus> BuildLifecycle() =>
        new TransitionTable<ReportStatus>("Report", "A report that is {0} cannot be {1}.")
            .Allow(ReportStatus.Due, "Submitted", ReportStatus.Submitted)
            .Allow(ReportStatus.Submitted, "SentBackForRevision", ReportStatus.RevisionRequested)
            .Allow(ReportStatus.RevisionRequested, "Resubmitted", ReportStatus.Submitted)
            .Allow(ReportStatus.Submitted, "Accepted", ReportStatus.Accepted)
            .Describe(ReportStatus.RevisionRequested, "sent back for revision");
}
