using Microsoft.EntityFrameworkCore;
using TrustFund.Application.Common;
using TrustFund.Application.GranteeReports;
using TrustFund.Domain.Applications;
using TrustFund.Domain.Calls;
using TrustFund.Domain.GranteeReports;
using TrustFund.Domain.Grants;
using TrustFund.Domain.Organisations;
using TrustFund.Domain.Places;
using TrustFund.Domain.Reviews;

namespace TrustFund.Application.Home;

/// <summary>
/// A fund manager's home page: the organisations waiting for verification (oldest first), and the
/// portfolio at a glance: applications by status and money per open or recent call, approvals by
/// region and by assistance type, overdue reviews and overdue grantee reports.
/// </summary>
public sealed record ShowFundManagerHome : IUseCase<FundManagerHomeModel>
{
    public const int Shown = 20;

    /// <summary>How many calls the per-call figures cover: the published, closed or decided ones closing latest.</summary>
    public const int CallsShown = 6;
}

public sealed record FundManagerHomeModel(
    int PendingCount,
    IReadOnlyList<PendingOrganisationRow> Pending,
    IReadOnlyList<CallFigures> Calls,
    IReadOnlyList<AreaCount> ApprovalsByRegion,
    IReadOnlyList<AssistanceCount> ApprovalsByAssistance,
    int ApprovedApplications,
    IReadOnlyList<OverdueReviewer> OverdueReviews,
    int OverdueReports)
{
    /// <summary>The open assignments past their due day, over every reviewer.</summary>
    public int OverdueReviewCount => OverdueReviews.Sum(r => r.Count);
}

public sealed record PendingOrganisationRow(string LegalName, string Country, DateTime RegisteredAtUtc);

/// <summary>
/// One call's figures: its submitted applications by status (drafts are the organisations' own and not
/// counted), its envelope, what its grants commit (their amounts) and what was paid on them (the paid instalments).
/// </summary>
public sealed record CallFigures(Guid CallId, string Code, string Title, CallStatus Status, DateTime ClosesAtUtc, IReadOnlyDictionary<ApplicationStatus, int> ByStatus, decimal Envelope, decimal Committed, decimal Paid)
{
    public int Submitted => ByStatus.Values.Sum();

    /// <summary>The part of the envelope no grant commits yet (never below zero).</summary>
    public decimal Uncommitted => Math.Max(0m, Envelope - Committed);
}

/// <summary>Approved applications working in a UN M49 region (an application in several regions counts in each).</summary>
public sealed record AreaCount(string Code, int Count);

public sealed record AssistanceCount(AssistanceType Type, int Count);

public sealed record OverdueReviewer(Guid ReviewerId, string ReviewerName, int Count);

internal sealed class ShowFundManagerHomeHandler : IUseCaseHandler<ShowFundManagerHome, FundManagerHomeModel>
{
    private readonly ITrustFundDb _db;
    private readonly TimeProvider _clock;

    public ShowFundManagerHomeHandler(ITrustFundDb db, TimeProvider clock)
    {
        _db = db;
        _clock = clock;
    }

    public async Task<FundManagerHomeModel> HandleAsync(ShowFundManagerHome request, CancellationToken cancellationToken)
    {
        var now = _clock.GetUtcNow().UtcDateTime;
        var pending = await _db.Organisations.AsNoTracking()
            .Where(o => o.Status == OrganisationStatus.PendingVerification)
            .OrderBy(o => o.RegisteredAtUtc)
            .Select(o => new PendingOrganisationRow(o.LegalName, o.CountryOfRegistration, o.RegisteredAtUtc))
            .Take(ShowFundManagerHome.Shown)
            .ToListAsync(cancellationToken);
        var pendingCount = await _db.Organisations.CountAsync(o => o.Status == OrganisationStatus.PendingVerification, cancellationToken);
        var calls = await CallsAsync(cancellationToken);
        var (regions, assistance, approved) = await ApprovalsAsync(cancellationToken);
        return new FundManagerHomeModel(
            pendingCount,
            pending,
            calls,
            regions,
            assistance,
            approved,
            await OverdueReviewsAsync(now, cancellationToken),
            await OverdueReportsAsync(now, cancellationToken));
    }

    private async Task<IReadOnlyList<CallFigures>> CallsAsync(CancellationToken cancellationToken)
    {
        var calls = await _db.Calls.AsNoTracking()
            .Where(c => c.Status == CallStatus.Published || c.Status == CallStatus.Closed || c.Status == CallStatus.Decided)
            .OrderByDescending(c => c.ClosesAtUtc)
            .Take(ShowFundManagerHome.CallsShown)
            .Select(c => new { c.Id, c.Code, c.Title, c.Status, c.ClosesAtUtc, c.Terms })
            .ToListAsync(cancellationToken);
        if (calls.Count == 0)
        {
            return [];
        }

        var ids = calls.Select(c => c.Id).ToList();
        var counts = await _db.Applications.AsNoTracking()
            .Where(a => ids.Contains(a.CallId) && a.Status != ApplicationStatus.Draft)
            .GroupBy(a => new { a.CallId, a.Status })
            .Select(g => new { g.Key.CallId, g.Key.Status, Count = g.Count() })
            .ToListAsync(cancellationToken);

        // One row per grant of these calls, with its paid instalments (a grant has a handful).
        var grants = await _db.Grants.AsNoTracking()
            .Where(g => ids.Contains(g.CallId))
            .Select(g => new { g.CallId, g.Amount, Paid = g.Instalments.Where(i => i.Status == InstalmentStatus.Paid).Select(i => i.Amount).ToList() })
            .ToListAsync(cancellationToken);

        return [.. calls.Select(c => new CallFigures(
            c.Id,
            c.Code,
            c.Title,
            c.Status,
            c.ClosesAtUtc,
            counts.Where(x => x.CallId == c.Id).ToDictionary(x => x.Status, x => x.Count),
            c.Terms.Envelope,
            grants.Where(g => g.CallId == c.Id).Sum(g => g.Amount.Amount),
            grants.Where(g => g.CallId == c.Id).Sum(g => g.Paid.Sum(p => p.Amount))))];
    }

    private async Task<(IReadOnlyList<AreaCount> Regions, IReadOnlyList<AssistanceCount> Assistance, int Approved)> ApprovalsAsync(CancellationToken cancellationToken)
    {
        // Approved applications are few (tens a year): their indexes are read, regions worked out from UN M49.
        var approved = await _db.Applications.AsNoTracking()
            .Where(a => a.Status == ApplicationStatus.Approved)
            .Select(a => new { a.CountryIndex, a.AssistanceIndex })
            .ToListAsync(cancellationToken);
        static IEnumerable<string> Terms(string index) => index.Split('|', StringSplitOptions.RemoveEmptyEntries).Distinct();
        var regions = approved
            .SelectMany(a => Terms(a.CountryIndex).SelectMany(UnM49.AreasOf).Where(p => p.Type == PlaceType.Region).Select(p => p.Code).Distinct())
            .GroupBy(code => code)
            .Select(g => new AreaCount(g.Key, g.Count()))
            .OrderByDescending(r => r.Count)
            .ThenBy(r => r.Code, StringComparer.Ordinal)
            .ToList();
        var assistance = approved
            .SelectMany(a => Terms(a.AssistanceIndex))
            .Select(t => Enum.TryParse<AssistanceType>(t, out var type) ? type : (AssistanceType?)null)
            .OfType<AssistanceType>()
            .GroupBy(t => t)
            .Select(g => new AssistanceCount(g.Key, g.Count()))
            .OrderByDescending(a => a.Count)
            .ThenBy(a => a.Type)
            .ToList();
        return (regions, assistance, approved.Count);
    }

    private async Task<IReadOnlyList<OverdueReviewer>> OverdueReviewsAsync(DateTime now, CancellationToken cancellationToken)
    {
        // As on the reviewers' own queue: due days are compared with today's date in UTC.
        var today = DateOnly.FromDateTime(now);
        return await _db.ReviewAssignments.AsNoTracking()
            .Where(a => (a.Status == AssignmentStatus.Pending || a.Status == AssignmentStatus.Draft) && a.DueOn < today)
            .GroupBy(a => new { a.ReviewerId, a.ReviewerName })
            .OrderByDescending(g => g.Count())
            .ThenBy(g => g.Key.ReviewerName)
            .Select(g => new OverdueReviewer(g.Key.ReviewerId, g.Key.ReviewerName, g.Count()))
            .ToListAsync(cancellationToken);
    }

    private async Task<int> OverdueReportsAsync(DateTime now, CancellationToken cancellationToken)
    {
        // Every zone's today is within a day of UTC's: the query takes a superset, each call's zone decides (as the reports queue does).
        var tomorrow = DateOnly.FromDateTime(now).AddDays(1);
        var candidates = await (
            from report in _db.GranteeReports.AsNoTracking()
            join grant in _db.Grants.AsNoTracking() on report.GrantId equals grant.Id
            join call in _db.Calls.AsNoTracking() on grant.CallId equals call.Id
            where (report.Status == ReportStatus.Due && report.DueOn < tomorrow) || (report.Status == ReportStatus.RevisionRequested && report.ResubmitBy < tomorrow)
            select new { report.Status, report.DueOn, report.ResubmitBy, call.Terms.TimeZoneId })
            .ToListAsync(cancellationToken);
        return candidates.Count(r =>
        {
            var deadline = r.Status == ReportStatus.Due ? r.DueOn : r.ResubmitBy;
            return deadline is { } day && GrantReports.Today(now, r.TimeZoneId) > day;
        });
    }
}
