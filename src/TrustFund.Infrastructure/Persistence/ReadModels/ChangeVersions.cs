using System.Collections.Concurrent;

namespace TrustFund.Infrastructure.Persistence.ReadModels;

/// <summary>
/// A counter per entity type, moved on every save that adds, changes or deletes rows of that type (and
/// again when the transaction holding the save commits). Cached read models put the counters they depend
/// on in their cache keys, so a change made by this instance is seen by the next request; changes made by
/// other instances are seen when the cached entry expires.
/// </summary>
public sealed class ChangeVersions
{
    private readonly ConcurrentDictionary<Type, StrongBox> _versions = new();

    /// <summary>The current counter of <typeparamref name="T"/>.</summary>
    public long Of<T>() => Of(typeof(T));

    /// <summary>The current counter of <paramref name="entityType"/>.</summary>
    public long Of(Type entityType) => Volatile.Read(ref _versions.GetOrAdd(entityType, _ => new StrongBox()).Value);

    internal void Bump(IEnumerable<Type> entityTypes)
    {
        foreach (var type in entityTypes)
        {
            Interlocked.Increment(ref _versions.GetOrAdd(type, _ => new StrongBox()).Value);
        }
    }

    private sealed class StrongBox
    {
#pragma warning disable SA1401, CA1051 // a field, so that Interlocked can update it
        public long Value;
#pragma warning restore SA1401, CA1051
    }
}
