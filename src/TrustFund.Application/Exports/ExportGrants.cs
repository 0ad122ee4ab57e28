using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using TrustFund.Application.Common;
using TrustFund.Application.Grants;
using TrustFund.Domain.Places;

namespace TrustFund.Application.Exports;

/// <summary>
/// The grants as a file, under the grants list's filters (every page): number, organisation and its
/// country, call, amount, net amount paid, status and dates, newest number first.
/// </summary>
public sealed record ExportGrants(ListGrants Filters) : IUseCase<ExportTable>
{
    public static IReadOnlyList<string> Headers { get; } =
        ["Grant number", "Organisation", "Country", "Call", "Amount (USD)", "Paid (USD)", "Status", "Start", "End"];
}

internal sealed class ExportGrantsHandler : IUseCaseHandler<ExportGrants, ExportTable>
{
    private readonly ITrustFundDb _db;
    private readonly TimeProvider _clock;

    public ExportGrantsHandler(ITrustFundDb db, TimeProvider clock)
    {
        _db = db;
        _clock = clock;
    }

    public Task<ExportTable> HandleAsync(ExportGrants request, CancellationToken cancellationToken) =>
        Task.FromResult(new ExportTable("grants", ExportGrants.Headers, RowsAsync(request.Filters, cancellationToken)));

    private async IAsyncEnumerable<object?[]> RowsAsync(ListGrants filters, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        // The net paid per grant, summed here from the ledger's rows one at a time (one number per grant is kept),
        // before the grants' statement starts.
        var paid = new Dictionary<Guid, decimal>();
        await foreach (var entry in _db.Grants.AsNoTracking().SelectMany(g => g.Ledger).Select(e => new { e.GrantId, e.SignedAmount }).AsAsyncEnumerable().WithCancellation(cancellationToken))
        {
            paid[entry.GrantId] = paid.GetValueOrDefault(entry.GrantId) + entry.SignedAmount;
        }

        var today = DateOnly.FromDateTime(_clock.GetUtcNow().UtcDateTime);
        var rows = ListGrantsHandler.Filtered(_db, filters, today)
            .OrderByDescending(r => r.Grant.Number)
            .Select(r => new { r.Grant.Id, r.Grant.Number, r.LegalName, r.Country, r.Code, r.Grant.Amount, r.Grant.Status, r.Grant.StartDate, r.Grant.EndDate });
        await foreach (var row in rows.AsAsyncEnumerable().WithCancellation(cancellationToken))
        {
            yield return
            [
                row.Number,
                row.LegalName,
                UnM49.CountryByIso3(row.Country)?.Name ?? row.Country,
                row.Code,
                row.Amount.Amount,
                paid.GetValueOrDefault(row.Id),
                row.Status.ToString(),
                row.StartDate,
                row.EndDate,
            ];
        }
    }
}
