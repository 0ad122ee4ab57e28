using Microsoft.EntityFrameworkCore;
using TrustFund.Application.Applications;
using TrustFund.Domain.Applications;
using TrustFund.Domain.Calls;

namespace TrustFund.Infrastructure.Persistence;

/// <summary>
/// Counts up the call's row in <c>ReferenceSequences</c> (made with the call) with one UPDATE, which
/// every engine serialises on the row: a concurrent submission waits for this transaction, then counts
/// from its result. Numbers an application already holds are skipped.
/// </summary>
internal sealed class ReferenceNumbers : IReferenceNumbers
{
    private readonly TrustFundDbContext _db;

    public ReferenceNumbers(TrustFundDbContext db)
    {
        _db = db;
    }

    public async Task<string> TakeAsync(Call call, DateTime nowUtc, CancellationToken cancellationToken)
    {
        if (_db.Database.CurrentTransaction is null)
        {
            throw new InvalidOperationException("Reference numbers are taken inside the submission's transaction.");
        }

        var sequence = _db.Set<ReferenceSequence>().Where(s => s.CallId == call.Id);
        while (true)
        {
            if (await sequence.ExecuteUpdateAsync(s => s.SetProperty(r => r.Issued, r => r.Issued + 1), cancellationToken) != 1)
            {
                throw new InvalidOperationException($"Call {call.Code} has no reference sequence.");
            }

            var issued = await sequence.AsNoTracking().Select(s => s.Issued).SingleAsync(cancellationToken);
            var reference = GrantApplication.FormatReference(nowUtc.Year, call.Code, issued);

            // A number an application already holds (the sequence fell behind) is passed over: a retry
            // after the unique index refused it would otherwise take the same number again, as the
            // failed attempt's count is rolled back with it.
            if (!await _db.Applications.AnyAsync(a => a.Reference == reference, cancellationToken))
            {
                return reference;
            }
        }
    }
}
