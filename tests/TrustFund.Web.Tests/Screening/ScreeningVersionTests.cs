using System.Net;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TrustFund.Application.Audit;
using TrustFund.Application.Files;
using TrustFund.Domain.Applications;
using TrustFund.Domain.Calls;
using TrustFund.Domain.Documents;
using TrustFund.Infrastructure.Persistence;
using TrustFund.Web.Tests.Infrastructure;
using TrustFund.Web.Tests.Organisations;

namespace TrustFund.Web.Tests.Screening;

/// <summary>
/// Screening judges one submitted version: restarted after a resubmission (earlier results shown
/// beside it), counting the documents the version was submitted with; a second manager saving the
/// first screening at the same time is told, not shown an error; managers download only documents a
/// submitted version relied on, and each download is audited.
/// </summary>
public sealed class ScreeningVersionTests
{
    private const string Manager = "manager@trustfund.test";
    private TrustFundApp _app = null!;
    private Guid _callId;

    [OneTimeSetUp]
    public async Task StartApp()
    {
        _app = await new TrustFundApp().StartAsync();
        _callId = (await FundData.PublishedCallAsync(_app, "SVT")).Id;
    }

    [OneTimeTearDown]
    public void StopApp() => _app.Dispose();

    [Test]
    public async Task Resubmission_RestartsScreening_EarlierResultsShownBesideNotPrefilled()
    {
        var application = await SubmittedAsync("Screened twice");
        using var manager = await _app.SignInAsync(Manager);
        var saved = await ScreeningForms.PostScreeningAsync(manager, application.Id, "save", results: new Dictionary<string, string> { ["OnTime"] = "pass" }, confirmAll: false);
        Assert.That(TestSession.IsRedirectTo(saved, $"/Manage/Applications/{application.Id}/Screening"), Is.True, await saved.Content.ReadAsStringAsync());

        await ResubmitAsync(application.Id, []);
        var (response, page) = await manager.GetPageAsync($"/Manage/Applications/{application.Id}/Screening");
        var decided = await ScreeningForms.PostScreeningAsync(manager, application.Id, "Eligible");

        await Assert.MultipleAsync(async () =>
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(page.QuerySelector("[data-gate=OnTime] input[value=pass]")!.HasAttribute("checked"), Is.False, "version 2 is screened afresh");
            Assert.That(page.QuerySelector("[data-gate=OnTime] [data-confirmed]"), Is.Null);
            Assert.That(page.QuerySelector("[data-gate=OnTime] [data-previous-result]")?.GetAttribute("data-previous-result"), Is.EqualTo("pass"), "version 1's result beside it");
            Assert.That(((IHtmlInputElement)page.QuerySelector("input[name=Version]")!).Value, Is.Empty, "no screening of version 2 yet");
            Assert.That(TestSession.IsRedirectTo(decided, $"/Manage/Applications/{application.Id}/Screening"), Is.True, await decided.Content.ReadAsStringAsync());
            var screenings = await _app.WithDbAsync(db => db.Screenings.AsNoTracking().Where(s => s.ApplicationId == application.Id).OrderBy(s => s.VersionNumber).ToListAsync());
            Assert.That(screenings.Select(s => (s.VersionNumber, s.IsDecided)), Is.EqualTo(new[] { (1, false), (2, true) }));
            Assert.That(screenings[0].Gates.Select(g => g.Gate), Is.EqualTo(new[] { EligibilityGate.OnTime }), "version 1's results are kept as they were");
        });
        var (detail, _) = await manager.GetPageAsync($"/Manage/Applications/{application.Id}");
        Assert.That(detail.StatusCode, Is.EqualTo(HttpStatusCode.OK), "the detail page with two screenings");
    }

    [Test]
    public async Task FirstScreening_SavedByTwoManagersFromTheSamePage_SecondIsToldNotAnError()
    {
        var application = await SubmittedAsync("Two managers");
        using var first = await _app.SignInAsync(Manager);
        var url = $"/Manage/Applications/{application.Id}/Screening";
        var (_, page) = await first.GetPageAsync(url);
        var form = new Dictionary<string, string>
        {
            ["Version"] = ((IHtmlInputElement)page.QuerySelector("input[name=Version]")!).Value,
            ["ApplicationVersion"] = ((IHtmlInputElement)page.QuerySelector("input[name=ApplicationVersion]")!).Value,
            ["Decision"] = "save",
            ["Gates[0].Gate"] = "OnTime",
            ["Gates[0].Result"] = "pass",
            ["Gates[0].Comment"] = "On time.",
        };

        var saved = await first.PostFormAsync(url, url, form);
        form["Gates[0].Result"] = "fail";
        form["Gates[0].Comment"] = "Late, in my reading.";
        var second = await first.PostFormAsync(url, url, form);

        Assert.That(TestSession.IsRedirectTo(saved, url), Is.True);
        Assert.That(second.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        var again = await TestSession.ParseAsync(second);
        var gates = await _app.WithDbAsync(db => db.Screenings.AsNoTracking().Where(s => s.ApplicationId == application.Id).Select(s => s.Gates).SingleAsync());
        Assert.Multiple(() =>
        {
            Assert.That(again.QuerySelector("[data-error-summary]")!.TextContent, Does.Contain("changed this screening or application"));
            Assert.That(gates.Single().Passed, Is.True, "the first save stands; the second was not written over it");
        });
    }

    [Test]
    public async Task Documents_CountedAsSubmitted_NotAsUploadedOrRemovedSince()
    {
        var application = await SubmittedAsync("Documents as submitted");
        await _app.WithDbAsync(async db =>
        {
            // After submission the organisation uploads another certificate for a new application.
            db.Attachments.Add(Attachment.Record(application.OrganisationId, null, DocumentType.RegistrationCertificate, "new.pdf", "application/pdf", 10, new string('0', 64), Guid.NewGuid(), FundData.Now(_app), "applicant"));
            return await db.SaveChangesAsync();
        });
        using var manager = await _app.SignInAsync(Manager);

        var (_, page) = await manager.GetPageAsync($"/Manage/Applications/{application.Id}/Screening");

        Assert.That(page.QuerySelector("[data-gate=DocumentsComplete] [data-evidence]")!.TextContent, Is.EqualTo("Registration certificate: 1 of 1."));
    }

    [Test]
    public async Task Download_OfADocumentNoSubmittedVersionReliedOn_IsNotFound_AndDownloadsAreAudited()
    {
        var application = await SubmittedAsync("Draft documents");
        var submittedWith = await AttachAsync(application, "submitted.pdf");
        await ResubmitAsync(application.Id, [submittedWith]);
        var draft = await AttachAsync(application, "next-draft.pdf");
        await _app.WithDbAsync(async db =>
        {
            var current = await db.Applications.SingleAsync(a => a.Id == application.Id);
            current.RequestInformation("One more detail.", FundData.Now(_app).AddDays(14), FundData.Now(_app));
            return await db.SaveChangesAsync();
        });
        using var manager = await _app.SignInAsync(Manager);

        var allowed = await manager.GetAsync($"/Manage/Applications/{application.Id}/Attachments/{submittedWith.Id}");
        var refused = await manager.GetAsync($"/Manage/Applications/{application.Id}/Attachments/{draft.Id}");
        var (_, details) = await manager.GetPageAsync($"/Manage/Applications/{application.Id}");
        var listed = details.QuerySelectorAll("[data-attachments] a").Select(a => a.TextContent.Trim()).ToList();

        var audit = await _app.WithDbAsync(db => db.AuditEntries.AsNoTracking()
            .Where(e => e.Action == AuditActions.ApplicationDocumentDownloaded && e.EntityId == application.Id.ToString())
            .Select(e => new { e.Summary, e.ActorName }).ToListAsync());
        Assert.Multiple(() =>
        {
            Assert.That(allowed.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(refused.StatusCode, Is.EqualTo(HttpStatusCode.NotFound), "a document of the unsubmitted draft is the organisation's own");
            Assert.That(audit, Has.Count.EqualTo(1));
            Assert.That(audit[0].Summary, Does.Contain("submitted.pdf"));
            Assert.That(audit[0].ActorName, Is.EqualTo(Manager));
            Assert.That(listed, Does.Contain("submitted.pdf"));
            Assert.That(listed, Does.Not.Contain("next-draft.pdf"), "the detail page lists only what it lets managers download");
        });
    }

    private async Task<GrantApplication> SubmittedAsync(string title)
    {
        var organisation = await FundData.OrganisationAsync(_app, $"{title} Org");
        return await FundData.ApplicationAsync(_app, _callId, organisation.Id, FundData.Content(title, 10_000m));
    }

    private async Task<Attachment> AttachAsync(GrantApplication application, string name)
    {
        await using var scope = _app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TrustFundDbContext>();
        var bytes = MultipartForms.Pdf(name);
        var key = await scope.ServiceProvider.GetRequiredService<IFileStore>().AddAsync(bytes, CancellationToken.None);
        var attachment = Attachment.Record(application.OrganisationId, application.Id, DocumentType.Other, name, "application/pdf", bytes.Length, new string('0', 64), key, FundData.Now(_app), "applicant");
        db.Attachments.Add(attachment);
        await db.SaveChangesAsync();
        return attachment;
    }

    // The Secretariat asks for more information and the organisation resubmits (through the domain, as the applicant's pages do).
    private Task<int> ResubmitAsync(Guid applicationId, IReadOnlyList<Attachment> documents) =>
        _app.WithDbAsync(async db =>
        {
            var call = await db.Calls.SingleAsync(c => c.Id == _callId);
            var current = await db.Applications.Include(a => a.Versions).SingleAsync(a => a.Id == applicationId);
            var now = FundData.Now(_app);
            current.RequestInformation("Please add detail.", now.AddDays(14), now);
            current.Edit(current.Content with { Title = current.Title + " (revised)" }, "applicant", now);
            SubmittedDocument[] submitted = [new SubmittedDocument(Guid.NewGuid(), DocumentType.RegistrationCertificate, "certificate.pdf", 1_000, new string('0', 64), true), .. documents.Select(SubmittedDocument.Of)];
            current.Submit(new SubmissionContext(call, true, current.OrganisationName, submitted, now), null, "applicant");
            return await db.SaveChangesAsync();
        });
}
