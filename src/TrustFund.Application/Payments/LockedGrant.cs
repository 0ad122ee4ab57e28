using System.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using TrustFund.Application.Common;
using TrustFund.Domain.Grants;

namespace TrustFund.Application.Payments;

/// <summary>
/// A grant loaded for a change to its money, inside a transaction that holds the grant's row: every
/// release, payment, ledger entry, hold or cancellation of one grant waits for the one before it and
/// then reads what it did, so two finance officers recording at the same moment never both pay (the
/// second is told why, in the grant's own words). An update that changes nothing takes the row lock
/// on every engine (on SQLite, the database's write lock, taken when the transaction begins).
/// Opening a concern against the organisation takes the same locks (<see cref="LockAllOfAsync"/>), so
/// a payment never slips past a concern recorded at the same moment.
/// </summary>
internal sealed class LockedGrant : IAsyncDisposable
{
    private readonly IDbContextTransaction _transaction;

    private LockedGrant(IDbContextTransaction transaction, Grant grant, IReadOnlyList<SafeguardingConcern> openConcerns)
    {
        _transaction = transaction;
        Grant = grant;
        OpenConcerns = openConcerns;
    }

    public Grant Grant { get; }

    /// <summary>The concerns open against the grant's organisation, as the lock found them.</summary>
    public IReadOnlyList<SafeguardingConcern> OpenConcerns { get; }

    /// <summary>The organisation a grant belongs to (for the access check), or not found.</summary>
    public static async Task<Guid> OrganisationOfAsync(ITrustFundDb db, Guid grantId, CancellationToken cancellationToken) =>
        await db.Grants.AsNoTracking().Where(g => g.Id == grantId).Select(g => (Guid?)g.OrganisationId).SingleOrDefaultAsync(cancellationToken)
        ?? throw new NotFoundException();

    /// <summary>Begins the transaction, locks the grant's row and loads the grant as it is now (with its schedule and ledger, which always come with it).</summary>
    public static async Task<LockedGrant> OpenAsync(ITrustFundDb db, Guid grantId, CancellationToken cancellationToken)
    {
        var transaction = await db.BeginTransactionAsync(IsolationLevel.ReadCommitted, cancellationToken);
        try
        {
            var locked = await db.Grants.Where(g => g.Id == grantId)
                .ExecuteUpdateAsync(set => set.SetProperty(g => g.Version, g => g.Version), cancellationToken);
            if (locked == 0)
            {
                throw new NotFoundException();
            }

            var grant = await db.Grants.SingleAsync(g => g.Id == grantId, cancellationToken);
            var concerns = await db.SafeguardingConcerns.AsNoTracking()
                .Where(c => c.OrganisationId == grant.OrganisationId && c.Status == ConcernStatus.Open)
                .ToListAsync(cancellationToken);
            return new LockedGrant(transaction, grant, concerns);
        }
        catch
        {
            await transaction.DisposeAsync();
            throw;
        }
    }

    /// <summary>Locks the rows of every grant of an organisation, inside the caller's transaction.</summary>
    public static Task<int> LockAllOfAsync(ITrustFundDb db, Guid organisationId, CancellationToken cancellationToken) =>
        db.Grants.Where(g => g.OrganisationId == organisationId)
            .ExecuteUpdateAsync(set => set.SetProperty(g => g.Version, g => g.Version), cancellationToken);

    public Task CommitAsync(CancellationToken cancellationToken) => _transaction.CommitAsync(cancellationToken);

    public ValueTask DisposeAsync() => _transaction.DisposeAsync();
}
