using Npgsql;
using TrustFund.Infrastructure.Persistence;

namespace TrustFund.Database.Tests.Engines;

/// <summary>
/// The PostgreSQL server named by <c>ConnectionStrings__Postgres</c>; each database it creates has a
/// random name and is dropped at the end.
/// </summary>
public sealed class PostgreSqlServer : DatabaseServer
{
    public const string Variable = "ConnectionStrings__Postgres";

    private readonly string _adminConnectionString;
    private readonly List<string> _databases = [];

    private PostgreSqlServer(string adminConnectionString)
    {
        _adminConnectionString = adminConnectionString;
    }

    public override DatabaseProvider Provider => DatabaseProvider.PostgreSql;

    /// <summary>The server from the environment; ignored when not configured, failed on CI.</summary>
    public static PostgreSqlServer FromEnvironment()
    {
        var connectionString = Environment.GetEnvironmentVariable(Variable);
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            Prerequisite.Missing($"PostgreSQL tests need {Variable}, a connection string to a server where the tests may create and drop databases.");
        }

        return new PostgreSqlServer(connectionString);
    }

    public override async Task<string> CreateDatabaseAsync(CancellationToken cancellationToken = default)
    {
        var name = RandomDatabaseName();
        await ExecuteAsync($"CREATE DATABASE \"{name}\"", cancellationToken);
        _databases.Add(name);
        return new NpgsqlConnectionStringBuilder(_adminConnectionString) { Database = name }.ConnectionString;
    }

    protected override async Task DropDatabasesAsync()
    {
        NpgsqlConnection.ClearAllPools();
        foreach (var name in _databases)
        {
            await ExecuteAsync($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)", CancellationToken.None);
        }

        _databases.Clear();
    }

    private async Task ExecuteAsync(string sql, CancellationToken cancellationToken)
    {
        await using var connection = new NpgsqlConnection(_adminConnectionString);
        await connection.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
