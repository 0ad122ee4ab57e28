using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using TrustFund.Infrastructure.Persistence;

namespace TrustFund.Database.Tests;

/// <summary>Checks of each provider's migrations against the model that need no server.</summary>
public sealed partial class ModelSnapshotTests
{
    [TestCase(DatabaseProvider.Sqlite)]
    [TestCase(DatabaseProvider.PostgreSql)]
    [TestCase(DatabaseProvider.SqlServer)]
    public void HasPendingModelChanges_CurrentModel_MatchesTheProvidersSnapshot(DatabaseProvider provider)
    {
        using var db = OfflineContext(provider);

        Assert.That(
            db.Database.HasPendingModelChanges(),
            Is.False,
            $"The model differs from the {provider} migrations' snapshot: run migrations/add-migration.sh to add a migration for all three providers.");
    }

    [Test]
    public void GetMigrations_EveryProvider_HasTheSameNamedMigrationsInTheSameOrder()
    {
        var names = Enum.GetValues<DatabaseProvider>().ToDictionary(p => p, p =>
        {
            using var db = OfflineContext(p);
            return db.Database.GetMigrations().Select(id => MigrationTimestamp().Replace(id, string.Empty)).ToList();
        });

        Assert.Multiple(() =>
        {
            Assert.That(names[DatabaseProvider.Sqlite], Is.Not.Empty);
            Assert.That(names[DatabaseProvider.PostgreSql], Is.EqualTo(names[DatabaseProvider.Sqlite]));
            Assert.That(names[DatabaseProvider.SqlServer], Is.EqualTo(names[DatabaseProvider.Sqlite]));
        });
    }

    [Test]
    public void GenerateScript_SqlServerIdempotent_GuardsEveryMigrationAndCreatesTheAuditTrigger()
    {
        using var db = OfflineContext(DatabaseProvider.SqlServer);
        var migrator = db.GetService<IMigrator>();

        var script = migrator.GenerateScript(options: MigrationsSqlGenerationOptions.Idempotent);

        Assert.Multiple(() =>
        {
            foreach (var migration in db.Database.GetMigrations())
            {
                Assert.That(script, Does.Contain($"WHERE [MigrationId] = N'{migration}'"), migration);
            }

            Assert.That(script, Does.Contain($"CREATE TRIGGER [{AuditTable.Name}_append_only] ON [{AuditTable.Name}] INSTEAD OF UPDATE, DELETE"));
            Assert.That(script, Does.Contain(AuditTable.AppendOnlyMessage));
        });
    }

    [Test]
    public void GenerateScript_PostgreSqlIdempotent_CreatesTheAuditTriggers()
    {
        using var db = OfflineContext(DatabaseProvider.PostgreSql);

        var script = db.GetService<IMigrator>().GenerateScript(options: MigrationsSqlGenerationOptions.Idempotent);

        Assert.Multiple(() =>
        {
            Assert.That(script, Does.Contain($"\"{AuditTable.Name}_no_update_delete\" BEFORE UPDATE OR DELETE"));
            Assert.That(script, Does.Contain($"\"{AuditTable.Name}_no_truncate\" BEFORE TRUNCATE"));
        });
    }

    private static TrustFundDbContext OfflineContext(DatabaseProvider provider) =>
        new(DbContextOptionsFactory.Create(provider, DummyConnectionString(provider)));

    private static string DummyConnectionString(DatabaseProvider provider) => provider switch
    {
        DatabaseProvider.Sqlite => "Data Source=offline.db",
        DatabaseProvider.PostgreSql => "Host=localhost;Database=trustfund;Username=trustfund",
        DatabaseProvider.SqlServer => "Server=localhost;Database=TrustFund;Trusted_Connection=True;TrustServerCertificate=True",
    };

    [GeneratedRegex("^[0-9]{14}_")]
    private static partial Regex MigrationTimestamp();
}
