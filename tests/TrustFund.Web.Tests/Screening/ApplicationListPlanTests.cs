using Microsoft.EntityFrameworkCore;
using TrustFund.Application.Applications;
using TrustFund.Domain.Applications;
using TrustFund.Infrastructure.Applications;
using TrustFund.Infrastructure.Persistence;
using TrustFund.Web.Tests.Infrastructure;

namespace TrustFund.Web.Tests.Screening;

/// <summary>
/// The managers' list reads a page by seeking an index in the order asked for: SQLite's plan for every
/// sort and direction, with and without a status, first page or past a cursor, neither scans the
/// applications table nor sorts it, and past a cursor the row value (sort value, id) bounds the search.
/// </summary>
public sealed class ApplicationListPlanTests
{
    private TrustFundApp _app = null!;

    [OneTimeSetUp]
    public async Task StartApp()
    {
        _app = await new TrustFundApp().StartAsync();
        var call = await FundData.PublishedCallAsync(_app, "QP");
        var organisation = await FundData.OrganisationAsync(_app, "Plan Partners", "KEN");
        for (var i = 0; i < 5; i++)
        {
            await FundData.ApplicationAsync(_app, call.Id, organisation.Id, FundData.Content($"Plan {i}", 5_000m + i));
        }
    }

    [OneTimeTearDown]
    public void StopApp() => _app.Dispose();

    [Test]
    public async Task ListPage_EverySortDirectionStatusAndCursor_SeeksAnIndexWithoutSorting(
        [Values("submitted", "amount", "title", "organisation")] string sort,
        [Values("asc", "desc")] string dir,
        [Values(null, "Eligible")] string? status,
        [Values(false, true)] bool pastACursor)
    {
        var query = new ApplicationListQuery { Sort = sort, Dir = dir, Status = status };
        var cursor = pastACursor ? new ApplicationListCursor(query.SortKey, sort switch { "amount" => "5002.00", "title" => "Plan 2", "organisation" => "Plan Partners", _ => DateTime.UtcNow.Ticks.ToString(System.Globalization.CultureInfo.InvariantCulture) }, Guid.NewGuid()) : null;

        var plan = await PlanAsync(db => ApplicationListReader.PageQuery(db, query, cursor, backwards: false).CreateDbCommand());

        var applications = plan.Where(l => l.Contains(" a ", StringComparison.Ordinal) || l.EndsWith(" a", StringComparison.Ordinal)).ToList();
        Assert.Multiple(() =>
        {
            Assert.That(applications, Has.Count.EqualTo(1), string.Join("\n", plan));
            Assert.That(applications.Single(), Does.Contain("USING INDEX IX_Applications_"), string.Join("\n", plan));
            Assert.That(plan, Has.None.Contains("TEMP B-TREE"), string.Join("\n", plan));
            if (pastACursor)
            {
                // The row value (sort value, id) bounds the search, so it starts right at the cursor.
                Assert.That(applications.Single(), Does.Match(@"\(\w+,Id\)[<>]\(\?,\?\)"), string.Join("\n", plan));
            }
        });
    }

    [TestCase(false)]
    [TestCase(true)]
    public async Task StatusCounts_ReadAnIndex(bool forOneCall)
    {
        var plan = await PlanAsync(db => ApplicationListReader.CountQuery(db, new ApplicationListQuery { Call = forOneCall ? Guid.NewGuid() : null }).CreateDbCommand());

        Assert.That(plan, Has.Some.Contains("USING INDEX IX_Applications_").Or.Some.Contains("USING COVERING INDEX IX_Applications_"), string.Join("\n", plan));
        Assert.That(plan, Has.None.Match("^SCAN a$"), string.Join("\n", plan));
    }

    /// <summary>SQLite's plan (the "detail" column of EXPLAIN QUERY PLAN) for the command the query would run, with its parameters.</summary>
    private Task<List<string>> PlanAsync(Func<TrustFundDbContext, System.Data.Common.DbCommand> command) =>
        _app.WithDbAsync(async db =>
        {
            await db.Database.OpenConnectionAsync();
            await using var explain = command(db);
            explain.CommandText = "EXPLAIN QUERY PLAN " + explain.CommandText;
            var lines = new List<string>();
            await using var reader = await explain.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                lines.Add(reader.GetString(3));
            }

            return lines;
        });
}
