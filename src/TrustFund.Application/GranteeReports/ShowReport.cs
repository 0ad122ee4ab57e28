using Microsoft.EntityFrameworkCore;
using TrustFund.Application.Common;
using TrustFund.Domain.Common;
using TrustFund.Domain.GranteeReports;

namespace TrustFund.Application.GranteeReports;

/// <summary>
/// One report: where it stands, its versions, and either one submitted version (the latest, or
/// <see cref="VersionNumber"/>) or, for the grantee while it is due or sent back, what the form
/// starts from (the last version sent back, else the grant's budget lines and the funds paid so far).
/// </summary>
public sealed record ShowReport(Guid GrantId, Guid ReportId, int? VersionNumber = null) : IUseCase<ReportView>;

/// <summary>What the report page shows.</summary>
/// <param name="Version">The report's version (for stale edits), not a submission's number.</param>
/// <param name="Shown">The submitted version shown; null before the first submission.</param>
/// <param name="Draft">What the grantee's form starts from (when <see cref="CanEdit"/>): the saved draft, else the last version, else the grant's budget.</param>
/// <param name="DraftSavedAtUtc">When the draft was last saved; null when there is none.</param>
public sealed record ReportView(
    GrantHeader Grant,
    Guid ReportId,
    Guid Version,
    ReportKind Kind,
    int Sequence,
    DateOnly PeriodEnd,
    DateOnly DueOn,
    ReportStatus Status,
    DateOnly Today,
    int DaysOverdue,
    string? RevisionComment,
    DateOnly? ResubmitBy,
    string? AcceptedBy,
    DateTime? AcceptedAtUtc,
    IReadOnlyList<SubmissionSummary> Versions,
    ReportSubmissionView? Shown,
    ReportContent Draft,
    DateTime? DraftSavedAtUtc,
    string? DraftSavedBy,
    bool CanEdit,
    bool CanReview)
{
    /// <summary>Whether a fund manager can accept the report or send it back now.</summary>
    public bool AwaitsReview => CanReview && Status == ReportStatus.Submitted;
}

/// <summary>One submitted version in the list of versions.</summary>
public sealed record SubmissionSummary(int Number, DateTime SubmittedAtUtc, string SubmittedBy, int FlaggedPersonalData, ReportReviewOutcome? ReviewOutcome, string? ReviewComment, string? ReviewedBy, DateTime? ReviewedAtUtc);

/// <summary>A submitted version in full: its content and what the screening flagged (masked) when it was submitted.</summary>
public sealed record ReportSubmissionView(SubmissionSummary Summary, ReportContent Content, IReadOnlyList<PersonalDataFinding> FlaggedPersonalData, bool AttestedNotAboutVictim, bool IsLatest);

internal sealed class ShowReportHandler : IUseCaseHandler<ShowReport, ReportView>
{
    private readonly ITrustFundDb _db;
    private readonly RecordAccess _access;
    private readonly TimeProvider _clock;

    public ShowReportHandler(ITrustFundDb db, RecordAccess access, TimeProvider clock)
    {
        _db = db;
        _access = access;
        _clock = clock;
    }

    public async Task<ReportView> HandleAsync(ShowReport request, CancellationToken cancellationToken)
    {
        var (grant, report) = await GrantReports.ReportAsync(_db, _access, request.GrantId, request.ReportId, ReportOperations.Read, track: false, cancellationToken);
        var today = GrantReports.Today(_clock.GetUtcNow().UtcDateTime, grant.TimeZoneId);
        var access = new ReportAccess(grant.OrganisationId);
        var canEdit = report.Status is ReportStatus.Due or ReportStatus.RevisionRequested && await _access.AllowsAsync(access, ReportOperations.Write);
        var canReview = await _access.AllowsAsync(access, ReportOperations.Review);
        var versions = report.Submissions.OrderBy(s => s.Number).ToList();
        var shownSubmission = request.VersionNumber is { } number
            ? versions.FirstOrDefault(s => s.Number == number) ?? throw new NotFoundException()
            : report.LatestSubmission;
        var draft = canEdit ? report.Draft ?? report.LatestSubmission?.Content ?? await StartingContentAsync(grant.Id, cancellationToken) : new ReportContent();
        return new ReportView(
            grant,
            report.Id,
            report.Version,
            report.Kind,
            report.Sequence,
            report.PeriodEnd,
            report.DueOn,
            report.Status,
            today,
            report.DaysOverdueOn(today),
            report.RevisionComment,
            report.ResubmitBy,
            report.AcceptedBy,
            report.AcceptedAtUtc,
            [.. versions.Select(Summarise)],
            shownSubmission is null ? null : new ReportSubmissionView(Summarise(shownSubmission), shownSubmission.Content, shownSubmission.FlaggedPersonalData, shownSubmission.AttestedNotAboutVictim, shownSubmission == report.LatestSubmission),
            draft,
            canEdit ? report.DraftSavedAtUtc : null,
            canEdit ? report.DraftSavedBy : null,
            canEdit,
            canReview);
    }

    internal static SubmissionSummary Summarise(ReportSubmission s) =>
        new(s.Number, s.SubmittedAtUtc, s.SubmittedBy, s.FlaggedPersonalData.Count, s.ReviewOutcome, s.ReviewComment, s.ReviewedBy, s.ReviewedAtUtc);

    // The first version starts from the grant's approved budget (each line's total as its budget) and the net amount paid so far.
    private async Task<ReportContent> StartingContentAsync(Guid grantId, CancellationToken cancellationToken)
    {
        var grant = await _db.Grants.AsNoTracking().SingleAsync(g => g.Id == grantId, cancellationToken);
        var lines = grant.Budget
            .Where(l => !string.IsNullOrWhiteSpace(l.Description))
            .Select(l => l.Description.Trim())
            .Select(d => d.Length > FinancialLine.DescriptionMaxLength ? d[..FinancialLine.DescriptionMaxLength] : d)
            .Zip(grant.Budget.Where(l => !string.IsNullOrWhiteSpace(l.Description)), (description, line) => new FinancialLine(description, Money.Usd(Math.Max(0m, line.Total)), Money.Zero))
            .DistinctBy(l => l.Description, StringComparer.OrdinalIgnoreCase)
            .Take(FinancialReport.MaximumLines)
            .ToList();
        var received = grant.NetPaid.Amount > 0 ? grant.NetPaid : Money.Zero;
        return new ReportContent { Financial = new FinancialReport(lines, received) };
    }
}
