using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using TrustFund.Application.Applications;
using TrustFund.Infrastructure.Applications;
using TrustFund.Infrastructure.Persistence;

namespace TrustFund.Database.Tests;

/// <summary>
/// PostgreSQL's plans of the managers' list, for every sort, direction, status and cursor, and of its
/// counts: an index is searched, from the cursor, and the table is neither scanned nor sorted. (SQLite's
/// plans are read by the web tests' ApplicationListPlanTests.)
/// </summary>
[TestFixture(DatabaseProvider.PostgreSql)]
public sealed class ApplicationListPostgreSqlPlanTests : ApplicationListFixture
{
    public ApplicationListPostgreSqlPlanTests(DatabaseProvider provider)
        : base(provider)
    {
    }

    [Test]
    public async Task PageQuery_SearchesAnIndexFromTheCursorWithoutSorting(
        [Values("submitted", "amount", "title", "organisation")] string sort,
        [Values("asc", "desc")] string dir,
        [Values(null, "Eligible")] string? status,
        [Values(false, true)] bool pastACursor)
    {
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
    public async Task CountQuery_ReadsAnIndex(bool forOneCall)
    {
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
}
