using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;
using TrustFund.Application.Common;
using TrustFund.Infrastructure.Persistence;

namespace TrustFund.Database.Tests.Engines;

/// <summary>
/// Base of the checks run on every engine: one fresh database per fixture, migrated as in
/// production, dropped at the end; contexts built exactly as the app builds them.
/// </summary>
public abstract class EngineFixture
{
    private DatabaseServer? _server;
    private string? _connectionString;

    protected EngineFixture(DatabaseProvider provider)
    {
        Provider = provider;
    }

    protected DatabaseProvider Provider { get; }

    /// <summary>A clock with sub-microsecond ticks that moves on by itself, so instants differ and need rounding.</summary>
    protected FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.Zero).AddTicks(1_234_567))
    {
        AutoAdvanceAmount = TimeSpan.FromTicks(12_345),
    };

    protected DatabaseServer Server => _server ?? throw new InvalidOperationException("The server has not started.");

    protected string ConnectionString => _connectionString ?? throw new InvalidOperationException("The database has not been created.");

    /// <summary>Whether the fixture's database is migrated before its tests run.</summary>
    protected virtual bool MigrateBeforeTests => true;

    [OneTimeSetUp]
    public async Task CreateDatabaseAsync()
    {
        _server = await DatabaseServers.StartAsync(Provider);
        try
        {
            _connectionString = await _server.CreateDatabaseAsync();
            if (MigrateBeforeTests)
            {
                await using var db = NewContext();
                await db.Database.MigrateAsync();
            }
        }
        catch
        {
            await DropDatabaseAsync();
            throw;
        }
    }

    [OneTimeTearDown]
    public async Task DropDatabaseAsync()
    {
        if (_server is not null)
        {
            await _server.DisposeAsync();
            _server = null;
        }
    }

    /// <summary>A new context on the fixture's database, acting as <paramref name="actor"/> (the system when null).</summary>
    protected TrustFundDbContext NewContext(ICurrentActor? actor = null) => NewContext(ConnectionString, actor);

    protected TrustFundDbContext NewContext(string connectionString, ICurrentActor? actor = null) =>
        new TrustFundDbContext(DbContextOptionsFactory.Create(Provider, connectionString)).UseServices(Clock, actor);
}
