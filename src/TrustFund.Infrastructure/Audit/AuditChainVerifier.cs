using Microsoft.EntityFrameworkCore;
using TrustFund.Application.Audit;
using TrustFund.Domain.Audit;
using TrustFund.Infrastructure.Persistence;

namespace TrustFund.Infrastructure.Audit;

/// <summary>Walks the whole audit chain in batches and reports the first entry that does not match.</summary>
public sealed class AuditChainVerifier : IAuditChainVerifier
{
    private const int BatchSize = 5000;
    private readonly TrustFundDbContext _db;

    public AuditChainVerifier(TrustFundDbContext db)
    {
        _db = db;
    }

    public async Task<AuditChainReport> VerifyAsync(CancellationToken cancellationToken)
    {
        long checkedCount = 0;
        long nextSequence = 1;
        var previousHash = AuditChain.Genesis;
        while (true)
        {
            var batch = await _db.AuditEntries.AsNoTracking()
                .Where(e => e.Sequence >= nextSequence)
                .OrderBy(e => e.Sequence)
                .Take(BatchSize)
                .ToListAsync(cancellationToken);
            if (batch.Count == 0)
            {
                return new AuditChainReport(checkedCount, null);
            }

            var broken = AuditChain.FindFirstBreak(batch, nextSequence, previousHash);
            if (broken is not null)
            {
                return new AuditChainReport(checkedCount + (broken.Value - nextSequence), broken);
            }

            checkedCount += batch.Count;
            nextSequence = batch[^1].Sequence + 1;
            previousHash = batch[^1].Hash;
        }
    }
}
