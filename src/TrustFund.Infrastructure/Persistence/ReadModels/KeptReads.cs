using System.Collections.Concurrent;
using System.Globalization;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.DependencyInjection;
using TrustFund.Application.Common;

namespace TrustFund.Infrastructure.Persistence.ReadModels;

/// <summary>
/// <see cref="IKeptReads"/> over a bounded memory cache: each value is kept under its key and the
/// <see cref="ChangeVersions"/> of every entity type of the aggregates it was read from (a root and, through
/// its navigations to dependents, its children), so a saved change to any of them makes the next read go
/// to the database. At most <see cref="Capacity"/> values, each for at most <see cref="Lifetime"/> (how
/// late a change made through another app instance may show). Readers asking for the same missing value
/// at once share one read; it runs on a context of its own, so a reader that gives up (a dropped
/// connection) neither cancels it for the others nor leaves its request's context in use.
/// </summary>
public sealed class KeptReads(IServiceScopeFactory scopes, ChangeVersions versions) : IKeptReads, IDisposable
{
    /// <summary>The most values kept at once.</summary>
    public const int Capacity = 5_000;

    /// <summary>How long a value may lag behind changes made through another app instance.</summary>
    public static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(30);

    private readonly MemoryCache _entries = new(new MemoryCacheOptions { SizeLimit = Capacity });
    private readonly ConcurrentDictionary<Type, Type[]> _aggregates = new();
    private IModel? _model;

    public async Task<T> GetAsync<T>(string key, IReadOnlyCollection<Type> readFrom, Func<ITrustFundDb, CancellationToken, Task<T>> read, CancellationToken cancellationToken)
        where T : class
    {
        var stamped = Stamped(key, readFrom);
        if (!_entries.TryGetValue(stamped, out Task<T>? kept) || kept is null)
        {
            kept = ReadAsync(read);
            _ = _entries.Set(stamped, kept, new MemoryCacheEntryOptions { Size = 1, AbsoluteExpirationRelativeToNow = Lifetime });
        }

        try
        {
            return await kept.WaitAsync(cancellationToken);
        }
        catch (Exception) when (kept.IsFaulted || kept.IsCanceled)
        {
            // A failed read is not kept: the next reader tries again.
            _entries.Remove(stamped);
            throw;
        }
    }

    public void Dispose() => _entries.Dispose();

    /// <summary>The key followed by the current version of every entity type the value was read from.</summary>
    private string Stamped(string key, IReadOnlyCollection<Type> readFrom)
    {
        var stamped = new StringBuilder(key);
        foreach (var root in readFrom)
        {
            foreach (var type in AggregateOf(root))
            {
                stamped.Append(':').Append(versions.Of(type).ToString(CultureInfo.InvariantCulture));
            }
        }

        return stamped.ToString();
    }

    /// <summary>The root's entity type and those of its dependents, reached through its navigations, in a fixed order.</summary>
    public IReadOnlyList<Type> AggregateOf(Type root) => _aggregates.GetOrAdd(root, type =>
    {
        var model = Model();
        var entity = model.FindEntityType(type) ?? throw new ArgumentException($"{type.Name} is not an entity of the model.", nameof(root));
        var found = new List<Type>();
        var pending = new Queue<IEntityType>([entity]);
        while (pending.TryDequeue(out var next))
        {
            if (found.Contains(next.ClrType))
            {
                continue;
            }

            found.Add(next.ClrType);
            foreach (var navigation in next.GetNavigations().Where(n => !n.IsOnDependent))
            {
                pending.Enqueue(navigation.TargetEntityType);
            }
        }

        return [.. found];
    });

    private IModel Model()
    {
        if (_model is null)
        {
            using var scope = scopes.CreateScope();
            using var context = scope.ServiceProvider.GetRequiredService<IDbContextFactory<TrustFundDbContext>>().CreateDbContext();
            _model = context.Model;
        }

        return _model;
    }

    private async Task<T> ReadAsync<T>(Func<ITrustFundDb, CancellationToken, Task<T>> read)
    {
        await using var scope = scopes.CreateAsyncScope();
        return await read(scope.ServiceProvider.GetRequiredService<ITrustFundDb>(), CancellationToken.None);
    }
}
