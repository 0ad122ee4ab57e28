using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace TrustFund.Infrastructure.Persistence.ReadModels;

/// <summary>
/// Moves <see cref="ChangeVersions"/> for the entity types a save touches: before the save (so no reader
/// caches the old rows under a newer counter), after it, and when the transaction holding it ends.
/// </summary>
public sealed class ChangeVersionInterceptor(ChangeVersions versions) : ISaveChangesInterceptor, IDbTransactionInterceptor
{
    private readonly ConditionalWeakTable<DbContext, HashSet<Type>> _pending = [];

    public InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Capture(eventData.Context);
        return result;
    }

    public async ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        await CaptureAsync(eventData.Context, cancellationToken);
        return result;
    }

    public int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        Release(eventData.Context, unlessInTransaction: true);
        return result;
    }

    public async ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        await ReleaseAsync(eventData.Context, unlessInTransaction: true);
        return result;
    }

    public void SaveChangesFailed(DbContextErrorEventData eventData) => Release(eventData.Context, unlessInTransaction: true);

    public Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default) =>
        ReleaseAsync(eventData.Context, unlessInTransaction: true);

    public void TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData) => Release(eventData.Context, unlessInTransaction: false);

    public Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default) =>
        ReleaseAsync(eventData.Context, unlessInTransaction: false);

    public void TransactionRolledBack(DbTransaction transaction, TransactionEndEventData eventData) => Release(eventData.Context, unlessInTransaction: false);

    public Task TransactionRolledBackAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default) =>
        ReleaseAsync(eventData.Context, unlessInTransaction: false);

    private void Capture(DbContext? context)
    {
        if (Touched(context) is { } touched)
        {
            versions.Bump(touched);
        }
    }

    private async Task CaptureAsync(DbContext? context, CancellationToken cancellationToken)
    {
        if (Touched(context) is { } touched)
        {
            await versions.BumpAsync(touched, cancellationToken);
        }
    }

    /// <summary>The entity types the save is about to touch, remembered until the save or its transaction ends.</summary>
    private HashSet<Type>? Touched(DbContext? context)
    {
        if (context is null)
        {
            return null;
        }

        var touched = context.ChangeTracker.Entries()
            .Where(e => e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted)
            .Select(e => e.Metadata.ClrType)
            .ToHashSet();
        if (touched.Count == 0)
        {
            return null;
        }

        lock (_pending)
        {
            var pending = _pending.GetOrCreateValue(context);
            pending.UnionWith(touched);
        }

        return touched;
    }

    /// <summary>After a save outside a transaction, or at the end of the transaction that held it.</summary>
    private void Release(DbContext? context, bool unlessInTransaction)
    {
        if (Released(context, unlessInTransaction) is { } pending)
        {
            versions.Bump(pending);
        }
    }

    private async Task ReleaseAsync(DbContext? context, bool unlessInTransaction)
    {
        if (Released(context, unlessInTransaction) is { } pending)
        {
            // Not the caller's token: the save has happened, and the counters must move even if the request ends.
            await versions.BumpAsync(pending, CancellationToken.None);
        }
    }

    private HashSet<Type>? Released(DbContext? context, bool unlessInTransaction)
    {
        if (context is null || (unlessInTransaction && context.Database.CurrentTransaction is not null))
        {
            return null;
        }

        lock (_pending)
        {
            if (!_pending.TryGetValue(context, out var pending))
            {
                return null;
            }

            _pending.Remove(context);
            return pending;
        }
    }
}
