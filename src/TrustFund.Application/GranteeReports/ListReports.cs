using Microsoft.EntityFrameworkCore;
using TrustFund.Application.Accounts;
using TrustFund.Application.Common;
using TrustFund.Domain.GranteeReports;

namespace TrustFund.Application.GranteeReports;

/// <summary>
/// The reports that need someone's attention, over every grant the actor may see: submitted and
/// waiting for review, overdue, and due within <see cref="UpcomingDays"/> days. A fund manager sees
/// every grant's; a grantee's member their organisation's.
/// </summary>
public sealed record ListReports : IUseCase<ReportQueue>
{
    public const int UpcomingDays = 60;

    /// <summary>The most rows shown in each part (the oldest first).</summary>
    public const int MaximumRows = 200;
}

/// <summary>The parts of the queue, each sorted by the day that matters to it.</summary>
public sealed record ReportQueue(IReadOnlyList<QueuedReport> AwaitingReview, IReadOnlyList<QueuedReport> Overdue, IReadOnlyList<QueuedReport> Upcoming, bool ForFundManager);

/// <summary>One report in the queue, with its grant.</summary>
public sealed record QueuedReport(Guid GrantId, string GrantNumber, string OrganisationName, Guid ReportId, ReportKind Kind, int Sequence, DateOnly DueOn, ReportStatus Status, int DaysOverdue, DateTime? SubmittedAtUtc);

internal sealed class ListReportsHandler : IUseCaseHandler<ListReports, ReportQueue>
{
    private readonly ITrustFundDb _db;
    private readonly ICurrentActor _actor;
    private readonly TimeProvider _clock;

    public ListReportsHandler(ITrustFundDb db, ICurrentActor actor, TimeProvider clock)
    {
        _db = db;
        _actor = actor;
        _clock = clock;
    }

    public async Task<ReportQueue> HandleAsync(ListReports request, CancellationToken cancellationToken)
    {
        var manager = _actor.User.IsInRole(Roles.FundManager);
        var organisationId = _actor.User.IsInRole(Roles.Applicant) ? _actor.OrganisationId : null;
        if (!manager && organisationId is null)
        {
            throw new NotFoundException();
        }

        var now = _clock.GetUtcNow().UtcDateTime;

        // Every zone's today is within a day of UTC's: the query takes a superset, each call's zone decides.
        var horizon = DateOnly.FromDateTime(now).AddDays(ListReports.UpcomingDays + 1);
        var grants = manager ? _db.Grants.AsNoTracking() : _db.Grants.AsNoTracking().Where(g => g.OrganisationId == organisationId);
        var rows = await (
            from report in _db.GranteeReports.AsNoTracking()
            join grant in grants on report.GrantId equals grant.Id
            join organisation in _db.Organisations.AsNoTracking() on grant.OrganisationId equals organisation.Id
            join call in _db.Calls.AsNoTracking() on grant.CallId equals call.Id
            where report.Status == ReportStatus.Submitted || report.Status == ReportStatus.RevisionRequested || (report.Status == ReportStatus.Due && report.DueOn <= horizon)
            select new
            {
                GrantId = grant.Id,
                grant.Number,
                organisation.LegalName,
                ReportId = report.Id,
                report.Kind,
                report.Sequence,
                report.DueOn,
                report.ResubmitBy,
                report.Status,
                call.Terms.TimeZoneId,
            })
            .ToListAsync(cancellationToken);
        var submittedAt = await SubmittedAtAsync([.. rows.Where(r => r.Status == ReportStatus.Submitted).Select(r => r.ReportId)], cancellationToken);
        var queued = rows.Select(r =>
        {
            var today = GrantReports.Today(now, r.TimeZoneId);
            DateOnly? deadline = r.Status switch
            {
                ReportStatus.Due => r.DueOn,
                ReportStatus.RevisionRequested => r.ResubmitBy,
                _ => null,
            };
            var late = deadline is { } day && today > day ? today.DayNumber - day.DayNumber : 0;
            var upcoming = r.Status == ReportStatus.Due && late == 0 && r.DueOn <= today.AddDays(ListReports.UpcomingDays);
            return (Today: today, Upcoming: upcoming, Row: new QueuedReport(r.GrantId, r.Number, r.LegalName, r.ReportId, r.Kind, r.Sequence, r.DueOn, r.Status, late, submittedAt.GetValueOrDefault(r.ReportId)));
        }).ToList();
        return new ReportQueue(
            [.. queued.Where(q => q.Row.Status == ReportStatus.Submitted).Select(q => q.Row).OrderBy(r => r.SubmittedAtUtc).ThenBy(r => r.GrantNumber).Take(ListReports.MaximumRows)],
            [.. queued.Where(q => q.Row.DaysOverdue > 0).Select(q => q.Row).OrderByDescending(r => r.DaysOverdue).ThenBy(r => r.GrantNumber).Take(ListReports.MaximumRows)],
            [.. queued.Where(q => q.Upcoming || (q.Row.Status == ReportStatus.RevisionRequested && q.Row.DaysOverdue == 0)).Select(q => q.Row).OrderBy(r => r.DueOn).ThenBy(r => r.GrantNumber).Take(ListReports.MaximumRows)],
            manager);
    }

    private async Task<Dictionary<Guid, DateTime?>> SubmittedAtAsync(List<Guid> reportIds, CancellationToken cancellationToken)
    {
        if (reportIds.Count == 0)
        {
            return [];
        }

        var reports = await _db.GranteeReports.AsNoTracking().Include(r => r.Submissions).Where(r => reportIds.Contains(r.Id)).ToListAsync(cancellationToken);
        return reports.ToDictionary(r => r.Id, r => r.LatestSubmission?.SubmittedAtUtc);
    }
}
