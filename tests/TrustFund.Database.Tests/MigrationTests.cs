using Microsoft.EntityFrameworkCore;
using TrustFund.Application.Accounts;
using TrustFund.Database.Tests.Engines;
using TrustFund.Infrastructure.Persistence;

namespace TrustFund.Database.Tests;

[TestFixture(DatabaseProvider.Sqlite)]
[TestFixture(DatabaseProvider.PostgreSql)]
[TestFixture(DatabaseProvider.SqlServer)]
public sealed class MigrationTests : EngineFixture
{
    public MigrationTests(DatabaseProvider provider)
        : base(provider)
    {
    }

    protected override bool MigrateBeforeTests => false;

    [Test]
    public async Task MigrateAsync_EmptyDatabase_AppliesEveryMigrationAndLeavesNonePending()
    {
        var connectionString = await Server.CreateDatabaseAsync();
        await using var db = NewContext(connectionString);
        var all = db.Database.GetMigrations().ToList();
        Assert.That(await db.Database.GetPendingMigrationsAsync(), Is.EqualTo(all), "an empty database lacks every migration");

        await db.Database.MigrateAsync();

        var pending = await db.Database.GetPendingMigrationsAsync();
        var applied = await db.Database.GetAppliedMigrationsAsync();
        var roles = await db.Roles.Select(r => r.Name).ToListAsync();
        var auditEntries = await db.AuditEntries.CountAsync();
        Assert.Multiple(() =>
        {
            Assert.That(all, Is.Not.Empty);
            Assert.That(pending, Is.Empty);
            Assert.That(applied, Is.EqualTo(all));
            Assert.That(roles, Is.EquivalentTo(Roles.All));
            Assert.That(auditEntries, Is.Zero);
        });
    }

    [Test]
    public async Task MigrateAsync_UpToDateDatabase_ChangesNothing()
    {
        var connectionString = await Server.CreateDatabaseAsync();
        await using (var first = NewContext(connectionString))
        {
            await first.Database.MigrateAsync();
        }

        await using var db = NewContext(connectionString);
        await db.Database.MigrateAsync();

        Assert.That(await db.Database.GetAppliedMigrationsAsync(), Is.EqualTo(db.Database.GetMigrations()));
    }
}
