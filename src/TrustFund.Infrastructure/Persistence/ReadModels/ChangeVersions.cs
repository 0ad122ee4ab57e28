using System.Collections.Concurrent;

namespace TrustFund.Infrastructure.Persistence.ReadModels;

/// <summary>
/// A counter per entity type, moved on every save that adds, changes or deletes rows of that type (and
/// again when the transaction holding the save commits). Cached read models put the counters they depend
/// on in their cache keys, so a change is seen by the next request. With one instance the counters live in
/// this process; with <see cref="ISharedChangeVersions"/> (Redis, when <c>Redis:Configuration</c> is set)
/// every move is made in the shared store and each request first brings this process's counters up to the
/// shared ones (<see cref="RefreshAsync"/>), so a save through another instance is seen by the next request.
/// </summary>
public sealed class ChangeVersions(ISharedChangeVersions? shared = null)
{
    private readonly ConcurrentDictionary<Type, StrongBox> _versions = new();
    private readonly ConcurrentDictionary<string, StrongBox> _named = new(StringComparer.Ordinal);

    /// <summary>Whether the counters are shared with other instances.</summary>
    public bool Shared => shared is not null;

    /// <summary>The current counter of <typeparamref name="T"/>.</summary>
    public long Of<T>() => Of(typeof(T));

    /// <summary>The current counter of <paramref name="entityType"/>.</summary>
    public long Of(Type entityType) => Volatile.Read(ref BoxOf(entityType).Value);

    /// <summary>Brings this process's counters up to the shared ones; nothing to do without a shared store.</summary>
    public async Task RefreshAsync(CancellationToken cancellationToken)
    {
        if (shared is null)
        {
            return;
        }

        foreach (var (name, value) in await shared.ReadAllAsync(cancellationToken))
        {
            RaiseTo(_named.GetOrAdd(name, _ => new StrongBox()), value);
        }
    }

    internal void Bump(IReadOnlyCollection<Type> entityTypes)
    {
        if (shared is null)
        {
            foreach (var type in entityTypes)
            {
                Interlocked.Increment(ref BoxOf(type).Value);
            }

            return;
        }

        var names = entityTypes.Select(NameOf).ToArray();
        Raise(entityTypes, shared.Increment(names));
    }

    internal async Task BumpAsync(IReadOnlyCollection<Type> entityTypes, CancellationToken cancellationToken)
    {
        if (shared is null)
        {
            Bump(entityTypes);
            return;
        }

        var names = entityTypes.Select(NameOf).ToArray();
        Raise(entityTypes, await shared.IncrementAsync(names, cancellationToken));
    }

    /// <summary>The name a type's counter has in the shared store.</summary>
    public static string NameOf(Type entityType) => entityType.FullName ?? entityType.Name;

    private void Raise(IReadOnlyCollection<Type> entityTypes, IReadOnlyList<long> values)
    {
        var index = 0;
        foreach (var type in entityTypes)
        {
            RaiseTo(BoxOf(type), values[index++]);
        }
    }

    private StrongBox BoxOf(Type entityType) =>
        _versions.GetOrAdd(entityType, type => _named.GetOrAdd(NameOf(type), _ => new StrongBox()));

    /// <summary>Counters only move forward: a value read late never takes one back.</summary>
    private static void RaiseTo(StrongBox box, long value)
    {
        var current = Volatile.Read(ref box.Value);
        while (current < value)
        {
            var seen = Interlocked.CompareExchange(ref box.Value, value, current);
            if (seen == current)
            {
                return;
            }

            current = seen;
        }
    }

    private sealed class StrongBox
    {
#pragma warning disable SA1401, CA1051 // a field, so that Interlocked can update it
        public long Value;
#pragma warning restore SA1401, CA1051
    }
}

/// <summary>Change counters shared by every instance of the app (see <see cref="ChangeVersions"/>).</summary>
public interface ISharedChangeVersions
{
    /// <summary>Moves each named counter by one and returns their new values, in the same order.</summary>
    IReadOnlyList<long> Increment(IReadOnlyList<string> names);

    /// <inheritdoc cref="Increment"/>
    Task<IReadOnlyList<long>> IncrementAsync(IReadOnlyList<string> names, CancellationToken cancellationToken);

    /// <summary>Every counter and its value.</summary>
    Task<IReadOnlyList<KeyValuePair<string, long>>> ReadAllAsync(CancellationToken cancellationToken);
}
