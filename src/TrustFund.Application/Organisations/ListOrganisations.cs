using System.Globalization;
using Microsoft.EntityFrameworkCore;
using TrustFund.Application.Common;
using TrustFund.Domain.Organisations;

namespace TrustFund.Application.Organisations;

/// <summary>The Secretariat's verification list: organisations by name, optionally of one status or matching a search.</summary>
public sealed record ListOrganisations(OrganisationStatus? Status, string? Search, int Page) : IUseCase<OrganisationList>
{
    public const int PageSize = 25;
}

/// <summary>One organisation in the verification list.</summary>
public sealed record OrganisationRow(Guid Id, string LegalName, string Country, OrganisationStatus Status, DateTime RegisteredAtUtc, DateTime? StatusChangedAtUtc);

/// <summary>The verification list: filters, one page of rows and the counts per status (of the search).</summary>
public sealed record OrganisationList(
    OrganisationStatus? Status,
    string? Search,
    int Page,
    int PageCount,
    int Total,
    IReadOnlyList<OrganisationRow> Rows,
    IReadOnlyDictionary<OrganisationStatus, int> CountsByStatus);

internal sealed class ListOrganisationsHandler : IUseCaseHandler<ListOrganisations, OrganisationList>
{
    private readonly ITrustFundDb _db;

    public ListOrganisationsHandler(ITrustFundDb db)
    {
        _db = db;
    }

    public async Task<OrganisationList> HandleAsync(ListOrganisations request, CancellationToken cancellationToken)
    {
        var search = string.IsNullOrWhiteSpace(request.Search) ? null : request.Search.Trim();
        var query = _db.Organisations.AsNoTracking();
        if (search is not null)
        {
            var lowered = search.ToLower(CultureInfo.InvariantCulture);
#pragma warning disable CA1862, CA1304, CA1311 // translated to SQL lower(): portable across engines
            query = query.Where(o => o.LegalName.Contains(search) || o.LegalName.ToLower().Contains(lowered));
#pragma warning restore CA1862, CA1304, CA1311
        }

        var counts = await query.GroupBy(o => o.Status).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(cancellationToken);
        if (request.Status is { } wanted)
        {
            query = query.Where(o => o.Status == wanted);
        }

        var page = await query
            .OrderBy(o => o.LegalName).ThenBy(o => o.Id)
            .Select(o => new OrganisationRow(o.Id, o.LegalName, o.CountryOfRegistration, o.Status, o.RegisteredAtUtc, o.StatusChangedAtUtc))
            .ToPageAsync(new PageRequest(request.Page, ListOrganisations.PageSize), cancellationToken);
        var byStatus = Enum.GetValues<OrganisationStatus>().ToDictionary(x => x, x => counts.FirstOrDefault(c => c.Key == x)?.Count ?? 0);
        return new OrganisationList(request.Status, search, page.Number, page.PageCount, page.Total, page.Items, byStatus);
    }
}
