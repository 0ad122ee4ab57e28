using Microsoft.EntityFrameworkCore;
using TrustFund.Application.Common;
using TrustFund.Application.GranteeReports;
using TrustFund.Domain.Applications;
using TrustFund.Domain.Calls;
using TrustFund.Domain.Common;
using TrustFund.Domain.GranteeReports;
using TrustFund.Domain.Grants;
using TrustFund.Domain.Organisations;

namespace TrustFund.Application.Home;

/// <summary>
/// An applicant's home page (null without an organisation): their organisation's verification status
/// and people, its applications, the deadlines of open calls, its grants' instalments and the reports
/// it owes. Only the user's own organisation's records are read.
/// </summary>
public sealed record ShowApplicantHome : IUseCase<ApplicantHomeModel?>
{
    public const int ApplicationsShown = 20;

    public const int CallsShown = 5;

    /// <summary>The most grants shown, latest first; closed grants are not shown.</summary>
    public const int GrantsShown = 10;
}

public sealed record ApplicantHomeModel(
    string OrganisationName,
    OrganisationStatus Status,
    string? StatusReason,
    IReadOnlyList<ColleagueRow> Colleagues,
    IReadOnlyList<RecentApplicationRow> Applications,
    IReadOnlyList<OpenCallDeadline> OpenCalls,
    IReadOnlyList<OwnGrantRow> Grants,
    DateTime NowUtc)
{
    public IEnumerable<OwnReportRow> ReportsOwed => Grants.SelectMany(g => g.Reports);
}

public sealed record ColleagueRow(string Name, string Email, bool IsActive);

/// <summary>One of the organisation's applications; <see cref="RespondBy"/> is set while information is requested.</summary>
public sealed record RecentApplicationRow(Guid Id, string Title, string? Reference, string CallCode, ApplicationStatus Status, decimal? AmountRequested, ZonedInstant CallClosesAt, ZonedInstant? RespondBy);

public sealed record OpenCallDeadline(string Code, string Title, ZonedInstant ClosesAt);

/// <summary>One of the organisation's grants not yet closed, with its instalments (in payment order) and the reports not yet accepted.</summary>
public sealed record OwnGrantRow(Guid Id, string Number, GrantStatus Status, Money Amount, IReadOnlyList<OwnInstalmentRow> Instalments, IReadOnlyList<OwnReportRow> Reports)
{
    public decimal PaidTotal => Instalments.Where(i => i.Status == InstalmentStatus.Paid).Sum(i => i.Amount.Amount);
}

public sealed record OwnInstalmentRow(int Number, Money Amount, DateOnly PlannedOn, InstalmentStatus Status, DateOnly? PaidOn);

/// <summary>A report the organisation owes or has sent: its deadline (the resubmission day after a revision request) and days late.</summary>
public sealed record OwnReportRow(Guid GrantId, string GrantNumber, Guid ReportId, ReportKind Kind, int Sequence, ReportStatus Status, DateOnly Deadline, int DaysOverdue);

internal sealed class ShowApplicantHomeHandler : IUseCaseHandler<ShowApplicantHome, ApplicantHomeModel?>
{
    /// <summary>What the home is read from: the user's organisation and colleagues, its applications, the calls, its grants and their reports.</summary>
    private static readonly Type[] ReadFrom = [typeof(Accounts.TrustFundUser), typeof(Organisation), typeof(GrantApplication), typeof(Call), typeof(Grant), typeof(GranteeReport)];

    private readonly IKeptReads _kept;
    private readonly ICurrentActor _actor;
    private readonly TimeProvider _clock;

    public ShowApplicantHomeHandler(IKeptReads kept, ICurrentActor actor, TimeProvider clock)
    {
        _kept = kept;
        _actor = actor;
        _clock = clock;
    }

    public async Task<ApplicantHomeModel?> HandleAsync(ShowApplicantHome request, CancellationToken cancellationToken)
    {
        if (_actor.UserId is not { } userId)
        {
            return null;
        }

        var now = _clock.GetUtcNow().UtcDateTime;
        var read = await _kept.GetAsync($"applicant-home:{userId:N}", ReadFrom, (db, token) => ReadAsync(db, userId, now, token), cancellationToken);
        if (read.Organisation is not { } organisation)
        {
            return null;
        }

        // The calls read are those still open when read (kept for a short while): which of them are open now is decided now.
        var openAfter = Deadline.OpenWhenAfter(now);
        var open = read.Calls
            .Where(c => c.Status == CallStatus.Published && c.ClosesAtUtc > openAfter && c.OpensAtUtc <= now)
            .OrderBy(c => c.ClosesAtUtc)
            .Take(ShowApplicantHome.CallsShown)
            .Select(c => new OpenCallDeadline(c.Code, c.Title, new ZonedInstant(c.ClosesAtUtc, c.TimeZoneId)))
            .ToList();
        var byId = read.Calls.ToDictionary(c => c.Id);
        return new ApplicantHomeModel(
            organisation.LegalName,
            organisation.Status,
            organisation.StatusReason,
            organisation.Colleagues,
            read.Applications,
            open,
            [.. read.Grants.Select(g => g.WithReportsLateOn(GrantReports.Today(now, byId[g.CallId].TimeZoneId)))],
            now);
    }

    /// <summary>The home's rows for the user as of <paramref name="now"/>, before what depends on the time of the view.</summary>
    private static async Task<HomeReading> ReadAsync(ITrustFundDb db, Guid userId, DateTime now, CancellationToken cancellationToken)
    {
        // One statement: the organisation with its people (joined, ordered by name) and whether it holds a grant not yet closed.
        var organisation = await (
            from u in db.Users
            where u.Id == userId
            join o in db.Organisations on u.OrganisationId equals o.Id
            select new OrganisationRead(
                o.Id,
                o.LegalName,
                o.Status,
                o.StatusReason,
                db.Users
                    .Where(c => c.OrganisationId == o.Id)
                    .OrderBy(c => c.DisplayName)
                    .Select(c => new ColleagueRow(c.DisplayName, c.Email!, c.IsActive))
                    .ToList(),
                db.Grants.Any(g => g.OrganisationId == o.Id && g.Status != GrantStatus.Closed))).AsNoTracking().SingleOrDefaultAsync(cancellationToken);
        if (organisation is null)
        {
            return new HomeReading(null, [], [], []);
        }

        var applications = await db.Applications.AsNoTracking()
            .Where(a => a.OrganisationId == organisation.Id)
            .OrderByDescending(a => a.LastEditedAtUtc)
            .Select(a => new { a.Id, a.Title, a.Reference, a.CallId, a.Status, a.AmountRequested, a.InformationResponseDueUtc })
            .Take(ShowApplicantHome.ApplicationsShown)
            .ToListAsync(cancellationToken);

        var grants = organisation.HasGrant ? await GrantsAsync(db, organisation.Id, cancellationToken) : [];

        // One statement for the calls: those not yet closed and those of the applications and grants shown; only their terms are read (for the time zone).
        var openAfter = Deadline.OpenWhenAfter(now);
        var callIds = applications.Select(a => a.CallId).Concat(grants.Select(g => g.CallId)).Distinct().ToList();
        var calls = await db.Calls.AsNoTracking()
            .Where(c => (c.Status == CallStatus.Published && c.ClosesAtUtc > openAfter) || callIds.Contains(c.Id))
            .Select(c => new CallRead(c.Id, c.Code, c.Title, c.Status, c.OpensAtUtc, c.ClosesAtUtc, c.Terms.TimeZoneId))
            .ToListAsync(cancellationToken);
        var byId = calls.ToDictionary(c => c.Id);
        return new HomeReading(
            organisation,
            [.. applications.Select(a =>
            {
                var call = byId[a.CallId];
                return new RecentApplicationRow(
                    a.Id,
                    a.Title,
                    a.Reference,
                    call.Code,
                    a.Status,
                    a.AmountRequested,
                    new ZonedInstant(call.ClosesAtUtc, call.TimeZoneId),
                    a.Status == ApplicationStatus.InformationRequested && a.InformationResponseDueUtc is { } due ? new ZonedInstant(due, call.TimeZoneId) : null);
            })],
            calls,
            grants);
    }

    private static async Task<IReadOnlyList<GrantRead>> GrantsAsync(ITrustFundDb db, Guid organisationId, CancellationToken cancellationToken) =>
        // One statement: the grants not yet closed, with their instalments and the reports not yet accepted.
        await db.Grants.AsNoTracking()
            .Where(g => g.OrganisationId == organisationId && g.Status != GrantStatus.Closed)
            .OrderByDescending(g => g.CreatedAtUtc)
            .Take(ShowApplicantHome.GrantsShown)
            .Select(g => new GrantRead(
                g.Id,
                g.Number,
                g.CallId,
                g.Status,
                g.Amount,
                g.Instalments.OrderBy(i => i.Number).Select(i => new OwnInstalmentRow(i.Number, i.Amount, i.PlannedOn, i.Status, i.PaidOn)).ToList(),
                db.GranteeReports.Where(r => r.GrantId == g.Id && r.Status != ReportStatus.Accepted)
                    .OrderBy(r => r.DueOn)
                    .Select(r => new ReportRead(r.Id, r.Kind, r.Sequence, r.Status, r.DueOn, r.ResubmitBy))
                    .ToList()))
            .ToListAsync(cancellationToken);

    private sealed record OrganisationRead(Guid Id, string LegalName, OrganisationStatus Status, string? StatusReason, List<ColleagueRow> Colleagues, bool HasGrant);

    private sealed record CallRead(Guid Id, string Code, string Title, CallStatus Status, DateTime OpensAtUtc, DateTime ClosesAtUtc, string TimeZoneId);

    private sealed record HomeReading(OrganisationRead? Organisation, IReadOnlyList<RecentApplicationRow> Applications, IReadOnlyList<CallRead> Calls, IReadOnlyList<GrantRead> Grants);

    private sealed record ReportRead(Guid Id, ReportKind Kind, int Sequence, ReportStatus Status, DateOnly DueOn, DateOnly? ResubmitBy);

    private sealed record GrantRead(Guid Id, string Number, Guid CallId, GrantStatus Status, Money Amount, List<OwnInstalmentRow> Instalments, List<ReportRead> Reports)
    {
        /// <summary>The grant as shown, its reports late as each report itself says on <paramref name="today"/> (the call's day).</summary>
        public OwnGrantRow WithReportsLateOn(DateOnly today) => new(Id, Number, Status, Amount, Instalments, [.. Reports.Select(r =>
        {
            DateOnly? lateAfter = r.Status switch
            {
                ReportStatus.Due => r.DueOn,
                ReportStatus.RevisionRequested => r.ResubmitBy,
                _ => null,
            };
            var deadline = r.Status == ReportStatus.RevisionRequested && r.ResubmitBy is { } by ? by : r.DueOn;
            var late = lateAfter is { } day && today > day ? today.DayNumber - day.DayNumber : 0;
            return new OwnReportRow(Id, Number, r.Id, r.Kind, r.Sequence, r.Status, deadline, late);
        })]);
    }
}
