using TrustFund.Infrastructure.Persistence;

namespace TrustFund.Database.Tests.Engines;

/// <summary>A server of one engine that hands out fresh, empty databases and removes them all when disposed.</summary>
public abstract class DatabaseServer : IAsyncDisposable
{
    public abstract DatabaseProvider Provider { get; }

    /// <summary>Creates an empty database with a random name and returns its connection string.</summary>
    public abstract Task<string> CreateDatabaseAsync(CancellationToken cancellationToken = default);

    public async ValueTask DisposeAsync()
    {
        await DropDatabasesAsync();
        GC.SuppressFinalize(this);
    }

    protected abstract Task DropDatabasesAsync();

    protected static string RandomDatabaseName() => $"trustfund_test_{Guid.NewGuid():N}";
}
