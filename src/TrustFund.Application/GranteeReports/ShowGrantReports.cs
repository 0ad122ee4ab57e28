using Microsoft.EntityFrameworkCore;
using TrustFund.Application.Common;
using TrustFund.Domain.GranteeReports;

namespace TrustFund.Application.GranteeReports;

/// <summary>A grant's schedule of reports: interim reports then the final one, each with its due day, status and overdue days.</summary>
public sealed record ShowGrantReports(Guid GrantId) : IUseCase<GrantReportsView>;

/// <summary>What the schedule page shows.</summary>
/// <param name="Today">Today in the call's time zone, which overdue is reckoned from.</param>
/// <param name="IsGrantee">The actor is a member of the grantee organisation (who fills the reports in).</param>
/// <param name="CanReview">The actor reviews reports (a fund manager).</param>
public sealed record GrantReportsView(GrantHeader Grant, DateOnly Today, IReadOnlyList<ScheduledReport> Reports, bool IsGrantee, bool CanReview);

/// <summary>One report of the schedule.</summary>
/// <param name="DaysOverdue">How many days late the grantee is (0 when not late).</param>
/// <param name="Versions">How many versions were submitted.</param>
public sealed record ScheduledReport(Guid Id, ReportKind Kind, int Sequence, DateOnly PeriodEnd, DateOnly DueOn, ReportStatus Status, DateOnly? ResubmitBy, int DaysOverdue, int Versions);

internal sealed class ShowGrantReportsHandler : IUseCaseHandler<ShowGrantReports, GrantReportsView>
{
    private readonly ITrustFundDb _db;
    private readonly RecordAccess _access;
    private readonly TimeProvider _clock;

    public ShowGrantReportsHandler(ITrustFundDb db, RecordAccess access, TimeProvider clock)
    {
        _db = db;
        _access = access;
        _clock = clock;
    }

    public async Task<GrantReportsView> HandleAsync(ShowGrantReports request, CancellationToken cancellationToken)
    {
        var grant = await GrantReports.GrantAsync(_db, _access, request.GrantId, ReportOperations.Read, cancellationToken);
        var today = GrantReports.Today(_clock.GetUtcNow().UtcDateTime, grant.TimeZoneId);
        var reports = await _db.GranteeReports.AsNoTracking()
            .Include(r => r.Submissions)
            .Where(r => r.GrantId == grant.Id)
            .ToListAsync(cancellationToken);
        var rows = reports
            .OrderBy(r => r.Kind == ReportKind.Final).ThenBy(r => r.Sequence)
            .Select(r => new ScheduledReport(r.Id, r.Kind, r.Sequence, r.PeriodEnd, r.DueOn, r.Status, r.ResubmitBy, r.DaysOverdueOn(today), r.Submissions.Count))
            .ToList();
        return new GrantReportsView(
            grant,
            today,
            rows,
            await _access.AllowsAsync(new ReportAccess(grant.OrganisationId), ReportOperations.Write),
            await _access.AllowsAsync(new ReportAccess(grant.OrganisationId), ReportOperations.Review));
    }
}
