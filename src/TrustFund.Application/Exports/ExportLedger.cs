using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using TrustFund.Application.Common;

namespace TrustFund.Application.Exports;

/// <summary>
/// The payments ledger as a file: every entry of every grant (payments, refunds, write-offs and
/// corrections), by grant number then in the order recorded, with the instalment it settles.
/// </summary>
public sealed record ExportLedger : IUseCase<ExportTable>
{
    public static IReadOnlyList<string> Headers { get; } =
        ["Grant number", "Organisation", "Instalment", "Kind", "Amount (USD)", "Effect on amount paid (USD)", "Date", "Reference", "Recorded by", "Recorded (UTC)"];
}

internal sealed class ExportLedgerHandler : IUseCaseHandler<ExportLedger, ExportTable>
{
    private readonly ITrustFundDb _db;

    public ExportLedgerHandler(ITrustFundDb db)
    {
        _db = db;
    }

    public Task<ExportTable> HandleAsync(ExportLedger request, CancellationToken cancellationToken) =>
        Task.FromResult(new ExportTable("payments-ledger", ExportLedger.Headers, RowsAsync(cancellationToken)));

    private async IAsyncEnumerable<object?[]> RowsAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var rows = from g in _db.Grants.AsNoTracking()
                   from e in g.Ledger
                   join o in _db.Organisations on g.OrganisationId equals o.Id
                   join i in _db.Grants.SelectMany(x => x.Instalments) on e.InstalmentId equals (Guid?)i.Id into settled
                   from i in settled.DefaultIfEmpty()
                   orderby g.Number, e.RecordedAtUtc, e.Id
                   select new { g.Number, o.LegalName, Instalment = (int?)i!.Number, e.Kind, e.Amount, e.SignedAmount, e.ValueDate, e.Reference, e.By, e.RecordedAtUtc };
        await foreach (var row in rows.AsAsyncEnumerable().WithCancellation(cancellationToken))
        {
            yield return
            [
                row.Number,
                row.LegalName,
                row.Instalment,
                row.Kind.ToString(),
                row.Amount.Amount,
                row.SignedAmount,
                row.ValueDate,
                row.Reference,
                row.By,
                row.RecordedAtUtc,
            ];
        }
    }
}
