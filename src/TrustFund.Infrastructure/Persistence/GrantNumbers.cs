using Microsoft.EntityFrameworkCore;
using TrustFund.Application.Grants;
using TrustFund.Domain.Grants;

namespace TrustFund.Infrastructure.Persistence;

/// <summary>
/// Counts up the year's row in <c>GrantNumberSequences</c> with one UPDATE, which every engine serialises
/// on the row: a concurrent approval waits for this transaction, then counts from its result. The row is
/// made on the year's first grant by an insert that does nothing when it exists, so two first grants of
/// a year never collide. Numbers a grant already holds are skipped.
/// </summary>
internal sealed class GrantNumbers : IGrantNumbers
{
    private readonly TrustFundDbContext _db;

    public GrantNumbers(TrustFundDbContext db)
    {
        _db = db;
    }

    public async Task<int> TakeAsync(int callYear, CancellationToken cancellationToken)
    {
        if (_db.Database.CurrentTransaction is null)
        {
            throw new InvalidOperationException("Grant numbers are taken inside the approval's transaction.");
        }

        _ = Grant.FormatNumber(callYear, 1); // refuses a year out of range before touching the table
        var sequence = _db.Set<GrantNumberSequence>().Where(s => s.Year == callYear);
        while (true)
        {
            if (await sequence.ExecuteUpdateAsync(s => s.SetProperty(r => r.Issued, r => r.Issued + 1), cancellationToken) != 1)
            {
                await CreateRowAsync(callYear, cancellationToken);
                continue;
            }

            var issued = await sequence.AsNoTracking().Select(s => s.Issued).SingleAsync(cancellationToken);
            var number = Grant.FormatNumber(callYear, issued);

            // A number a grant already holds (the sequence fell behind) is passed over, as for references.
            if (!await _db.Grants.AnyAsync(g => g.Number == number, cancellationToken))
            {
                return issued;
            }
        }
    }

    private Task<int> CreateRowAsync(int year, CancellationToken cancellationToken) => _db.Provider switch
    {
        DatabaseProvider.SqlServer => _db.Database.ExecuteSqlAsync(
            $"IF NOT EXISTS (SELECT 1 FROM [GrantNumberSequences] WITH (UPDLOCK, HOLDLOCK) WHERE [Year] = {year}) INSERT INTO [GrantNumberSequences] ([Year], [Issued]) VALUES ({year}, 0)",
            cancellationToken),
        DatabaseProvider.Sqlite or DatabaseProvider.PostgreSql => _db.Database.ExecuteSqlAsync(
            $"""INSERT INTO "GrantNumberSequences" ("Year", "Issued") VALUES ({year}, 0) ON CONFLICT DO NOTHING""",
            cancellationToken),
    };
}
