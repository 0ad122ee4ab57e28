using Microsoft.Extensions.Caching.Memory;
using TrustFund.Application.Applications;

namespace TrustFund.Infrastructure.Applications;

/// <summary>
/// The application detail models kept in memory, each with the stamp it was read under. Bounded: at most
/// <see cref="Capacity"/> applications, each forgotten after <see cref="Idle"/> without a view.
/// </summary>
public sealed class ApplicationDetailCache : IDisposable
{
    public const int Capacity = 1_000;

    public static readonly TimeSpan Idle = TimeSpan.FromMinutes(10);

    private readonly MemoryCache _entries = new(new MemoryCacheOptions { SizeLimit = Capacity });

    public Entry? Find(Guid applicationId) => _entries.Get<Entry>(applicationId);

    public void Keep(Guid applicationId, Entry entry) =>
        _entries.Set(applicationId, entry, new MemoryCacheEntryOptions { Size = 1, SlidingExpiration = Idle });

    public void Forget(Guid applicationId) => _entries.Remove(applicationId);

    public void Dispose() => _entries.Dispose();

    /// <summary>A model and the stamp read just before it.</summary>
    public sealed record Entry(ApplicationDetailStamp Stamp, ApplicationDetailsModel Model);
}
