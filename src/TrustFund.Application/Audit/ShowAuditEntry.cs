using Microsoft.EntityFrameworkCore;
using TrustFund.Application.Common;
using TrustFund.Domain.Audit;

namespace TrustFund.Application.Audit;

/// <summary>One audit entry in full, with whether its hash and its link to the entry before it still hold.</summary>
public sealed record ShowAuditEntry(long Sequence) : IUseCase<AuditEntryDetails>;

/// <summary>The entry, the two checks, and the entries either side of it.</summary>
public sealed record AuditEntryDetails(AuditEntry Entry, bool ContentMatchesHash, bool LinkedToPrevious, long? PreviousSequence, long? NextSequence);

internal sealed class ShowAuditEntryHandler : IUseCaseHandler<ShowAuditEntry, AuditEntryDetails>
{
    private readonly ITrustFundDb _db;

    public ShowAuditEntryHandler(ITrustFundDb db) => _db = db;

    public async Task<AuditEntryDetails> HandleAsync(ShowAuditEntry request, CancellationToken cancellationToken)
    {
        var sequence = request.Sequence;
        var entry = await _db.AuditEntries.AsNoTracking().SingleOrDefaultAsync(e => e.Sequence == sequence, cancellationToken)
            ?? throw new NotFoundException();
        var previous = await _db.AuditEntries.AsNoTracking().Where(e => e.Sequence < sequence).OrderByDescending(e => e.Sequence)
            .Select(e => new { e.Sequence, e.Hash }).FirstOrDefaultAsync(cancellationToken);
        var next = await _db.AuditEntries.AsNoTracking().Where(e => e.Sequence > sequence).OrderBy(e => e.Sequence)
            .Select(e => (long?)e.Sequence).FirstOrDefaultAsync(cancellationToken);
        var expectedPrevious = previous?.Hash ?? AuditChain.Genesis;
        return new AuditEntryDetails(
            entry,
            string.Equals(entry.Hash, AuditChain.ComputeHash(entry), StringComparison.Ordinal),
            string.Equals(entry.PreviousHash, expectedPrevious, StringComparison.Ordinal) && (previous?.Sequence ?? 0) == sequence - 1,
            previous?.Sequence,
            next);
    }
}
