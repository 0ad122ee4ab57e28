using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using TrustFund.Application.Accounts;
using TrustFund.Database.Tests.Engines;
using TrustFund.Domain.Applications;
using TrustFund.Domain.Calls;
using TrustFund.Domain.Documents;
using TrustFund.Domain.Organisations;
using TrustFund.Domain.Reviews;
using TrustFund.Infrastructure.Persistence;

namespace TrustFund.Database.Tests;

/// <summary>
/// The migration that lets review assignments keep their application's title, organisation name and
/// reference, on every engine: assignments made before it get them from their application.
/// </summary>
[TestFixture(DatabaseProvider.Sqlite)]
[TestFixture(DatabaseProvider.PostgreSql)]
[TestFixture(DatabaseProvider.SqlServer)]
public sealed class ReviewerQueueMigrationTests : EngineFixture
{
    private const string Migration = "_ReviewerQueue";

    public ReviewerQueueMigrationTests(DatabaseProvider provider)
        : base(provider)
    {
    }

    [Test]
    public async Task Migrate_AssignmentsFromBefore_TakeTheirApplicationsTitleOrganisationAndReference()
    {
        var now = Clock.GetUtcNow().UtcDateTime;
        var organisation = Organisation.Register("جمعية الأمل لحماية ضحايا الاتجار بالبشر", "COL", now);
        var call = TestCalls.Published("RQM", "Queue migration call", now);
        var application = GrantApplication.Start(call, organisation, "applicant", now);
        application.Edit(VersionRecordsMigrationTests.Content(), "applicant", now);
        var documents = new[] { new SubmittedDocument(Guid.NewGuid(), DocumentType.RegistrationCertificate, "certificate.pdf", 100, new string('0', 64), true) };
        application.Submit(new SubmissionContext(call, true, organisation.LegalName, documents, now), "UNVTF-2026-RQM-0003", "applicant");
        application.RecordEligibility(true, null, now);
        var reviewer = new TrustFundUser { Id = Guid.NewGuid(), UserName = "li.wei@reviewers.example.org", Email = "li.wei@reviewers.example.org", DisplayName = "Li Wei" };
        var assignment = ReviewAssignment.Assign(application, reviewer.Id, "Li Wei", new DateOnly(2026, 6, 1), "manager", now);
        await using (var db = NewContext())
        {
            db.Users.Add(reviewer);
            db.Organisations.Add(organisation);
            db.Calls.Add(call);
            db.Applications.Add(application);
            db.ReviewAssignments.Add(assignment);
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
        var stored = await check.ReviewAssignments.AsNoTracking().SingleAsync(a => a.Id == assignment.Id);
        Assert.Multiple(() =>
        {
            Assert.That(stored.ApplicationTitle, Is.EqualTo("Shelter"));
            Assert.That(stored.OrganisationName, Is.EqualTo("جمعية الأمل لحماية ضحايا الاتجار بالبشر"));
            Assert.That(stored.ApplicationReference, Is.EqualTo("UNVTF-2026-RQM-0003"));
        });
    }
}
