using System.Globalization;
using Microsoft.EntityFrameworkCore;
using TrustFund.Application.Common;
using TrustFund.Domain.Common;
using TrustFund.Domain.GranteeReports;
using TrustFund.Domain.Grants;

namespace TrustFund.Application.Grants;

/// <summary>
/// The fund managers' list of grants, newest number first, 50 to a page: by status, by call, by a
/// search on the grant number or the organisation's name, or only those with an overdue report.
/// Each grant shows how many of its reports are overdue and how many amendments wait for a decision.
/// </summary>
public sealed record ListGrants(GrantStatus? Status = null, Guid? CallId = null, string? Search = null, bool OverdueOnly = false, int Page = 1) : IUseCase<GrantList>
{
    public const int PageSize = 50;
    public const int SearchMaxLength = 100;
}

/// <summary>One grant in a list.</summary>
public sealed record GrantListItem(
    Guid Id,
    string Number,
    string OrganisationName,
    string CallCode,
    GrantStatus Status,
    Money Amount,
    DateOnly StartDate,
    DateOnly EndDate,
    int OverdueReports);

/// <summary>A call to filter by.</summary>
public sealed record GrantCallChoice(Guid Id, string Code);

/// <summary>A page of grants with the filters that made it.</summary>
public sealed record GrantList(Page<GrantListItem> Grants, ListGrants Filters, IReadOnlyList<GrantCallChoice> Calls);

internal sealed class ListGrantsHandler : IUseCaseHandler<ListGrants, GrantList>
{
    /// <summary>What the list is read from: the grants, their organisations' names, their calls and their reports (overdue counts).</summary>
    private static readonly Type[] ReadFrom = [typeof(Grant), typeof(Domain.Organisations.Organisation), typeof(Domain.Calls.Call), typeof(GranteeReport)];

    private readonly IKeptReads _kept;
    private readonly TimeProvider _clock;

    public ListGrantsHandler(IKeptReads kept, TimeProvider clock)
    {
        _kept = kept;
        _clock = clock;
    }

    public async Task<GrantList> HandleAsync(ListGrants request, CancellationToken cancellationToken)
    {
        var today = DateOnly.FromDateTime(_clock.GetUtcNow().UtcDateTime);
        var key = string.Create(CultureInfo.InvariantCulture, $"grants:{today.DayNumber}:{request.Status}:{request.CallId:N}:{request.OverdueOnly}:{request.Page}:{request.Search?.Trim()}");
        return await _kept.GetAsync(key, ReadFrom, (db, token) => ReadAsync(db, request, today, token), cancellationToken);
    }

    private static async Task<GrantList> ReadAsync(ITrustFundDb db, ListGrants request, DateOnly today, CancellationToken cancellationToken)
    {
        var rows = Filtered(db, request, today);
        var page = await rows
            .OrderByDescending(r => r.Grant.Number)
            .Select(r => new GrantListItem(
                r.Grant.Id,
                r.Grant.Number,
                r.LegalName,
                r.Code,
                r.Grant.Status,
                r.Grant.Amount,
                r.Grant.StartDate,
                r.Grant.EndDate,
                db.GranteeReports.Count(x => x.GrantId == r.Grant.Id
                    && ((x.Status == ReportStatus.Due && x.DueOn < today) || (x.Status == ReportStatus.RevisionRequested && x.ResubmitBy < today)))))
            .ToPageAsync(new PageRequest(request.Page, ListGrants.PageSize), cancellationToken);
        var calls = await db.Calls.AsNoTracking()
            .Where(c => db.Grants.Any(g => g.CallId == c.Id))
            .OrderBy(c => c.Code)
            .Select(c => new GrantCallChoice(c.Id, c.Code))
            .ToListAsync(cancellationToken);
        return new GrantList(page, request, calls);
    }

    /// <summary>The grants the list's filters select (any page), each with its organisation and call: also read by the grants export.</summary>
    internal static IQueryable<GrantListRow> Filtered(ITrustFundDb db, ListGrants request, DateOnly today)
    {
        var grants = db.Grants.AsNoTracking();
        if (request.Status is { } status)
        {
            grants = grants.Where(g => g.Status == status);
        }

        if (request.CallId is { } callId)
        {
            grants = grants.Where(g => g.CallId == callId);
        }

        if (request.OverdueOnly)
        {
            grants = grants.Where(g => db.GranteeReports.Any(r => r.GrantId == g.Id
                && ((r.Status == ReportStatus.Due && r.DueOn < today) || (r.Status == ReportStatus.RevisionRequested && r.ResubmitBy < today))));
        }

        var rows = from g in grants
                   join o in db.Organisations on g.OrganisationId equals o.Id
                   join c in db.Calls on g.CallId equals c.Id
                   select new GrantListRow { Grant = g, LegalName = o.LegalName, Country = o.CountryOfRegistration, Code = c.Code };
        if (request.Search?.Trim() is { Length: > 0 } raw)
        {
            var text = raw.ToLower(CultureInfo.InvariantCulture);
#pragma warning disable CA1862, CA1304, CA1311 // translated to SQL lower(): portable across engines
            rows = rows.Where(r => r.Grant.Number.ToLower().Contains(text) || r.LegalName.Contains(raw) || r.LegalName.ToLower().Contains(text));
#pragma warning restore CA1862, CA1304, CA1311
        }

        return rows;
    }
}

/// <summary>A grant the list's filters select, with its organisation's name and country and its call's code.</summary>
internal sealed class GrantListRow
{
    public Grant Grant { get; init; } = null!;

    public string LegalName { get; init; } = string.Empty;

    public string Country { get; init; } = string.Empty;

    public string Code { get; init; } = string.Empty;
}
