using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using TrustFund.Application.Audit;
using TrustFund.Database.Tests.Engines;
using TrustFund.Domain.Applications;
using TrustFund.Domain.Calls;
using TrustFund.Domain.Organisations;
using TrustFund.Infrastructure.Audit;
using TrustFund.Infrastructure.Persistence;

namespace TrustFund.Database.Tests;

/// <summary>
/// Each application's copy of its organisation's legal name (sorted and searched by the managers' list)
/// on every engine: filled for existing rows by the migration, rewritten by a save that renames.
/// </summary>
[TestFixture(DatabaseProvider.Sqlite)]
[TestFixture(DatabaseProvider.PostgreSql)]
[TestFixture(DatabaseProvider.SqlServer)]
public sealed class OrganisationNameTests : EngineFixture
{
    public OrganisationNameTests(DatabaseProvider provider)
        : base(provider)
    {
    }

    [Test]
    public async Task SaveChanges_RenamedOrganisation_RewritesTheNameOnItsApplicationsOnly()
    {
        var (renamed, renamedApplications) = await OrganisationWithApplicationsAsync(() => NewContext(), "Casa de Acogida Esperanza", 2);
        var (_, otherApplications) = await OrganisationWithApplicationsAsync(() => NewContext(), "Hogar Seguro", 1);
        var versionsBefore = await VersionsAsync(renamedApplications);

        await using (var db = NewContext())
        {
            var organisation = await db.Organisations.SingleAsync(o => o.Id == renamed);
            organisation.UpdateProfile("Casa Esperanza Internacional", organisation.CountryOfRegistration, organisation.Profile, DateTime.UtcNow);
            await db.SaveChangesAsync();
        }

        await using var check = NewContext();
        var names = await check.Applications.AsNoTracking().Where(a => renamedApplications.Contains(a.Id)).Select(a => a.OrganisationName).ToListAsync();
        var others = await check.Applications.AsNoTracking().Where(a => otherApplications.Contains(a.Id)).Select(a => a.OrganisationName).ToListAsync();
        var audit = await check.AuditEntries.AsNoTracking().Where(e => e.Action == AuditActions.OrganisationRenamed && e.EntityId == renamed.ToString()).Select(e => e.Summary).ToListAsync();
        var chain = await new AuditChainVerifier(check).VerifyAsync(CancellationToken.None);
        var versionsAfter = await VersionsAsync(renamedApplications);
        Assert.Multiple(() =>
        {
            Assert.That(names, Is.EqualTo(new[] { "Casa Esperanza Internacional", "Casa Esperanza Internacional" }));
            Assert.That(others, Is.EqualTo(new[] { "Hogar Seguro" }));
            Assert.That(audit, Has.Count.EqualTo(1));
            Assert.That(audit.FirstOrDefault(), Does.Contain("Casa de Acogida Esperanza").And.Contain("Casa Esperanza Internacional"));
            Assert.That(versionsAfter, Is.EqualTo(versionsBefore), "the copy is not an edit of the applications");
            Assert.That(chain.IsIntact, Is.True, $"chain breaks at {chain.FirstBrokenSequence}");
        });
    }

    [Test]
    public async Task SaveChanges_RenameOnAStaleOrganisation_RewritesNothing()
    {
        var (id, applications) = await OrganisationWithApplicationsAsync(() => NewContext(), "Refugio del Sol", 1);
        await using var stale = NewContext();
        var seenEarlier = await stale.Organisations.SingleAsync(o => o.Id == id);
        await using (var first = NewContext())
        {
            (await first.Organisations.SingleAsync(o => o.Id == id)).Verify(Clock.GetUtcNow().UtcDateTime);
            await first.SaveChangesAsync();
        }

        seenEarlier.UpdateProfile("Refugio del Sol Naciente", seenEarlier.CountryOfRegistration, seenEarlier.Profile, DateTime.UtcNow);

        Assert.That(async () => await stale.SaveChangesAsync(), Throws.InstanceOf<DbUpdateConcurrencyException>());
        await using var check = NewContext();
        var names = await check.Applications.AsNoTracking().Where(a => applications.Contains(a.Id)).Select(a => a.OrganisationName).ToListAsync();
        Assert.That(names, Is.EqualTo(new[] { "Refugio del Sol" }));
    }

    [Test]
    public async Task Migrate_ApplicationsSavedBeforeTheColumn_TakeTheirOrganisationsLegalName()
    {
        var connectionString = await Server.CreateDatabaseAsync();
        await using (var db = NewContext(connectionString))
        {
            await db.Database.MigrateAsync();
        }

        var (id, applications) = await OrganisationWithApplicationsAsync(() => NewContext(connectionString), "Maison de l'Espoir", 2);
        await using (var db = NewContext(connectionString))
        {
            var migrations = db.Database.GetMigrations().ToList();
            var added = migrations.FindIndex(m => m.EndsWith("_OrganisationNameOnApplications", StringComparison.Ordinal));
            Assert.That(added, Is.GreaterThan(0), "this test steps back to before the migration that added the column");
            var migrator = db.GetService<IMigrator>();
            await migrator.MigrateAsync(migrations[added - 1]);

            // Renamed while the applications have no copy of the name.
            await db.Organisations.Where(o => o.Id == id).ExecuteUpdateAsync(s => s.SetProperty(o => o.LegalName, "Maison de l'Espoir – Bénin"));
            await migrator.MigrateAsync();
        }

        await using var check = NewContext(connectionString);
        var names = await check.Applications.AsNoTracking().Where(a => applications.Contains(a.Id)).Select(a => a.OrganisationName).ToListAsync();
        Assert.That(names, Is.EqualTo(new[] { "Maison de l'Espoir – Bénin", "Maison de l'Espoir – Bénin" }));
    }

    private async Task<(Guid Organisation, List<Guid> Applications)> OrganisationWithApplicationsAsync(Func<TrustFundDbContext> newContext, string name, int count)
    {
        var now = Clock.GetUtcNow().UtcDateTime;
        var organisation = Organisation.Register(name, "PER", now);
        var call = TestCalls.Published($"N{Guid.NewGuid():N}"[..8], $"Call for {name}", now);
        var applications = Enumerable.Range(0, count).Select(_ => GrantApplication.Start(call, organisation, "applicant", now)).ToList();
        await using var db = newContext();
        db.Organisations.Add(organisation);
        db.Calls.Add(call);
        db.Applications.AddRange(applications);
        await db.SaveChangesAsync();
        return (organisation.Id, applications.Select(a => a.Id).ToList());
    }

    private async Task<List<Guid>> VersionsAsync(List<Guid> applications)
    {
        await using var db = NewContext();
        return await db.Applications.AsNoTracking().Where(a => applications.Contains(a.Id)).OrderBy(a => a.Id).Select(a => a.Version).ToListAsync();
    }
}
