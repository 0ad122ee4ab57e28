using System.Globalization;
using System.Net;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using TrustFund.Benchmarks.Baselines;
using TrustFund.Web.Tests.Infrastructure;

namespace TrustFund.Web.Tests.Screening;

/// <summary>
/// Keyset paging of the managers' list: every sort, both directions, with ties in the sort value; links
/// forward and back visit every application once; a tampered cursor falls back to the first page; a
/// deep page runs the same statements as the first; counts follow changes at once.
/// </summary>
public sealed class ApplicationListPagingTests
{
    private const int Count = 61;
    private TrustFundApp _app = null!;
    private Guid _call;

    [OneTimeSetUp]
    public async Task StartApp()
    {
        _app = await new TrustFundApp { BenchmarkMode = true }.StartAsync();
        _call = (await FundData.PublishedCallAsync(_app, "PG")).Id;
        var organisations = new[]
        {
            await FundData.OrganisationAsync(_app, "Zenith Aid", "GHA"),
            await FundData.OrganisationAsync(_app, "Alpha Relief", "KEN"),
            await FundData.OrganisationAsync(_app, "Mid Way", "PER"),
        };
        for (var i = 0; i < Count; i++)
        {
            // Ties everywhere: 7 amounts, 10 titles, 3 organisations, submissions three to a minute.
            var content = FundData.Content($"Project {i % 10}", 5_000m + (i % 7 * 100m) + 0.25m);
            await FundData.ApplicationAsync(_app, _call, organisations[i % 3].Id, content, submittedAfter: TimeSpan.FromMinutes(i / 3));
        }
    }

    [OneTimeTearDown]
    public void StopApp() => _app.Dispose();

    [TestCase("submitted", "desc")]
    [TestCase("submitted", "asc")]
    [TestCase("amount", "desc")]
    [TestCase("amount", "asc")]
    [TestCase("title", "asc")]
    [TestCase("title", "desc")]
    [TestCase("organisation", "asc")]
    [TestCase("organisation", "desc")]
    public async Task List_NextThenPreviousLinks_VisitEveryApplicationOnceInOrder(string sort, string dir)
    {
        using var manager = await _app.SignInAsync("manager@trustfund.test");
        var forward = new List<List<Guid>>();
        var labels = new List<string>();
        string? url = $"/Manage/Applications?call={_call}&sort={sort}&dir={dir}";
        var lastUrl = url;
        while (url is not null)
        {
            var page = await PageAsync(manager, url);
            forward.Add(Ids(page));
            labels.Add(Label(page));
            lastUrl = url;
            url = page.QuerySelector("a[rel=next]")?.GetAttribute("href");
        }

        var backward = new List<List<Guid>>();
        var current = await PageAsync(manager, lastUrl);
        while (true)
        {
            backward.Insert(0, Ids(current));
            var previous = current.QuerySelector("a[rel=prev]")?.GetAttribute("href");
            if (previous is null)
            {
                break;
            }

            current = await PageAsync(manager, previous);
        }

        var visited = forward.SelectMany(p => p).ToList();
        var keys = await KeysAsync(sort, visited);
        Assert.Multiple(() =>
        {
            Assert.That(visited, Has.Count.EqualTo(Count).And.Unique, "every application once");
            Assert.That(forward.Select(p => p.Count), Is.EqualTo(new[] { 25, 25, 11 }));
            Assert.That(labels, Is.EqualTo(new[] { "Page 1 of 3", "Page 2 of 3", "Page 3 of 3" }));
            Assert.That(keys, dir == "asc" ? Is.Ordered.Using((IComparer<IComparable>)KeyComparer) : Is.Ordered.Descending.Using((IComparer<IComparable>)KeyComparer), "sorted by the chosen value");
            Assert.That(backward, Is.EqualTo(forward), "previous links show the same pages");
        });
    }

    private static async Task<IHtmlDocument> PageAsync(TestSession session, string url)
    {
        var (response, page) = await session.GetPageAsync(url);
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), url);
        return page;
    }

    [TestCase("after=not-a-cursor")]
    [TestCase("before=%00%3Cscript%3E")]
    [TestCase("after=c3VibWl0dGVkH3h5eh8xMjM")]
    public async Task List_TamperedCursor_ShowsTheFirstPage(string cursor)
    {
        using var manager = await _app.SignInAsync("manager@trustfund.test");
        var first = Ids(await PageAsync(manager, $"/Manage/Applications?call={_call}"));

        var (response, page) = await manager.GetPageAsync($"/Manage/Applications?call={_call}&page=7&{cursor}");

        Assert.Multiple(() =>
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(Ids(page), Is.EqualTo(first));
            Assert.That(Label(page), Is.EqualTo("Page 1 of 3"));
        });
    }

    [Test]
    public async Task List_CursorOfAnotherSort_ShowsTheFirstPage()
    {
        using var manager = await _app.SignInAsync("manager@trustfund.test");
        var byAmount = await PageAsync(manager, $"/Manage/Applications?call={_call}&sort=amount");
        var next = byAmount.QuerySelector("a[rel=next]")!.GetAttribute("href")!;
        var after = next.Split('&').Single(p => p.StartsWith("after=", StringComparison.Ordinal));
        var first = Ids(await PageAsync(manager, $"/Manage/Applications?call={_call}&sort=title"));

        var page = await PageAsync(manager, $"/Manage/Applications?call={_call}&sort=title&page=2&{after}");

        Assert.That(Ids(page), Is.EqualTo(first));
    }

    [Test]
    public async Task List_DeepPage_RunsTheSameStatementsAsTheFirst()
    {
        using var manager = await _app.SignInAsync("manager@trustfund.test");
        var url = $"/Manage/Applications?call={_call}&sort=amount&dir=desc";
        await manager.GetAsync(url);
        var first = await StatementsAsync(manager, url);
        var page = await PageAsync(manager, url);
        var second = page.QuerySelector("a[rel=next]")!.GetAttribute("href")!;
        var third = (await PageAsync(manager, second)).QuerySelector("a[rel=next]")!.GetAttribute("href")!;
        await manager.GetAsync(third);

        var deep = await StatementsAsync(manager, third);

        Assert.Multiple(() =>
        {
            Assert.That(deep, Is.EqualTo(first));
            Assert.That(first, Is.LessThanOrEqualTo(4));
        });
    }

    [Test]
    public async Task List_AfterAStatusChange_CountsFollowAtOnce()
    {
        using var manager = await _app.SignInAsync("manager@trustfund.test");
        var call = (await FundData.PublishedCallAsync(_app, "PH")).Id;
        var organisation = await FundData.OrganisationAsync(_app, "Counting House", "NGA");
        var one = await FundData.ApplicationAsync(_app, call, organisation.Id, FundData.Content("Counted once", 6_000m));
        await FundData.ApplicationAsync(_app, call, organisation.Id, FundData.Content("Counted twice", 6_000m));
        var before = await PageAsync(manager, $"/Manage/Applications?call={call}");

        await _app.WithDbAsync(async db =>
        {
            var application = await db.Applications.SingleAsync(a => a.Id == one.Id);
            application.Withdraw("Funded elsewhere.", FundData.Now(_app));
            return await db.SaveChangesAsync();
        });
        var after = await PageAsync(manager, $"/Manage/Applications?call={call}");
        var withdrawn = await PageAsync(manager, $"/Manage/Applications?call={call}&status=Withdrawn");

        Assert.Multiple(() =>
        {
            Assert.That(before.QuerySelector("[data-count=Submitted]")!.TextContent, Is.EqualTo("2"));
            Assert.That(after.QuerySelector("[data-count=Submitted]")!.TextContent, Is.EqualTo("1"));
            Assert.That(after.QuerySelector("[data-count=Withdrawn]")!.TextContent, Is.EqualTo("1"));
            Assert.That(withdrawn.QuerySelector("[data-total]")!.TextContent, Is.EqualTo("1 application"));
            Assert.That(Ids(withdrawn), Is.EqualTo(new[] { one.Id }));
        });
    }

    private static readonly Comparer<IComparable> KeyComparer = Comparer<IComparable>.Create((a, b) =>
        a is string x && b is string y ? string.CompareOrdinal(x, y) : a.CompareTo(b));

    private async Task<List<IComparable>> KeysAsync(string sort, List<Guid> ids)
    {
        var rows = await _app.WithDbAsync(async db => await (
            from a in db.Applications.AsNoTracking()
            join o in db.Organisations on a.OrganisationId equals o.Id
            where ids.Contains(a.Id)
            select new { a.Id, a.AmountRequested, a.Title, a.SubmittedAtUtc, o.LegalName }).ToListAsync());
        var byId = rows.ToDictionary(r => r.Id);
        return ids.Select(id => byId[id]).Select(r => sort switch
        {
            "amount" => (IComparable)r.AmountRequested!.Value,
            "title" => r.Title,
            "organisation" => r.LegalName,
            _ => r.SubmittedAtUtc!.Value,
        }).ToList();
    }

    private static List<Guid> Ids(IHtmlDocument page) =>
        page.QuerySelectorAll("table[data-applications] tr[data-application]").Select(e => Guid.Parse(e.GetAttribute("data-application")!)).ToList();

    private static string Label(IHtmlDocument page) =>
        page.QuerySelectorAll("p").Select(p => p.TextContent.Trim()).Single(t => t.StartsWith("Page ", StringComparison.Ordinal));

    private static async Task<int> StatementsAsync(TestSession session, string url)
    {
        var response = await session.GetAsync(url);
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), url);
        return int.Parse(response.Headers.GetValues(SqlStatementsHeader.Name).Single(), CultureInfo.InvariantCulture);
    }
}
