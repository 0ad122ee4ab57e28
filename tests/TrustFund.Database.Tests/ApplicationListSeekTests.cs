using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using TrustFund.Database.Tests.Engines;
using TrustFund.Domain.Applications;
using TrustFund.Domain.Calls;
using TrustFund.Domain.Organisations;
using TrustFund.Infrastructure.Persistence;
using TrustFund.Web.Features.ManageApplications;

namespace TrustFund.Database.Tests;

/// <summary>
/// The managers' list pages by seeking past a cursor on every engine: walked forward and back in every
/// sort, the pages hold every application once in the database's own order, ties in the sort value
/// included. SQLite and PostgreSQL seek with a row value; PostgreSQL's plans search an index from the
/// cursor and neither scan nor sort the table.
/// </summary>
[TestFixture(DatabaseProvider.Sqlite)]
[TestFixture(DatabaseProvider.PostgreSql)]
[TestFixture(DatabaseProvider.SqlServer)]
public sealed class ApplicationListSeekTests : EngineFixture
{
    private const int Count = 58;

    public ApplicationListSeekTests(DatabaseProvider provider)
        : base(provider)
    {
    }

    [OneTimeSetUp]
    public async Task SeedAsync()
    {
        var now = Clock.GetUtcNow().UtcDateTime;
        var call = TestCalls.Published("SEEK", "Call for the seek", now);
        string[] names = ["Zenith Aid", "Alpha Relief", "Mid Way"];
        var organisations = names.Select(n => Organisation.Register(n, "PER", now)).ToList();
        foreach (var organisation in organisations)
        {
            organisation.Verify(now);
        }

        await using var db = NewContext();
        db.Calls.Add(call);
        db.Organisations.AddRange(organisations);
        for (var i = 0; i < Count; i++)
        {
            // Ties everywhere: 5 amounts, 4 titles, 3 organisations, submissions three at a time.
            var submitted = now.AddMinutes(i / 3);
            var application = GrantApplication.Start(call, organisations[i % 3], "applicant", now);
            application.Edit(Content($"Project {i % 4}", 5_000m + (i % 5 * 100m) + 0.25m), "applicant", now);
            application.Submit(new SubmissionContext(call, true, new Dictionary<DocumentType, int> { [DocumentType.RegistrationCertificate] = 1 }, submitted), () => call.TakeNextReference(submitted), "applicant");
            if (i % 2 == 0)
            {
                application.RecordEligibility(true, null);
            }

            db.Applications.Add(application);
        }

        await db.SaveChangesAsync();
    }

    [Test]
    public async Task RowValues_AreTranslatedExceptOnSqlServer()
    {
        await using var db = NewContext();

        Assert.That(RowValue.IsTranslated(db), Is.EqualTo(Provider != DatabaseProvider.SqlServer));
    }

    [Test]
    public async Task PageQuery_WalkedForwardAndBack_HoldsEveryApplicationOnceInTheDatabasesOrder(
        [Values("submitted", "amount", "title", "organisation")] string sort,
        [Values("asc", "desc")] string dir,
        [Values(null, "Eligible")] string? status)
    {
        var query = new ApplicationListQuery { Sort = sort, Dir = dir, Status = status };
        await using var db = NewContext();
        var expected = await OrderedAsync(db, query);

        var forward = new List<List<ApplicationListEntry>>();
        ApplicationListCursor? cursor = null;
        while (true)
        {
            var rows = await ApplicationListReader.PageQuery(db, query, cursor, backwards: false).ToListAsync();
            forward.Add(rows.Take(ApplicationListQuery.PageSize).ToList());
            if (rows.Count <= ApplicationListQuery.PageSize)
            {
                break;
            }

            cursor = ApplicationListCursor.From(forward[^1][^1], query.SortKey);
        }

        var backward = new List<Guid>();
        cursor = ApplicationListCursor.From(forward[^1][0], query.SortKey);
        while (true)
        {
            var rows = await ApplicationListReader.PageQuery(db, query, cursor, backwards: true).ToListAsync();
            var page = rows.Take(ApplicationListQuery.PageSize).Reverse().ToList();
            backward.InsertRange(0, page.Select(r => r.Id));
            if (rows.Count <= ApplicationListQuery.PageSize)
            {
                break;
            }

            cursor = ApplicationListCursor.From(page[0], query.SortKey);
        }

        var visited = forward.SelectMany(p => p).Select(r => r.Id).ToList();
        Assert.Multiple(() =>
        {
            Assert.That(expected, Has.Count.EqualTo(status is null ? Count : Count / 2), "the data set");
            Assert.That(visited, Is.EqualTo(expected), "forward: every application once, in the order of the database");
            Assert.That(backward, Is.EqualTo(expected.Take(expected.Count - forward[^1].Count)), "backward from the last page: the pages before it");
        });
    }

    [Test]
    public async Task PageQuery_OnPostgreSql_SearchesAnIndexFromTheCursorWithoutSorting(
        [Values("submitted", "amount", "title", "organisation")] string sort,
        [Values("asc", "desc")] string dir,
        [Values(null, "Eligible")] string? status,
        [Values(false, true)] bool pastACursor)
    {
        OnlyOnPostgreSql();
        var query = new ApplicationListQuery { Sort = sort, Dir = dir, Status = status };
        await using var db = NewContext();
        var edge = pastACursor ? (await ApplicationListReader.PageQuery(db, query, null, backwards: false).ToListAsync())[ApplicationListQuery.PageSize / 2] : null;
        var cursor = edge is null ? null : ApplicationListCursor.From(edge, query.SortKey);

        var plan = await PlanAsync(db, ApplicationListReader.PageQuery(db, query, cursor, backwards: false).CreateDbCommand());

        var text = string.Join("\n", plan);
        Assert.Multiple(() =>
        {
            Assert.That(plan, Has.Some.Match("Index Scan.* using \"IX_Applications_.* on \"Applications\""), text);
            Assert.That(plan, Has.None.Contains("Seq Scan on \"Applications\""), text);
            Assert.That(plan, Has.None.Match(@"^\s*(->\s*)?(Incremental )?Sort"), text);
            if (pastACursor)
            {
                Assert.That(plan, Has.Some.Match(@"Index Cond: .*ROW\("), "the cursor bounds the index search: " + text);
            }
        });
    }

    [TestCase(false)]
    [TestCase(true)]
    public async Task CountQuery_OnPostgreSql_ReadsAnIndex(bool forOneCall)
    {
        OnlyOnPostgreSql();
        await using var db = NewContext();
        var call = await db.Calls.Select(c => c.Id).FirstAsync();

        var plan = await PlanAsync(db, ApplicationListReader.CountQuery(db, new ApplicationListQuery { Call = forOneCall ? call : null }).CreateDbCommand());

        var text = string.Join("\n", plan);
        Assert.Multiple(() =>
        {
            Assert.That(plan, Has.Some.Match("Index (Only )?Scan.* using \"IX_Applications_"), text);
            Assert.That(plan, Has.None.Contains("Seq Scan on \"Applications\""), text);
        });
    }

    private void OnlyOnPostgreSql()
    {
        if (Provider != DatabaseProvider.PostgreSql)
        {
            Assert.Ignore("Query plans are read on PostgreSQL here; SQLite's are read by the web tests (ApplicationListPlanTests), SQL Server's are not read.");
        }
    }

    /// <summary>
    /// PostgreSQL's plan for a command with its parameters, with scans of the whole table and sorts made
    /// the last resort: on a table this small the planner would otherwise prefer them, whatever the
    /// indexes. A plan that still scans or sorts has no index to serve the query.
    /// </summary>
    private static async Task<List<string>> PlanAsync(TrustFundDbContext db, DbCommand command)
    {
        await db.Database.OpenConnectionAsync();
        await db.Database.ExecuteSqlRawAsync("SET enable_seqscan = off; SET enable_sort = off; SET enable_bitmapscan = off;");
        await using (command)
        {
            command.CommandText = "EXPLAIN " + command.CommandText;
            var lines = new List<string>();
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                lines.Add(reader.GetString(0));
            }

            return lines;
        }
    }

    /// <summary>Every application the query lists, in the order the database sorts them (sort value, then id).</summary>
    private static async Task<List<Guid>> OrderedAsync(TrustFundDbContext db, ApplicationListQuery query)
    {
        var rows = db.Applications.AsNoTracking().Where(a => a.SubmittedAtUtc != null);
        if (query.StatusFilter is { } status)
        {
            rows = rows.Where(a => a.Status == status);
        }

        var ordered = (query.SortKey, query.Descending) switch
        {
            ("amount", false) => rows.OrderBy(a => a.AmountRequested).ThenBy(a => a.Id),
            ("amount", true) => rows.OrderByDescending(a => a.AmountRequested).ThenByDescending(a => a.Id),
            ("title", false) => rows.OrderBy(a => a.Title).ThenBy(a => a.Id),
            ("title", true) => rows.OrderByDescending(a => a.Title).ThenByDescending(a => a.Id),
            ("organisation", false) => rows.OrderBy(a => a.OrganisationName).ThenBy(a => a.Id),
            ("organisation", true) => rows.OrderByDescending(a => a.OrganisationName).ThenByDescending(a => a.Id),
            (_, false) => rows.OrderBy(a => a.SubmittedAtUtc).ThenBy(a => a.Id),
            (_, true) => rows.OrderByDescending(a => a.SubmittedAtUtc).ThenByDescending(a => a.Id),
        };
        return await ordered.Select(a => a.Id).ToListAsync();
    }

    private static ProposalContent Content(string title, decimal amount) => new()
    {
        Title = title,
        Language = ProposalLanguage.English,
        Countries = ["PER"],
        StartDate = new DateOnly(2026, 6, 1),
        DurationMonths = 6,
        AmountRequested = amount,
        TotalProjectCost = amount,
        ContextAndNeeds = "Context of the project.",
        ObjectivesAndActivities = "Objectives and activities.",
        SafeguardingApproach = "Victim-centred approach.",
        Beneficiaries = [new BeneficiaryTarget(Sex.Female, AgeBand.Age18To24, 40)],
        ExploitationForms = [ExploitationForm.SexualExploitation],
        Assistance = [new AssistanceActivity(AssistanceType.ShelterAndSafeAccommodation, "How it is delivered.")],
        Budget = [new BudgetLine(Guid.NewGuid(), BudgetCategory.DirectAssistanceToVictims, "Shelter nights", 1, "lot", amount)],
        DeclaresInformationAccurate = true,
        DeclaresNoVictimIdentities = true,
        DeclaresSafeguardingMeasures = true,
    };
}
