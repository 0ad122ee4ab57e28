using TrustFund.Domain.Applications;
using TrustFund.Domain.Calls;
using TrustFund.Domain.Common;
using TrustFund.Domain.Reviews.Events;

namespace TrustFund.Domain.Reviews;

/// <summary>
/// One reviewer's assignment to one application, and the review they write for it. The reviewer first
/// declares whether they have a conflict of interest (a conflict recuses them); then scores each
/// criterion of the call's rubric with a comment, recommends and summarises, saving drafts; submitting
/// locks the review, and only a fund manager can reopen it, with a reason. One assignment per reviewer
/// and application, ever: a recused reviewer is never assigned to the same application again.
/// </summary>
public sealed class ReviewAssignment : AggregateRoot
{
    public const int CommentMaxLength = 4_000;
    public const int SummaryMaxLength = 8_000;
    public const int NoteMaxLength = 2_000;
    public const int ReasonMaxLength = 2_000;

    private ReviewAssignment()
    {
        ReviewerName = string.Empty;
        AssignedBy = string.Empty;
        Summary = string.Empty;
    }

    public Guid CallId { get; private set; }

    public Guid ApplicationId { get; private set; }

    /// <summary>The applicant organisation (kept for the conflicts log and pinned conflicts).</summary>
    public Guid OrganisationId { get; private set; }

    /// <summary>
    /// The application's title, organisation name and reference when the reviewer was assigned, for the
    /// reviewer's queue. An application cannot change once found eligible, so these stay its own.
    /// </summary>
    public string ApplicationTitle { get; private set; } = string.Empty;

    /// <inheritdoc cref="ApplicationTitle"/>
    public string OrganisationName { get; private set; } = string.Empty;

    /// <inheritdoc cref="ApplicationTitle"/>
    public string? ApplicationReference { get; private set; }

    /// <summary>The reviewer's user account.</summary>
    public Guid ReviewerId { get; private set; }

    /// <summary>The reviewer's name when assigned (for the fund manager's pages and the conflicts log).</summary>
    public string ReviewerName { get; private set; }

    public AssignmentStatus Status { get; private set; }

    public DateTime AssignedAtUtc { get; private set; }

    public string AssignedBy { get; private set; }

    /// <summary>The day (in the call's time zone) the review is due; overdue from the day after.</summary>
    public DateOnly DueOn { get; private set; }

    public DateTime? DeclaredAtUtc { get; private set; }

    public ConflictType? ConflictType { get; private set; }

    public string? ConflictNote { get; private set; }

    /// <summary>The scores so far, in rubric order.</summary>
    public IReadOnlyList<CriterionScore> Scores { get; private set; } = [];

    public Recommendation? Recommendation { get; private set; }

    public string Summary { get; private set; }

    /// <summary>The weighted score on 0-100, set when the review is submitted.</summary>
    public decimal? WeightedScore { get; private set; }

    public DateTime? LastSavedAtUtc { get; private set; }

    public DateTime? SubmittedAtUtc { get; private set; }

    public DateTime? RemovedAtUtc { get; private set; }

    public DateTime? LastRemindedAtUtc { get; private set; }

    public IReadOnlyList<ReviewReopening> Reopenings { get; private set; } = [];

    /// <summary>Whether the assignment still waits for the reviewer (not submitted, recused or removed).</summary>
    public bool IsOpen => Status is AssignmentStatus.Pending or AssignmentStatus.Draft;

    /// <summary>Whether the assignment counts towards the application's reviewers (open or submitted).</summary>
    public bool IsActive => Status is AssignmentStatus.Pending or AssignmentStatus.Draft or AssignmentStatus.Submitted;

    /// <summary>Overdue: still open after its due day.</summary>
    public bool IsOverdueOn(DateOnly today) => IsOpen && today > DueOn;

    /// <summary>
    /// Assigns a reviewer to an eligible application, or one already under review (or reviewed, which
    /// it puts back under review). The caller has checked conflicts and membership.
    /// </summary>
    public static ReviewAssignment Assign(GrantApplication application, Guid reviewerId, string reviewerName, DateOnly dueOn, string by, DateTime nowUtc)
    {
        switch (application.Status)
        {
            case ApplicationStatus.Eligible:
                application.StartReview();
                break;
            case ApplicationStatus.Reviewed:
                application.ResumeReview();
                break;
            case ApplicationStatus.UnderReview:
                break;
            default:
                throw new DomainException("review.not-eligible", "Reviewers can be assigned only to applications found eligible.");
        }

        var assignment = new ReviewAssignment
        {
            CallId = application.CallId,
            ApplicationId = application.Id,
            OrganisationId = application.OrganisationId,
            ApplicationTitle = application.Title,
            OrganisationName = application.OrganisationName,
            ApplicationReference = application.Reference,
            ReviewerId = reviewerId,
            ReviewerName = reviewerName,
            Status = AssignmentStatus.Pending,
            AssignedAtUtc = nowUtc,
            AssignedBy = by,
            DueOn = dueOn,
        };
        assignment.Raise(new ReviewerAssigned(assignment.Id, application.CallId, application.Id, reviewerId, dueOn));
        return assignment;
    }

    /// <summary>The reviewer declares no conflict of interest and may now read the application.</summary>
    public void DeclareNoConflict(DateTime nowUtc)
    {
        EnsureStatus(AssignmentStatus.Pending, "You have already declared for this application.");
        Status = AssignmentStatus.Draft;
        DeclaredAtUtc = nowUtc;
    }

    /// <summary>The reviewer declares a conflict of interest, with its type and a note, and is recused.</summary>
    public void DeclareConflict(ConflictType type, string? note, DateTime nowUtc)
    {
        EnsureStatus(AssignmentStatus.Pending, "You have already declared for this application.");
        if (!Enum.IsDefined(type))
        {
            throw new RulesViolatedException([new RuleViolation(nameof(ConflictType), "Choose the type of conflict.")]);
        }

        var text = (note ?? string.Empty).Trim();
        if (text.Length == 0 || text.Length > NoteMaxLength)
        {
            throw new RulesViolatedException([new RuleViolation(nameof(ConflictNote), new LocalText("Describe the conflict in at most {0:N0} characters.", NoteMaxLength))]);
        }

        Status = AssignmentStatus.Recused;
        ConflictType = type;
        ConflictNote = text;
        DeclaredAtUtc = nowUtc;
        Raise(new ConflictDeclared(Id, CallId, ApplicationId, OrganisationId, ReviewerId, ReviewerName, type, text));
    }

    /// <summary>Saves the review as a draft: any criterion may still be unscored; given scores must be on the scale.</summary>
    public void SaveDraft(CallTerms terms, IReadOnlyList<CriterionScore> scores, Recommendation? recommendation, string? summary, DateTime nowUtc)
    {
        EnsureStatus(AssignmentStatus.Draft, DraftRefusal());
        var checkedScores = Check(terms, scores, recommendation, summary, complete: false);
        Scores = checkedScores;
        Recommendation = recommendation;
        Summary = (summary ?? string.Empty).Trim();
        LastSavedAtUtc = nowUtc;
    }

    /// <summary>Submits the review: every criterion scored, a recommendation and a summary. Locks it.</summary>
    public void Submit(CallTerms terms, IReadOnlyList<CriterionScore> scores, Recommendation? recommendation, string? summary, DateTime nowUtc)
    {
        EnsureStatus(AssignmentStatus.Draft, DraftRefusal());
        var checkedScores = Check(terms, scores, recommendation, summary, complete: true);
        Scores = checkedScores;
        Recommendation = recommendation;
        Summary = (summary ?? string.Empty).Trim();
        WeightedScore = ReviewScore.Weighted(terms.Rubric, checkedScores, terms.ScoreScaleMaximum);
        Status = AssignmentStatus.Submitted;
        SubmittedAtUtc = nowUtc;
        LastSavedAtUtc = nowUtc;
        Raise(new ReviewSubmitted(Id, CallId, ApplicationId, ReviewerId, WeightedScore.Value));
    }

    /// <summary>A fund manager reopens a submitted review with a reason; it becomes a draft again.</summary>
    public void Reopen(string? reason, string by, DateTime nowUtc)
    {
        EnsureStatus(AssignmentStatus.Submitted, "Only a submitted review can be reopened.");
        var text = (reason ?? string.Empty).Trim();
        if (text.Length == 0 || text.Length > ReasonMaxLength)
        {
            throw new RulesViolatedException([new RuleViolation("Reason", new LocalText("Give the reason for reopening the review in at most {0:N0} characters.", ReasonMaxLength))]);
        }

        Reopenings = [.. Reopenings, new ReviewReopening(text, by, nowUtc, WeightedScore)];
        Status = AssignmentStatus.Draft;
        WeightedScore = null;
        SubmittedAtUtc = null;
        Raise(new ReviewReopened(Id, CallId, ApplicationId, ReviewerId, text));
    }

    /// <summary>A fund manager takes back an assignment whose review is not submitted.</summary>
    public void Remove(DateTime nowUtc)
    {
        if (!IsOpen)
        {
            throw new DomainException("review.not-open", Status == AssignmentStatus.Submitted
                ? "A submitted review cannot be taken back; reopen it instead."
                : "This assignment has already ended.");
        }

        Status = AssignmentStatus.Removed;
        RemovedAtUtc = nowUtc;
        Raise(new AssignmentRemoved(Id, CallId, ApplicationId, ReviewerId));
    }

    /// <summary>Changes the due day of an open assignment.</summary>
    public void Reschedule(DateOnly dueOn)
    {
        if (!IsOpen)
        {
            throw new DomainException("review.not-open", "Only an open assignment has a due date to change.");
        }

        DueOn = dueOn;
    }

    /// <summary>Notes that an overdue reminder went out.</summary>
    public void MarkReminded(DateTime nowUtc) => LastRemindedAtUtc = nowUtc;

    /// <summary>
    /// Checks scores against the rubric and scale: each key a criterion of the rubric, each score a whole
    /// number on the scale, comments within length; when <paramref name="complete"/>, every criterion
    /// scored, a recommendation and a summary. Returns the scores in rubric order.
    /// </summary>
    public static IReadOnlyList<CriterionScore> Check(CallTerms terms, IReadOnlyList<CriterionScore> scores, Recommendation? recommendation, string? summary, bool complete)
    {
        var errors = new List<RuleViolation>();
        var byKey = new Dictionary<string, CriterionScore>(StringComparer.Ordinal);
        foreach (var score in scores)
        {
            if (!terms.Rubric.Any(c => c.Key == score.Key))
            {
                errors.Add(new RuleViolation(score.Key, "That is not a criterion of this call's rubric."));
            }
            else if (!byKey.TryAdd(score.Key, score))
            {
                errors.Add(new RuleViolation(score.Key, "A criterion was scored twice."));
            }
        }

        var ordered = new List<CriterionScore>();
        foreach (var criterion in terms.Rubric)
        {
            var given = byKey.GetValueOrDefault(criterion.Key);
            var comment = (given?.Comment ?? string.Empty).Trim();
            if (given?.Score is { } value && (value < 0 || value > terms.ScoreScaleMaximum))
            {
                errors.Add(new RuleViolation(criterion.Key, new LocalText("Score \"{0}\" with a whole number from 0 to {1}.", criterion.Name, terms.ScoreScaleMaximum)));
            }
            else if (complete && given?.Score is null)
            {
                errors.Add(new RuleViolation(criterion.Key, new LocalText("Score \"{0}\" before you submit.", criterion.Name)));
            }

            if (comment.Length > CommentMaxLength)
            {
                errors.Add(new RuleViolation(criterion.Key, new LocalText("Comments must be {0:N0} characters or fewer.", CommentMaxLength)));
            }

            ordered.Add(new CriterionScore(criterion.Key, given?.Score, comment));
        }

        if (recommendation is { } r && !Enum.IsDefined(r))
        {
            errors.Add(new RuleViolation(nameof(Recommendation), "Choose fund, reserve or reject."));
        }
        else if (complete && recommendation is null)
        {
            errors.Add(new RuleViolation(nameof(Recommendation), "Choose your overall recommendation before you submit."));
        }

        var text = (summary ?? string.Empty).Trim();
        if (text.Length > SummaryMaxLength)
        {
            errors.Add(new RuleViolation(nameof(Summary), new LocalText("The summary must be {0:N0} characters or fewer.", SummaryMaxLength)));
        }
        else if (complete && text.Length == 0)
        {
            errors.Add(new RuleViolation(nameof(Summary), "Write a summary before you submit."));
        }

        return errors.Count > 0 ? throw new RulesViolatedException(errors) : ordered;
    }

    private string DraftRefusal() => Status switch
    {
        AssignmentStatus.Pending => "Declare whether you have a conflict of interest before you score.",
        AssignmentStatus.Submitted => "This review has been submitted and is locked.",
        AssignmentStatus.Recused => "You declared a conflict of interest for this application.",
        _ => "This assignment has been taken back.",
    };

    private void EnsureStatus(AssignmentStatus expected, string refusal)
    {
        if (Status != expected)
        {
            throw new DomainException("review.wrong-state", refusal);
        }
    }
}
