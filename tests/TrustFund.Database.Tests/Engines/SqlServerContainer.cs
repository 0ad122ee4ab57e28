using DotNet.Testcontainers.Builders;
using Microsoft.Data.SqlClient;
using Testcontainers.MsSql;
using TrustFund.Infrastructure.Persistence;

namespace TrustFund.Database.Tests.Engines;

/// <summary>
/// SQL Server in one container shared by every fixture of the run (it takes long to start). Without
/// Docker the SQL Server tests are ignored, on CI too: SQL Server is checked where Docker exists.
/// </summary>
public sealed class SqlServerContainer : DatabaseServer
{
    private const string Image = "mcr.microsoft.com/mssql/server:2022-CU14-ubuntu-22.04";

    private static readonly SemaphoreSlim Gate = new(1, 1);
    private static MsSqlContainer? _container;
    private static string? _unavailable;

    private readonly string _masterConnectionString;
    private readonly List<string> _databases = [];

    private SqlServerContainer(string masterConnectionString)
    {
        _masterConnectionString = masterConnectionString;
    }

    public override DatabaseProvider Provider => DatabaseProvider.SqlServer;

    /// <summary>Starts the shared container on first use; ignores the calling tests when Docker is unavailable.</summary>
    public static async Task<SqlServerContainer> StartAsync()
    {
        await Gate.WaitAsync();
        try
        {
            if (_unavailable is null && _container is null)
            {
                try
                {
                    var container = new MsSqlBuilder(Image).Build();
                    await container.StartAsync();
                    _container = container;
                }
                catch (DockerUnavailableException ex)
                {
                    _unavailable = $"SQL Server tests need Docker for Testcontainers: {ex.Message}";
                }
            }
        }
        finally
        {
            Gate.Release();
        }

        if (_unavailable is not null)
        {
            Assert.Ignore(_unavailable);
        }

        return new SqlServerContainer(_container!.GetConnectionString());
    }

    /// <summary>Stops the shared container at the end of the run.</summary>
    public static async Task StopSharedAsync()
    {
        if (_container is not null)
        {
            await _container.DisposeAsync();
            _container = null;
        }
    }

    public override async Task<string> CreateDatabaseAsync(CancellationToken cancellationToken = default)
    {
        var name = RandomDatabaseName();
        await ExecuteAsync($"CREATE DATABASE [{name}]", cancellationToken);
        _databases.Add(name);
        return new SqlConnectionStringBuilder(_masterConnectionString) { InitialCatalog = name }.ConnectionString;
    }

    protected override async Task DropDatabasesAsync()
    {
        SqlConnection.ClearAllPools();
        foreach (var name in _databases)
        {
            await ExecuteAsync($"ALTER DATABASE [{name}] SET SINGLE_USER WITH ROLLBACK IMMEDIATE; DROP DATABASE [{name}]", CancellationToken.None);
        }

        _databases.Clear();
    }

    private async Task ExecuteAsync(string sql, CancellationToken cancellationToken)
    {
        await using var connection = new SqlConnection(_masterConnectionString);
        await connection.OpenAsync(cancellationToken);
        await using var command = new SqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
