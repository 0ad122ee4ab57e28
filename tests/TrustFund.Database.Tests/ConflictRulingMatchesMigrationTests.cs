using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using TrustFund.Application.Accounts;
using TrustFund.Database.Tests.Engines;
using TrustFund.Domain.Organisations;
using TrustFund.Domain.Reviews;
using TrustFund.Infrastructure.Persistence;

namespace TrustFund.Database.Tests;

/// <summary>
/// The migration that keeps a ruling's officer matches as such (name, position, what matched), on every
/// engine: rulings recorded before it keep their English match and reason as recorded; rulings after it
/// store their matches and read them back.
/// </summary>
[TestFixture(DatabaseProvider.Sqlite)]
[TestFixture(DatabaseProvider.PostgreSql)]
[TestFixture(DatabaseProvider.SqlServer)]
public sealed class ConflictRulingMatchesMigrationTests : EngineFixture
{
    private const string Migration = "_ConflictRulingMatches";

    public ConflictRulingMatchesMigrationTests(DatabaseProvider provider)
        : base(provider)
    {
    }

    [Test]
    public async Task Migrate_RulingsFromBefore_KeepTheirMatchAndReasonAsRecorded()
    {
        var now = Clock.GetUtcNow().UtcDateTime;
        var organisation = Organisation.Register("Casa Esperanza", "COL", now);
        var reviewer = new TrustFundUser { Id = Guid.NewGuid(), UserName = "ana.ruiz@reviewers.example.org", Email = "ana.ruiz@reviewers.example.org", DisplayName = "Ana Ruiz" };
        var older = ConflictRuling.Rule(reviewer.Id, organisation.Id, ConflictRulingKind.Pinned, null, "Confirmed: Ana Ruiz (Tesorera): same name", "manager", now);
        await using (var db = NewContext())
        {
            db.Users.Add(reviewer);
            db.Organisations.Add(organisation);
            db.ConflictRulings.Add(older);
            db.Entry(older).Property(r => r.Match).CurrentValue = "Ana Ruiz (Tesorera): same name";
            await db.SaveChangesAsync();
        }

        await using (var db = NewContext())
        {
            var migrations = db.Database.GetMigrations().ToList();
            var index = migrations.FindIndex(m => m.EndsWith(Migration, StringComparison.Ordinal));
            Assert.That(index, Is.GreaterThan(0));
            var migrator = db.GetService<IMigrator>();
            await migrator.MigrateAsync(migrations[index - 1]);
            await migrator.MigrateAsync();
        }

        await using var check = NewContext();
        var stored = await check.ConflictRulings.AsNoTracking().SingleAsync(r => r.Id == older.Id);
        Assert.Multiple(() =>
        {
            Assert.That(stored.Match, Is.EqualTo("Ana Ruiz (Tesorera): same name"));
            Assert.That(stored.Reason, Is.EqualTo("Confirmed: Ana Ruiz (Tesorera): same name"));
            Assert.That(stored.Matches, Is.Null);
            Assert.That(stored.Kind, Is.EqualTo(ConflictRulingKind.Pinned));
        });
    }

    [Test]
    public async Task Ruling_WithMatches_StoresTheirNamesPositionsAndKinds()
    {
        var now = Clock.GetUtcNow().UtcDateTime;
        var organisation = Organisation.Register("جمعية الأمل", "JOR", now);
        var reviewer = new TrustFundUser { Id = Guid.NewGuid(), UserName = "m.ali@reviewers.example.org", Email = "m.ali@reviewers.example.org", DisplayName = "محمد العلي" };
        OfficerMatch[] matches = [new("محمد العلي", "أمين الصندوق", OfficerMatchKind.SameNameAndEmail), new("Mohammed Al-Ali", null, OfficerMatchKind.SameEmail)];
        var ruling = ConflictRuling.Rule(reviewer.Id, organisation.Id, ConflictRulingKind.Pinned, matches, null, "manager", now);
        await using (var db = NewContext())
        {
            db.Users.Add(reviewer);
            db.Organisations.Add(organisation);
            db.ConflictRulings.Add(ruling);
            await db.SaveChangesAsync();
        }

        await using var check = NewContext();
        var stored = await check.ConflictRulings.AsNoTracking().SingleAsync(r => r.Id == ruling.Id);
        Assert.Multiple(() =>
        {
            Assert.That(stored.Matches, Is.EqualTo(new[] { new OfficerMatch("محمد العلي", "أمين الصندوق", OfficerMatchKind.SameNameAndEmail), new OfficerMatch("Mohammed Al-Ali", null, OfficerMatchKind.SameEmail) }));
            Assert.That(stored.Match, Is.Null);
            Assert.That(stored.Reason, Is.Empty);
        });
    }
}
