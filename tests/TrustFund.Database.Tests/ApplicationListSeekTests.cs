using Microsoft.EntityFrameworkCore;
using TrustFund.Application.Applications;
using TrustFund.Infrastructure.Applications;
using TrustFund.Infrastructure.Persistence;

namespace TrustFund.Database.Tests;

/// <summary>
/// The managers' list pages by seeking past a cursor on every engine: walked forward and back in every
/// sort, the pages hold every application once in the database's own order, ties in the sort value
/// included. SQLite and PostgreSQL seek with a row value.
/// </summary>
[TestFixture(DatabaseProvider.Sqlite)]
[TestFixture(DatabaseProvider.PostgreSql)]
[TestFixture(DatabaseProvider.SqlServer)]
public sealed class ApplicationListSeekTests : ApplicationListFixture
{
    public ApplicationListSeekTests(DatabaseProvider provider)
        : base(provider)
    {
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
}
