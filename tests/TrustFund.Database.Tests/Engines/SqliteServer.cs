using Microsoft.Data.Sqlite;
using TrustFund.Infrastructure.Persistence;

namespace TrustFund.Database.Tests.Engines;

/// <summary>SQLite files in a temporary folder, deleted at the end.</summary>
public sealed class SqliteServer : DatabaseServer
{
    private readonly string _folder = Directory.CreateTempSubdirectory("trustfund-db-tests-").FullName;

    public override DatabaseProvider Provider => DatabaseProvider.Sqlite;

    public override Task<string> CreateDatabaseAsync(CancellationToken cancellationToken = default) =>
        Task.FromResult(new SqliteConnectionStringBuilder { DataSource = Path.Combine(_folder, RandomDatabaseName() + ".db") }.ToString());

    protected override Task DropDatabasesAsync()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
        return Task.CompletedTask;
    }
}
