using System.Globalization;
using System.Net;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using TrustFund.Application.Audit;
using TrustFund.Web.Tests.Infrastructure;

namespace TrustFund.Web.Tests.Audit;

public sealed class AuditLogTests
{
    private static readonly RecordedActor Olga = new("olga.admin@trustfund.test", "203.0.113.10");
    private static readonly RecordedActor Sofia = new("sofia.manager@trustfund.test", "203.0.113.20");
    private static readonly RecordedActor Kwame = new("kwame.finance@trustfund.test", "198.51.100.5");
    private static readonly RecordedActor Pager = new("pager@trustfund.test", "192.0.2.1");

    private TrustFundApp _app = null!;
    private TestSession _admin = null!;
    private long _approvedG100;
    private long _rejectedG101;
    private long _paymentP7;
    private long _approvedG102;
    private long _lastProbe;

    [OneTimeSetUp]
    public async Task StartApp()
    {
        _app = await new TrustFundApp().StartAsync();
        _approvedG100 = await AuditEntries.WriteAsync(_app, Utc(2026, 1, 10, 8, 0, 0), Olga, "grant.approved", "Grant G-100 approved for Safe Harbour", "Grant", "G-100");
        _rejectedG101 = await AuditEntries.WriteAsync(_app, Utc(2026, 1, 11, 23, 59, 59), Sofia, "grant.rejected", "Grant G-101 rejected: budget over the ceiling", "Grant", "G-101");
        _paymentP7 = await AuditEntries.WriteAsync(_app, Utc(2026, 1, 12, 0, 0, 0), Kwame, "payment.requested", "Payment P-7 of USD 12,500.00 requested", "Payment", "P-7");
        _approvedG102 = await AuditEntries.WriteAsync(_app, Utc(2026, 1, 13, 10, 0, 0), Sofia, "grant.approved", "Grant G-102 approved for Camino de Esperanza", "Grant", "G-102");
        _lastProbe = await AuditEntries.WriteAsync(_app, Utc(2026, 2, 1, 12, 0, 0), Pager, "paging.probe", "Paging probe", count: 120);
        _admin = await _app.SignInAsync("admin@trustfund.test");
    }

    [OneTimeTearDown]
    public void StopApp()
    {
        _admin.Dispose();
        _app.Dispose();
    }

    [Test]
    public async Task Index_NoFilters_ShowsNewestFirstWithEveryColumn()
    {
        var newest = await _app.WithDbAsync(db => db.AuditEntries.MaxAsync(e => e.Sequence));

        var (response, page) = await _admin.GetPageAsync("/Admin/Audit");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        var headers = page.QuerySelectorAll("table.audit-log thead th").Select(th => th.TextContent.Trim()).ToList();
        Assert.That(headers, Is.EqualTo(new[] { "#", "When (UTC)", "Who", "IP address", "Action", "Record", "Summary" }));
        var sequences = Sequences(page);
        Assert.That(sequences, Has.Count.EqualTo(50));
        Assert.That(sequences[0], Is.EqualTo(newest));
        Assert.That(sequences, Is.Ordered.Descending);
        Assert.That(page.QuerySelector("a[rel=next]"), Is.Not.Null, "older entries link");
        Assert.That(page.QuerySelector("a[rel=prev]"), Is.Null, "no newer entries on the first page");
    }

    [Test]
    public async Task Index_Row_ShowsTimeActorAddressActionRecordAndSummary()
    {
        var (_, page) = await _admin.GetPageAsync($"/Admin/Audit?entityType=Payment&entityId=P-7");

        var cells = page.QuerySelector($"tr[data-sequence='{_paymentP7}']")!.QuerySelectorAll("td").Select(td => Squash(td.TextContent)).ToList();
        Assert.That(cells, Is.EqualTo(new[]
        {
            _paymentP7.ToString(CultureInfo.InvariantCulture),
            "2026-01-12 00:00:00",
            "kwame.finance@trustfund.test",
            "198.51.100.5",
            "payment.requested",
            "Payment P-7",
            "Payment P-7 of USD 12,500.00 requested",
        }));
        Assert.That(page.QuerySelector($"tr[data-sequence='{_paymentP7}'] a")?.GetAttribute("href"), Is.EqualTo($"/Admin/Audit/{_paymentP7}"));
    }

    [Test]
    public async Task Index_ExactAction_ShowsOnlyThatAction()
    {
        var (_, page) = await _admin.GetPageAsync("/Admin/Audit?action=grant.approved");

        Assert.That(Sequences(page), Is.EqualTo(new[] { _approvedG102, _approvedG100 }));
    }

    [Test]
    public async Task Index_ActionFamily_ShowsEveryActionStartingWithIt()
    {
        var (_, page) = await _admin.GetPageAsync("/Admin/Audit?action=grant.*");

        Assert.That(Sequences(page), Is.EqualTo(new[] { _approvedG102, _rejectedG101, _approvedG100 }));
    }

    [Test]
    public async Task Index_ActionList_OffersRecordedActionsAndTheirFamilies()
    {
        var (_, page) = await _admin.GetPageAsync("/Admin/Audit?action=grant.rejected");

        var select = (IHtmlSelectElement)page.QuerySelector("select#Action")!;
        var values = select.Options.Select(o => o.Value).ToList();
        Assert.That(values, Is.SupersetOf(new[] { string.Empty, "grant.*", "grant.approved", "grant.rejected", "payment.*", "payment.requested", "account.*", AuditActions.SignInSucceeded }));
        Assert.That(values.Count(v => v == "grant.approved"), Is.EqualTo(1), "each action listed once");
        Assert.That(select.Value, Is.EqualTo("grant.rejected"), "the chosen action stays selected");
    }

    [Test]
    public async Task Index_Actor_MatchesPartOfTheNameWhateverTheCase()
    {
        var (_, page) = await _admin.GetPageAsync("/Admin/Audit?actor=SOFIA.Manager");

        Assert.That(Sequences(page), Is.EqualTo(new[] { _approvedG102, _rejectedG101 }));
        Assert.That(((IHtmlInputElement)page.QuerySelector("input#Actor")!).Value, Is.EqualTo("SOFIA.Manager"));
    }

    [Test]
    public async Task Index_EntityTypeAndId_ShowOnlyThatRecord()
    {
        var (_, byType) = await _admin.GetPageAsync("/Admin/Audit?entityType=Grant");
        var (_, byId) = await _admin.GetPageAsync("/Admin/Audit?entityType=Grant&entityId=G-101");

        Assert.That(Sequences(byType), Is.EqualTo(new[] { _approvedG102, _rejectedG101, _approvedG100 }));
        Assert.That(Sequences(byId), Is.EqualTo(new[] { _rejectedG101 }));
    }

    [Test]
    public async Task Index_DateRange_IncludesWholeFirstAndLastDays()
    {
        var (_, twoDays) = await _admin.GetPageAsync("/Admin/Audit?from=2026-01-11&to=2026-01-12");
        var (_, oneDay) = await _admin.GetPageAsync("/Admin/Audit?from=2026-01-12&to=2026-01-12");
        var (_, fromOnly) = await _admin.GetPageAsync("/Admin/Audit?from=2026-01-13&action=grant.*");
        var (_, toOnly) = await _admin.GetPageAsync("/Admin/Audit?to=2026-01-10");

        Assert.That(Sequences(twoDays), Is.EqualTo(new[] { _paymentP7, _rejectedG101 }));
        Assert.That(Sequences(oneDay), Is.EqualTo(new[] { _paymentP7 }));
        Assert.That(Sequences(fromOnly), Is.EqualTo(new[] { _approvedG102 }));
        Assert.That(Sequences(toOnly), Is.EqualTo(new[] { _approvedG100 }));
    }

    [Test]
    public async Task Index_Text_SearchesTheSummary()
    {
        var (_, page) = await _admin.GetPageAsync("/Admin/Audit?text=CEILING");
        var (_, none) = await _admin.GetPageAsync("/Admin/Audit?text=no+such+words");

        Assert.That(Sequences(page), Is.EqualTo(new[] { _rejectedG101 }));
        Assert.That(Sequences(none), Is.Empty);
        Assert.That(none.QuerySelector("[data-audit-empty]")?.TextContent, Does.Contain("No entries match these filters."));
    }

    [Test]
    public async Task Index_CombinedFilters_AllApply()
    {
        var (_, page) = await _admin.GetPageAsync("/Admin/Audit?action=grant.*&actor=sofia&from=2026-01-12");

        Assert.That(Sequences(page), Is.EqualTo(new[] { _approvedG102 }));
    }

    [Test]
    public async Task Index_Paging_WalksOlderAndBackNewerWithoutGapsOrRepeats()
    {
        var (_, first) = await _admin.GetPageAsync("/Admin/Audit?action=paging.probe");
        var olderLink = first.QuerySelector("a[rel=next]")!.GetAttribute("href")!;
        var (_, second) = await _admin.GetPageAsync(olderLink);
        var (_, third) = await _admin.GetPageAsync(second.QuerySelector("a[rel=next]")!.GetAttribute("href")!);
        var (_, backToSecond) = await _admin.GetPageAsync(third.QuerySelector("a[rel=prev]")!.GetAttribute("href")!);
        var (_, backToFirst) = await _admin.GetPageAsync(backToSecond.QuerySelector("a[rel=prev]")!.GetAttribute("href")!);

        var expected = Enumerable.Range(0, 120).Select(i => _lastProbe - i).ToList();
        Assert.Multiple(() =>
        {
            Assert.That(olderLink, Does.Contain("Action=paging.probe").And.Contain($"Before={_lastProbe - 49}"));
            Assert.That(Sequences(first), Is.EqualTo(expected.Take(50)));
            Assert.That(Sequences(second), Is.EqualTo(expected.Skip(50).Take(50)));
            Assert.That(Sequences(third), Is.EqualTo(expected.Skip(100)));
            Assert.That(third.QuerySelector("a[rel=next]"), Is.Null, "nothing older than the last page");
            Assert.That(Sequences(backToSecond), Is.EqualTo(Sequences(second)));
            Assert.That(Sequences(backToFirst), Is.EqualTo(Sequences(first)));
            Assert.That(backToFirst.QuerySelector("a[rel=prev]"), Is.Null);
        });
    }

    [Test]
    public async Task Index_PageBeforeTheOldestEntry_IsEmptyWithALinkBack()
    {
        var (response, page) = await _admin.GetPageAsync("/Admin/Audit?before=1");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(Sequences(page), Is.Empty);
        Assert.That(page.QuerySelector("a[rel=prev]")?.GetAttribute("href"), Is.EqualTo("/Admin/Audit"));
    }

    [TestCase("from=2026-13-45", "The ‘from’ date must be a real date")]
    [TestCase("to=31/01/2026", "The ‘to’ date must be a real date")]
    [TestCase("from=2026-02-01&to=2026-01-01", "The ‘to’ date must be the same as or after the ‘from’ date.")]
    [TestCase("before=abc", "The page position ‘before’ must be a whole number greater than 0.")]
    [TestCase("after=-3", "The page position ‘after’ must be a whole number greater than 0.")]
    [TestCase("before=99999999999999999999999", "The page position ‘before’ must be a whole number greater than 0.")]
    [TestCase("before=10&after=5", "Use either ‘before’ or ‘after’ to choose a page, not both.")]
    public async Task Index_InvalidFilter_ExplainsTheProblemInsteadOfFailing(string query, string message)
    {
        var (response, page) = await _admin.GetPageAsync($"/Admin/Audit?{query}");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(page.QuerySelector("[data-error-summary]")?.TextContent, Does.Contain(message));
        Assert.That(page.QuerySelector("table.audit-log"), Is.Null, "no results for filters that could not be read");
    }

    [Test]
    public async Task Entry_Existing_ShowsItsContentAndIntactHash()
    {
        var (response, page) = await _admin.GetPageAsync($"/Admin/Audit/{_rejectedG101}");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(page.QuerySelector("h1")?.TextContent, Is.EqualTo($"Audit entry #{_rejectedG101}"));
        Assert.That(page.QuerySelector("main")!.TextContent, Does.Contain("Grant G-101 rejected: budget over the ceiling"));
        Assert.That(page.QuerySelector("[data-entry-intact]"), Is.Not.Null);
    }

    [Test]
    public async Task Entry_Unknown_IsNotFound()
    {
        var response = await _admin.GetAsync("/Admin/Audit/987654321");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
    }

    [Test]
    public async Task Verify_IntactChain_ReportsEntriesVerifiedAndRecordsTheCheck()
    {
        var token = await _admin.AntiforgeryTokenAsync("/Admin/Audit");
        var before = await _app.WithDbAsync(db => db.AuditEntries.LongCountAsync());

        var response = await _admin.Client.PostAsync(new Uri("/Admin/Audit/Verify", UriKind.Relative), new FormUrlEncodedContent([new("__RequestVerificationToken", token)]));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        var page = await TestSession.ParseAsync(response);
        Assert.That(page.QuerySelector("h1")?.TextContent, Is.EqualTo($"Chain intact: {before.ToString("N0", CultureInfo.GetCultureInfo("en"))} entries verified"));
        var recorded = await _app.WithDbAsync(db => db.AuditEntries.Where(e => e.Action == AuditActions.ChainVerified).OrderByDescending(e => e.Sequence).FirstAsync());
        Assert.That(recorded.Summary, Is.EqualTo($"Chain intact: {before} entries verified"));
        Assert.That(recorded.ActorName, Is.EqualTo("admin@trustfund.test"));
    }

    private static List<long> Sequences(IHtmlDocument page) =>
        [.. page.QuerySelectorAll("tr[data-sequence]").Select(tr => long.Parse(tr.GetAttribute("data-sequence")!, CultureInfo.InvariantCulture))];

    private static string Squash(string text) => string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

    private static DateTime Utc(int year, int month, int day, int hour, int minute, int second) =>
        new(year, month, day, hour, minute, second, DateTimeKind.Utc);
}
