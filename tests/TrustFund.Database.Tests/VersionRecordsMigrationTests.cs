using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using TrustFund.Database.Tests.Engines;
using TrustFund.Domain.Applications;
using TrustFund.Domain.Calls;
using TrustFund.Domain.Documents;
using TrustFund.Domain.Organisations;
using TrustFund.Infrastructure.Persistence;

namespace TrustFund.Database.Tests;

/// <summary>
/// The migration that keeps reference numbers apart from the call and records what each version relied
/// on, on every engine: a database from before it keeps counting references where it left off, and
/// its versions, applications and screenings get their numbers and names.
/// </summary>
[TestFixture(DatabaseProvider.Sqlite)]
[TestFixture(DatabaseProvider.PostgreSql)]
[TestFixture(DatabaseProvider.SqlServer)]
public sealed class VersionRecordsMigrationTests : EngineFixture
{
    private const string Migration = "_VersionsKeepTermsDocumentsAndNames";

    public VersionRecordsMigrationTests(DatabaseProvider provider)
        : base(provider)
    {
    }

    [Test]
    public async Task Migrate_DatabaseFromBefore_CountsReferencesOnAndFillsVersionRecords()
    {
        var now = Clock.GetUtcNow().UtcDateTime;
        var organisation = Organisation.Register("Fundación Camino Nuevo", "COL", now);
        var call = TestCalls.Published("MIG", "Migration call", now);
        var application = GrantApplication.Start(call, organisation, "applicant", now);
        application.Edit(Content(), "applicant", now);
        var documents = new[] { new SubmittedDocument(Guid.NewGuid(), DocumentType.RegistrationCertificate, "certificate.pdf", 100, new string('0', 64), true) };
        application.Submit(new SubmissionContext(call, true, organisation.LegalName, documents, now), "UNVTF-2026-MIG-0007", "applicant");
        application.RequestInformation("More detail.", now.AddDays(7), now);
        application.Submit(new SubmissionContext(call, true, organisation.LegalName, documents, now.AddHours(1)), null, "applicant");
        var screening = Screening.Start(application, "manager", now.AddHours(2));
        await using (var db = NewContext())
        {
            db.Organisations.Add(organisation);
            db.Calls.Add(call);
            db.Applications.Add(application);
            db.Screenings.Add(screening);
            await db.SaveChangesAsync();
        }

        await using (var db = NewContext())
        {
            var migrations = db.Database.GetMigrations().ToList();
            var index = migrations.FindIndex(m => m.EndsWith(Migration, StringComparison.Ordinal));
            Assert.That(index, Is.GreaterThan(0));
            var migrator = db.GetService<IMigrator>();
            await migrator.MigrateAsync(migrations[index - 1]);

            // As the database was before: the call counted its own references; versions had no name copy.
            await db.Database.ExecuteSqlRawAsync("UPDATE \"Calls\" SET \"ReferencesIssued\" = 7");
            await migrator.MigrateAsync();
        }

        await using var check = NewContext();
        var issued = await check.Database.SqlQueryRaw<int>("SELECT \"Issued\" AS \"Value\" FROM \"ReferenceSequences\"").ToListAsync();
        var stored = await check.Applications.AsNoTracking().Include(a => a.Versions).SingleAsync(a => a.Id == application.Id);
        var screened = await check.Screenings.AsNoTracking().SingleAsync(s => s.Id == screening.Id);
        Assert.Multiple(() =>
        {
            Assert.That(issued, Is.EqualTo(new[] { 7 }), "the call keeps counting where it left off");
            Assert.That(stored.VersionCount, Is.EqualTo(2));
            Assert.That(stored.Versions.Select(v => v.OrganisationName), Is.All.EqualTo("Fundación Camino Nuevo"));
            Assert.That(stored.Versions.Select(v => v.Terms), Is.All.Null, "terms were not recorded then");
            Assert.That(stored.Versions.Select(v => v.Documents), Is.All.Null, "documents were not recorded then");
            Assert.That(screened.VersionNumber, Is.EqualTo(2));
        });
    }

    /// <summary>A complete English proposal titled "Shelter", for Colombia.</summary>
    internal static ProposalContent Content() => new()
    {
        Title = "Shelter",
        Language = ProposalLanguage.English,
        Countries = ["COL"],
        StartDate = new DateOnly(2026, 5, 1),
        DurationMonths = 9,
        AmountRequested = 10_000m,
        TotalProjectCost = 12_000m,
        ContextAndNeeds = "Context.",
        ObjectivesAndActivities = "Objectives.",
        Beneficiaries = [new BeneficiaryTarget(Sex.Female, AgeBand.Age18To24, 10)],
        ExploitationForms = [ExploitationForm.ForcedLabour],
        SafeguardingApproach = "Consent.",
        Assistance = [new AssistanceActivity(AssistanceType.ShelterAndSafeAccommodation, "Shelter.")],
        Budget = [new BudgetLine(Guid.NewGuid(), BudgetCategory.DirectAssistanceToVictims, "Shelter", 1, "lot", 10_000m)],
        DeclaresInformationAccurate = true,
        DeclaresNoVictimIdentities = true,
        DeclaresSafeguardingMeasures = true,
    };
}
