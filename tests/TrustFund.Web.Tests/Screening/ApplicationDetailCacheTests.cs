using System.Globalization;
using System.Net;
using Microsoft.EntityFrameworkCore;
using TrustFund.Benchmarks.Baselines;
using TrustFund.Domain.Applications;
using TrustFund.Domain.Calls;
using TrustFund.Domain.Documents;
using TrustFund.Web.Tests.Infrastructure;

namespace TrustFund.Web.Tests.Screening;

/// <summary>
/// The application detail page is kept in memory between views, and every change to what it shows,
/// made by any instance (here: straight to the database, as another instance would), shows at once.
/// </summary>
public sealed class ApplicationDetailCacheTests
{
    private const string Manager = "manager@trustfund.test";
    private TrustFundApp _app = null!;
    private Guid _callId;
    private Guid _organisationId;

    [OneTimeSetUp]
    public async Task StartApp()
    {
        _app = await new TrustFundApp { BenchmarkMode = true }.StartAsync();
        _callId = (await FundData.PublishedCallAsync(_app, "DCA")).Id;
        _organisationId = (await FundData.OrganisationAsync(_app, "Detail Cache Partners", "KEN")).Id;
    }

    [OneTimeTearDown]
    public void StopApp() => _app.Dispose();

    [Test]
    public async Task SecondView_RunsOneStatement_AndShowsTheSamePage()
    {
        var application = await FundData.ApplicationAsync(_app, _callId, _organisationId, FundData.Content("Kept page", 7_000m));
        using var manager = await _app.SignInAsync(Manager);
        var url = $"/Manage/Applications/{application.Id}";

        var (first, firstStatements) = await ViewAsync(manager, url);
        var (second, secondStatements) = await ViewAsync(manager, url);

        Assert.That(firstStatements, Is.LessThanOrEqualTo(4));
        Assert.That(secondStatements, Is.EqualTo(1), "A view of an unchanged application reads only its stamp.");
        Assert.That(WithoutTokens(second), Is.EqualTo(WithoutTokens(first)));
        Assert.That(second, Does.Contain("Kept page"));
    }

    [Test]
    public async Task ApplicationChangedElsewhere_ShowsAtOnce()
    {
        var application = await FundData.ApplicationAsync(_app, _callId, _organisationId, FundData.Content("Before the request", 7_000m));
        using var manager = await _app.SignInAsync(Manager);
        var url = $"/Manage/Applications/{application.Id}";
        await ViewAsync(manager, url);

        await _app.WithDbAsync(async db =>
        {
            var saved = await db.Applications.SingleAsync(a => a.Id == application.Id);
            saved.RequestInformation("Send the audited accounts, please.", FundData.Now(_app).AddDays(14), FundData.Now(_app));
            return await db.SaveChangesAsync();
        });

        var (page, _) = await ViewAsync(manager, url);
        Assert.That(page, Does.Contain("Send the audited accounts, please."));
        Assert.That(page, Does.Contain($"data-application-status=\"{ApplicationStatus.InformationRequested}\""));
    }

    [Test]
    public async Task OrganisationRenamedElsewhere_ShowsAtOnce()
    {
        var organisation = await FundData.OrganisationAsync(_app, "Old Name Trust", "KEN");
        var application = await FundData.ApplicationAsync(_app, _callId, organisation.Id, FundData.Content("Renamed owner", 7_000m));
        using var manager = await _app.SignInAsync(Manager);
        var url = $"/Manage/Applications/{application.Id}";
        Assert.That((await ViewAsync(manager, url)).Page, Does.Contain("Old Name Trust"));

        await _app.WithDbAsync(async db =>
        {
            var saved = await db.Organisations.SingleAsync(o => o.Id == organisation.Id);
            saved.UpdateProfile("New Name Trust", saved.CountryOfRegistration, saved.Profile, FundData.Now(_app));
            return await db.SaveChangesAsync();
        });

        var (page, _) = await ViewAsync(manager, url);
        Assert.That(page, Does.Contain("New Name Trust"));
        Assert.That(page, Does.Not.Contain("Old Name Trust"));
    }

    [Test]
    public async Task ResubmittedElsewhere_WithANewDocument_ShowsItAtOnce()
    {
        var organisation = await FundData.OrganisationAsync(_app, "Document Adders", "KEN");
        var application = await FundData.ApplicationAsync(_app, _callId, organisation.Id, FundData.Content("Gains a document", 7_000m));
        await _app.WithDbAsync(async db =>
        {
            var saved = await db.Applications.SingleAsync(a => a.Id == application.Id);
            saved.RequestInformation("Send the audited accounts, please.", FundData.Now(_app).AddDays(14), FundData.Now(_app));
            return await db.SaveChangesAsync();
        });
        using var manager = await _app.SignInAsync(Manager);
        var url = $"/Manage/Applications/{application.Id}";
        Assert.That((await ViewAsync(manager, url)).Page, Does.Not.Contain("audited-accounts-2026.pdf"));

        var accounts = Attachment.Record(organisation.Id, null, DocumentType.AuditedFinancialStatements, "audited-accounts-2026.pdf", "application/pdf", 10, new string('a', 64), Guid.NewGuid(), FundData.Now(_app), "applicant@trustfund.test");
        await _app.WithDbAsync(async db =>
        {
            db.Attachments.Add(accounts);
            return await db.SaveChangesAsync();
        });
        Assert.That((await ViewAsync(manager, url)).Page, Does.Not.Contain("audited-accounts-2026.pdf"), "A document no submission relied on is the organisation's own.");

        await FundData.SubmitWithAsync(_app, application.Id, accounts);

        var (page, _) = await ViewAsync(manager, url);
        Assert.That(page, Does.Contain("audited-accounts-2026.pdf"));
    }

    [Test]
    public async Task ScreeningStartedElsewhere_ShowsItsHistoryAtOnce()
    {
        var application = await FundData.ApplicationAsync(_app, _callId, _organisationId, FundData.Content("Screened later", 7_000m));
        using var manager = await _app.SignInAsync(Manager);
        var url = $"/Manage/Applications/{application.Id}";
        var before = (await ViewAsync(manager, url)).Page;

        await _app.WithDbAsync(async db =>
        {
            var saved = await db.Applications.SingleAsync(a => a.Id == application.Id);
            db.Screenings.Add(TrustFund.Domain.Applications.Screening.Start(saved, "another.manager@trustfund.test", FundData.Now(_app)));
            return await db.SaveChangesAsync();
        });

        var (after, _) = await ViewAsync(manager, url);
        Assert.That(HistoryRows(after), Is.GreaterThan(HistoryRows(before)), "The screening's history joins the page.");
    }

    [Test]
    public async Task EarlierVersion_IsReadNotKept_AndTheCurrentPageStaysRight()
    {
        var application = await FundData.ApplicationAsync(_app, _callId, _organisationId, FundData.Content("Versioned", 7_000m));
        using var manager = await _app.SignInAsync(Manager);
        var url = $"/Manage/Applications/{application.Id}";
        await ViewAsync(manager, url);

        var (version, statements) = await ViewAsync(manager, url + "?version=1");
        var (current, _) = await ViewAsync(manager, url);

        Assert.That(statements, Is.LessThanOrEqualTo(4));
        Assert.That(version, Does.Contain("Submitted version 1"));
        Assert.That(current, Does.Contain("Current content"));
    }

    [TestCase("99")]
    [TestCase("-1")]
    [TestCase("abc")]
    public async Task UnknownOrMalformedVersion_ShowsTheCurrentContent(string version)
    {
        var application = await FundData.ApplicationAsync(_app, _callId, _organisationId, FundData.Content("Asked for a missing version", 7_000m));
        using var manager = await _app.SignInAsync(Manager);

        var (page, statements) = await ViewAsync(manager, $"/Manage/Applications/{application.Id}?version={Uri.EscapeDataString(version)}");

        Assert.That(page, Does.Contain("Current content"));
        Assert.That(page, Does.Contain("Asked for a missing version"));
        Assert.That(statements, Is.LessThanOrEqualTo(4));
    }

    [Test]
    public async Task UnknownApplication_IsNotFound_AndAKeptPageIsNotShownForAnother()
    {
        var application = await FundData.ApplicationAsync(_app, _callId, _organisationId, FundData.Content("Kept, then asked for another", 7_000m));
        using var manager = await _app.SignInAsync(Manager);
        await ViewAsync(manager, $"/Manage/Applications/{application.Id}");

        var unknown = await manager.GetAsync($"/Manage/Applications/{Guid.NewGuid()}");

        Assert.That(unknown.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
    }

    /// <summary>The page and the statements the page itself ran: the request's one read of its signed-in session is counted apart.</summary>
    private static async Task<(string Page, int Statements)> ViewAsync(TestSession session, string url)
    {
        var response = await session.GetAsync(url);
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), url);
        var statements = Statements(response);
        var sessionRead = Statements(await session.GetAsync("/bench/json"));
        Assert.That(sessionRead, Is.EqualTo(1), "a signed-in request reads its session in one statement");
        return (await response.Content.ReadAsStringAsync(), statements - sessionRead);
    }

    private static int Statements(HttpResponseMessage response) =>
        int.Parse(response.Headers.GetValues(SqlStatementsHeader.Name).Single(), CultureInfo.InvariantCulture);

    // The page without the antiforgery token, which differs on every response.
    private static string WithoutTokens(string page) =>
        System.Text.RegularExpressions.Regex.Replace(page, "name=\"__RequestVerificationToken\"[^>]*>", string.Empty);

    private static int HistoryRows(string page) =>
        System.Text.RegularExpressions.Regex.Count(page[page.IndexOf("data-history", StringComparison.Ordinal)..], "<tr>");
}
