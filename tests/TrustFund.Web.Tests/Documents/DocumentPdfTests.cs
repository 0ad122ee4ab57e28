using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TrustFund.Application.Audit;
using TrustFund.Application.Documents;
using TrustFund.Domain.Reviews;
using TrustFund.Infrastructure.Demo;
using TrustFund.Infrastructure.Pdf;
using TrustFund.Web.Tests.Infrastructure;
using TrustFund.Web.Tests.Reviews;
using TrustFund.Web.Tests.Screening;

namespace TrustFund.Web.Tests.Documents;

/// <summary>The dossier and the board pack printed by the real Chromium, read back with PdfPig.</summary>
public sealed class DocumentPdfTests
{
    private const string ReviewSummary = "Credible shelter plan with a referral network";

    private TrustFundApp _app = null!;
    private Guid _ownApplication;
    private Guid _otherApplication;
    private Guid _multilingualCall;
    private Guid _reviewCall;

    [OneTimeSetUp]
    public async Task StartApp()
    {
        _app = await new TrustFundApp(new Dictionary<string, string?> { ["Pdf:BrowserPath"] = PdfBrowser.ExecutablePath }).StartAsync();

        // The demo organisation's application, reviewed by Jean-Pierre Martin.
        var demoOrganisation = await FundData.DemoOrganisationIdAsync(_app, "applicant@trustfund.test");
        var (assignment, application) = await ReviewWebData.AssignedAsync(_app, "reviewer@trustfund.test", "PDFA", declareNoConflict: true, organisationId: demoOrganisation);
        await _app.WithDbAsync(async db =>
        {
            var review = await db.ReviewAssignments.SingleAsync(a => a.Id == assignment);
            var terms = (await db.Calls.SingleAsync(c => c.Id == review.CallId)).Terms;
            review.Submit(terms, [.. terms.Rubric.Select(c => new CriterionScore(c.Key, 4, "Convincing."))], Recommendation.Fund, ReviewSummary, FundData.Now(_app));
            return await db.SaveChangesAsync();
        });
        _ownApplication = application;
        _otherApplication = (await ReviewWebData.AssignedAsync(_app, "reviewer2@trustfund.test", "PDFB")).ApplicationId;

        // Organisations named in several scripts, applying to one call.
        var call = await FundData.PublishedCallAsync(_app, "PDFML");
        _multilingualCall = call.Id;
        foreach (var (language, name) in MultilingualNames.Lines().Where(l => l.Language is "en" or "ru" or "zh" or "ar"))
        {
            var organisation = await FundData.OrganisationAsync(_app, name);
            var submitted = await FundData.ApplicationAsync(_app, call.Id, organisation.Id, FundData.Content($"Shelter project {language}", 20_000m));
            await _app.WithDbAsync(async db =>
            {
                (await db.Applications.SingleAsync(a => a.Id == submitted.Id)).RecordEligibility(true, null, FundData.Now(_app));
                return await db.SaveChangesAsync();
            });
        }

        // The demo call under review: two reviewers, a declared conflict, a disagreement.
        await DemoData.SeedReviewsAsync(_app.Services);
        _reviewCall = await _app.WithDbAsync(db => db.Calls.Where(c => c.Code == DemoData.ReviewCallCode).Select(c => c.Id).SingleAsync());
    }

    [OneTimeTearDown]
    public void StopApp() => _app.Dispose();

    [Test]
    public async Task DossierPdf_FundManager_HasTheApplicationTheReviewsAndPageNumbers()
    {
        PdfBrowser.Require();
        using var manager = await _app.SignInAsync("manager@trustfund.test");

        var pdf = await PdfAsync(manager, $"/applications/{_ownApplication}/dossier.pdf");

        Assert.Multiple(() =>
        {
            Assert.That(pdf.Title, Does.StartWith("Application dossier"));
            Assert.That(pdf.Author, Is.EqualTo("TrustFund Secretariat"));
            Assert.That(pdf.Says($"Page 1 of {pdf.Pages}"), Is.True);
            Assert.That(pdf.Says("Shelter project PDFA"), Is.True);
            Assert.That(pdf.Says("Shelter nights"), Is.True, "budget lines");
            Assert.That(pdf.Says("Eligible"), Is.True, "screening result");
            Assert.That(pdf.Mentions("Jean-Pierre Martin"), Is.True, "reviewer");
            Assert.That(pdf.Mentions(ReviewSummary), Is.True);
        });
    }

    [Test]
    public async Task DossierPdf_Applicant_HasNoReviewerData()
    {
        PdfBrowser.Require();
        using var applicant = await _app.SignInAsync("applicant@trustfund.test");

        var pdf = await PdfAsync(applicant, $"/applications/{_ownApplication}/dossier.pdf");

        Assert.Multiple(() =>
        {
            Assert.That(pdf.Says("Shelter project PDFA"), Is.True);
            Assert.That(pdf.Mentions("Jean-Pierre Martin"), Is.False);
            Assert.That(pdf.Mentions(ReviewSummary), Is.False);
            Assert.That(pdf.Says("Weighted score"), Is.False);
            Assert.That(pdf.Says("Recommendation"), Is.False);
        });
    }

    [TestCase("/applications/{0}/dossier.pdf")]
    [TestCase("/applications/{0}/dossier")]
    public async Task Dossier_AnotherOrganisationsApplication_IsNotFound(string url)
    {
        using var applicant = await _app.SignInAsync("applicant@trustfund.test");

        using var response = await applicant.GetAsync(string.Format(System.Globalization.CultureInfo.InvariantCulture, url, _otherApplication));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
    }

    [Test]
    public async Task DossierPdf_Printed_IsAuditedAsAnExport()
    {
        PdfBrowser.Require();
        using var manager = await _app.SignInAsync("manager@trustfund.test");
        var before = await ExportsAsync();

        await PdfAsync(manager, $"/applications/{_ownApplication}/dossier.pdf");

        Assert.That(await ExportsAsync(), Is.EqualTo(before + 1));
    }

    [Test]
    public async Task BoardPackPdf_MultilingualOrganisations_AreInTheRankingByTheirNames()
    {
        PdfBrowser.Require();
        using var manager = await _app.SignInAsync("manager@trustfund.test");

        var pdf = await PdfAsync(manager, $"/calls/{_multilingualCall}/board-pack.pdf");

        var names = MultilingualNames.Lines().ToDictionary(l => l.Language, l => l.Name);
        Assert.Multiple(() =>
        {
            Assert.That(pdf.Title, Does.StartWith("Board pack"));
            Assert.That(pdf.Says($"Page 1 of {pdf.Pages}"), Is.True);
            Assert.That(pdf.Mentions(names["en"]), Is.True, "Latin");
            Assert.That(pdf.Mentions(names["ru"]), Is.True, "Cyrillic");
            Assert.That(pdf.Mentions(names["zh"]), Is.True, "Chinese");
            Assert.That(pdf.Says("Eligible 4"), Is.True, "eligibility summary");
        });
    }

    [Test]
    public async Task BoardPackPdf_ReviewCall_HasRankingFlagsAndConflictsWithReviewerNames()
    {
        PdfBrowser.Require();
        using var manager = await _app.SignInAsync("manager@trustfund.test");

        var pdf = await PdfAsync(manager, $"/calls/{_reviewCall}/board-pack.pdf");

        Assert.Multiple(() =>
        {
            Assert.That(pdf.Mentions("Scores disagree"), Is.True);
            Assert.That(pdf.Says("Normalised"), Is.True);
            Assert.That(pdf.Mentions("I advised this association on its previous grant."), Is.True, "the declared conflict");
            Assert.That(pdf.Mentions("Jean-Pierre Martin"), Is.True);
        });
    }

    [Test]
    public async Task BoardPackPdf_Anonymised_NamesReviewersByNumberOnly()
    {
        PdfBrowser.Require();
        using var manager = await _app.SignInAsync("manager@trustfund.test");

        var pdf = await PdfAsync(manager, $"/calls/{_reviewCall}/board-pack.pdf?anonymise=true");

        Assert.Multiple(() =>
        {
            Assert.That(pdf.Says("Reviewer 1"), Is.True);
            Assert.That(pdf.Mentions("Jean-Pierre Martin"), Is.False);
            Assert.That(pdf.Says("Mei Lin"), Is.False);
        });
    }

    [Test]
    public async Task BoardPackPdf_Applicant_IsForbidden()
    {
        using var applicant = await _app.SignInAsync("applicant@trustfund.test");

        using var response = await applicant.GetAsync($"/calls/{_reviewCall}/board-pack.pdf");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
    }

    [Test]
    public async Task BoardPackPdf_EveryPageBusy_Answers503WithRetryAfter()
    {
        var browser = PdfBrowser.Require();
        using var app = await new TrustFundApp(new Dictionary<string, string?>
        {
            ["Pdf:BrowserPath"] = browser,
            ["Pdf:MaxConcurrentRenders"] = "1",
            ["Pdf:QueueTimeout"] = "00:00:00.200",
        }).StartAsync();
        var call = await FundData.PublishedCallAsync(app, "BUSY");
        using var manager = await app.SignInAsync("manager@trustfund.test");

        // A long document takes the only page while the browser starts.
        var renderer = app.Services.GetRequiredService<IPdfRenderer>();
        var rows = string.Concat(Enumerable.Range(0, 3000).Select(i => $"<p>Line {i}</p>"));
        var holding = renderer.RenderAsync(new PdfDocumentRequest($"<!DOCTYPE html><html><head><title>Long</title></head><body>{rows}</body></html>", "Long", null, DateTimeOffset.UtcNow), CancellationToken.None);
        using var response = await manager.GetAsync($"/calls/{call.Id}/board-pack.pdf");
        var body = await response.Content.ReadAsStringAsync();
        await holding;

        Assert.Multiple(() =>
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.ServiceUnavailable));
            Assert.That(response.Headers.RetryAfter?.Delta, Is.EqualTo(TimeSpan.FromSeconds(10)));
            Assert.That(body, Does.Contain("busy").And.Contain("try again"));
        });
    }

    [Test]
    public async Task BoardPackPdf_NoBrowser_Answers503SayingWhatToInstall()
    {
        using var app = await new TrustFundApp(new Dictionary<string, string?> { ["Pdf:BrowserPath"] = "/nonexistent/chromium" }).StartAsync();
        var call = await FundData.PublishedCallAsync(app, "NOPDF");
        using var manager = await app.SignInAsync("manager@trustfund.test");
        var exportsBefore = await app.WithDbAsync(db => db.AuditEntries.CountAsync(e => e.Action == AuditActions.DocumentExported));

        using var response = await manager.GetAsync($"/calls/{call.Id}/board-pack.pdf");
        var body = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        var exportsAfter = await app.WithDbAsync(db => db.AuditEntries.CountAsync(e => e.Action == AuditActions.DocumentExported));

        Assert.Multiple(() =>
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.ServiceUnavailable));
            Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("text/html"));
            Assert.That(body, Does.Contain("apt-get install chromium fonts-noto-core fonts-noto-cjk").And.Contain("Pdf:BrowserPath"));
            Assert.That(body, Does.Not.Contain("/nonexistent/chromium"), "server paths stay in the log");
            Assert.That(body, Does.Contain($"/calls/{call.Id}/board-pack"), "a link to the on-screen version");
            Assert.That(exportsAfter, Is.EqualTo(exportsBefore), "nothing was exported");
        });
    }

    [Test]
    public async Task Dossier_OnScreen_IsTheSameViewWithAPdfLink()
    {
        using var applicant = await _app.SignInAsync("applicant@trustfund.test");

        var (response, page) = await applicant.GetPageAsync($"/applications/{_ownApplication}/dossier");

        Assert.Multiple(() =>
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(page.QuerySelector("[data-dossier]")?.GetAttribute("data-version"), Is.EqualTo("applicant"));
            Assert.That(page.QuerySelector("[data-reviews]"), Is.Null);
            Assert.That(page.QuerySelector("a[data-pdf]")?.GetAttribute("href"), Is.EqualTo($"/applications/{_ownApplication}/dossier.pdf"));
        });
    }

    private Task<int> ExportsAsync() => _app.WithDbAsync(db => db.AuditEntries.CountAsync(e => e.Action == AuditActions.DocumentExported));

    private static Task<PdfText> PdfAsync(TestSession session, string url) => PdfDownload.ReadAsync(session, url);
}
