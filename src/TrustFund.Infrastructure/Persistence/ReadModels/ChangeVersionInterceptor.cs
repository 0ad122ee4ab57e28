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

    public ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Capture(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        Release(eventData.Context, unlessInTransaction: true);
        return result;
    }

    public ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        Release(eventData.Context, unlessInTransaction: true);
        return ValueTask.FromResult(result);
    }

    public void SaveChangesFailed(DbContextErrorEventData eventData) => Release(eventData.Context, unlessInTransaction: true);

    public Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        Release(eventData.Context, unlessInTransaction: true);
        return Task.CompletedTask;
    }

    public void TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData) => Release(eventData.Context, unlessInTransaction: false);

    public Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Release(eventData.Context, unlessInTransaction: false);
        return Task.CompletedTask;
    }

    public void TransactionRolledBack(DbTransaction transaction, TransactionEndEventData eventData) => Release(eventData.Context, unlessInTransaction: false);

    public Task TransactionRolledBackAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Release(eventData.Context, unlessInTransaction: false);
        return Task.CompletedTask;
    }

    private void Capture(DbContext? context)
    {
        if (context is null)
        {
            return;
        }

        var touched = context.ChangeTracker.Entries()
            .Where(e => e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted)
            .Select(e => e.Metadata.ClrType)
            .ToHashSet();
        if (touched.Count == 0)
        {
            return;
        }

        versions.Bump(touched);
        lock (_pending)
        {
            var pending = _pending.GetOrCreateValue(context);
            pending.UnionWith(touched);
        }
    }

    /// <summary>After a save outside a transaction, or at the end of the transaction that held it.</summary>
    private void Release(DbContext? context, bool unlessInTransaction)
    {
        if (context is null || (unlessInTransaction && context.Database.CurrentTransaction is not null))
        {
            return;
        }

        HashSet<Type>? pending;
        lock (_pending)
        {
            if (!_pending.TryGetValue(context, out pending))
            {
                return;
            }

            _pending.Remove(context);
        }

        versions.Bump(pending);
    }
}
