using System.Net;
using Microsoft.EntityFrameworkCore;
using TrustFund.Domain.Calls;
using TrustFund.Web.Tests.Infrastructure;

namespace TrustFund.Web.Tests.Calls;

public sealed class PublicCallsTests
{
    private TrustFundApp _app = null!;

    [OneTimeSetUp]
    public async Task StartApp() => _app = await new TrustFundApp(new Dictionary<string, string?>
    {
        ["Localization:Cultures:0"] = "en",
        ["Localization:Cultures:1"] = "fr",
    }).StartAsync();

    [OneTimeTearDown]
    public void StopApp() => _app.Dispose();

    [Test]
    public async Task OpenCalls_Anonymous_ListsPublishedCallsWithDeadlinesAndCountdown()
    {
        using var session = _app.NewSession();

        var (response, page) = await session.GetPageAsync("/calls");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        var st = await _app.WithDbAsync(db => db.Calls.AsNoTracking().SingleAsync(c => c.Code == "ST"));
        var card = page.QuerySelectorAll("article").Single(a => a.TextContent.Contains("(ST)", StringComparison.Ordinal));
        var time = card.QuerySelector("time[data-local-time]")!;
        Assert.Multiple(() =>
        {
            Assert.That(page.QuerySelector("h1")!.TextContent, Is.EqualTo("Open calls for proposals"));
            Assert.That(card.TextContent, Does.Contain("(Europe/Vienna, UTC+0"), "deadline in the call's zone");
            Assert.That(time.GetAttribute("datetime"), Is.EqualTo(st.ClosesAtUtc.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture)));
            Assert.That(time.TextContent, Does.EndWith("UTC"), "without JavaScript the visitor sees UTC");
            Assert.That(card.QuerySelector("[data-countdown]")!.TextContent, Does.Match(@"Closes in \d+ days"));
            Assert.That(page.QuerySelector("script[src^='/js/call-times.']"), Is.Not.Null);
            Assert.That(page.DocumentElement.TextContent, Does.Contain("Recently closed"));
        });
    }

    [Test]
    public async Task OpenCalls_DraftCall_IsNeitherListedNorFound()
    {
        var draft = await CallFixtures.AddCallAsync(_app, publish: false);
        using var session = _app.NewSession();

        var (_, list) = await session.GetPageAsync("/calls");
        var detail = await session.GetAsync($"/calls/{draft.Code}");

        Assert.That(list.DocumentElement.TextContent, Does.Not.Contain(draft.Code));
        Assert.That(detail.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
    }

    [Test]
    public async Task CallPage_Anonymous_ShowsTermsAndEligibleCountriesInVisitorsLanguage()
    {
        using var session = _app.NewSession();
        session.Client.DefaultRequestHeaders.AcceptLanguage.ParseAdd("fr");

        var (response, page) = await session.GetPageAsync("/calls/mt");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        var text = page.QuerySelector("main")!.TextContent;
        Assert.Multiple(() =>
        {
            Assert.That(page.QuerySelector("h1")!.TextContent, Does.Contain("Medium-term projects"));
            Assert.That(text, Does.Contain("Afrique du Sud"), "country names in French");
            Assert.That(text, Does.Contain(TrustFund.Web.Hosting.Catalogue.Find("Two reference letters", System.Globalization.CultureInfo.GetCultureInfo("fr")) ?? "Two reference letters"));
            Assert.That(text, Does.Contain("Cet appel est clôturé"), "the page's own words in French too");
        });
    }

    [Test]
    public async Task CallPage_UnknownCode_IsNotFound()
    {
        using var session = _app.NewSession();

        var response = await session.GetAsync("/calls/NOPE-404");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
    }

    [Test]
    public async Task DemoData_SeedsOpenShortTermAndClosedMediumTermCallsOnce()
    {
        await TrustFund.Infrastructure.Demo.DemoData.SeedAsync(_app.Services);

        var calls = await _app.WithDbAsync(db => db.Calls.AsNoTracking().Where(c => c.Code == "ST" || c.Code == "MT").ToListAsync());

        Assert.That(calls, Has.Count.EqualTo(2));
        var st = calls.Single(c => c.Code == "ST");
        var now = _app.Clock.GetUtcNow().UtcDateTime;
        Assert.Multiple(() =>
        {
            Assert.That(st.Status, Is.EqualTo(CallStatus.Published));
            Assert.That(st.AcceptsSubmissionsAt(now), Is.True);
            Assert.That(st.Terms.TimeZoneId, Is.EqualTo("Europe/Vienna"));
            Assert.That(st.Terms.RequiredDocuments, Is.EqualTo(new[] { DocumentType.RegistrationCertificate, DocumentType.AuditedFinancialStatements }));
            Assert.That(st.ClosesAtUtc, Is.InRange(now.AddDays(55), now.AddDays(65)));
            Assert.That(calls.Single(c => c.Code == "MT").Status, Is.EqualTo(CallStatus.Closed));
        });
    }
}
