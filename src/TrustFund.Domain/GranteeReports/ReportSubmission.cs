namespace TrustFund.Domain.GranteeReports;

/// <summary>
/// One submitted version of a report, kept as submitted, with what the personal-data screening
/// flagged (masked) and the submitter's attestation, and the fund manager's review of it.
/// </summary>
public sealed class ReportSubmission
{
    private ReportSubmission()
    {
        Content = new ReportContent();
        SubmittedBy = string.Empty;
    }

    internal ReportSubmission(Guid reportId, int number, ReportContent content, IReadOnlyList<PersonalDataFinding> flagged, string submittedBy, DateTime submittedAtUtc)
        : this()
    {
        ReportId = reportId;
        Number = number;
        Content = content;
        FlaggedPersonalData = flagged;
        AttestedNotAboutVictim = flagged.Count > 0;
        SubmittedBy = submittedBy;
        SubmittedAtUtc = submittedAtUtc;
    }

    public Guid Id { get; private set; } = Guid.NewGuid();

    public Guid ReportId { get; private set; }

    /// <summary>1 for the first submission, then one more for each resubmission.</summary>
    public int Number { get; private set; }

    public ReportContent Content { get; private set; }

    /// <summary>What the screening flagged as possible personal data when submitted (masked).</summary>
    public IReadOnlyList<PersonalDataFinding> FlaggedPersonalData { get; private set; } = [];

    /// <summary>Whether the submitter attested that the flagged text is not about a victim (always, when something was flagged).</summary>
    public bool AttestedNotAboutVictim { get; private set; }

    public string SubmittedBy { get; private set; }

    public DateTime SubmittedAtUtc { get; private set; }

    public ReportReviewOutcome? ReviewOutcome { get; private set; }

    public string? ReviewComment { get; private set; }

    public string? ReviewedBy { get; private set; }

    public DateTime? ReviewedAtUtc { get; private set; }

    internal void RecordReview(ReportReviewOutcome outcome, string? comment, string reviewedBy, DateTime nowUtc)
    {
        ReviewOutcome = outcome;
        ReviewComment = comment;
        ReviewedBy = reviewedBy;
        ReviewedAtUtc = nowUtc;
    }
}
