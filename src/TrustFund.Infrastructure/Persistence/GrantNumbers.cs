using Microsoft.EntityFrameworkCore;
using TrustFund.Application.Grants;
using TrustFund.Domain.Grants;

namespace TrustFund.Infrastructure.Persistence;

/// <summary>
/// The next grant number of a year: one more than the highest the year's grants hold. Two awards at
/// the same instant may read the same highest number; the unique index on the grant number refuses
/// the second, which the award's use case runs again (<c>RecordDecision</c> retries on that index).
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
        var prefix = Grant.FormatNumber(callYear, 1)[..^4];
        var numbers = await _db.Grants.AsNoTracking()
            .Where(g => g.Number.StartsWith(prefix))
            .Select(g => g.Number)
            .ToListAsync(cancellationToken);
        var highest = numbers
            .Select(n => int.TryParse(n.AsSpan(prefix.Length), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var sequence) ? sequence : 0)
            .DefaultIfEmpty(0)
            .Max();
        return highest + 1;
    }
}
