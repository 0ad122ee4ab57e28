using TrustFund.Infrastructure.Persistence;

namespace TrustFund.Database.Tests.Engines;

/// <summary>Gives the server for a provider, or ignores (or on CI fails) the calling tests when it is unavailable.</summary>
public static class DatabaseServers
{
    public static async Task<DatabaseServer> StartAsync(DatabaseProvider provider) => provider switch
    {
        DatabaseProvider.Sqlite => new SqliteServer(),
        DatabaseProvider.PostgreSql => PostgreSqlServer.FromEnvironment(),
        DatabaseProvider.SqlServer => await SqlServerContainer.StartAsync(),
    };
}
