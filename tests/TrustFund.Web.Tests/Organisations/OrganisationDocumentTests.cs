using System.Net;
using Microsoft.EntityFrameworkCore;
using TrustFund.Application.Audit;
using TrustFund.Web.Tests.Infrastructure;
using TrustFund.Web.Tests.Screening;

namespace TrustFund.Web.Tests.Organisations;

public sealed class OrganisationDocumentTests
{
    private const string NotAPdf = "The file's content does not match its name: it is called a PDF file but it is not a PDF. Check that you chose the right file, or save it again as a PDF.";

    private TrustFundApp _app = null!;

    [OneTimeSetUp]
    public async Task StartApp() => _app = await new TrustFundApp().StartAsync();

    [OneTimeTearDown]
    public void StopApp() => _app.Dispose();

    [Test]
    public async Task Upload_Pdf_IsListedAndDownloadedAsAttachment()
    {
        using var applicant = await _app.SignInAsync("applicant@trustfund.test");
        var pdf = MultipartForms.Pdf("registration");

        var response = await applicant.PostFileAsync("/Organisation/Documents", "/Organisation/Documents", new() { ["DocumentType"] = "RegistrationCertificate" }, "File", "../certificate<1>.pdf", pdf);

        Assert.That(TestSession.IsRedirectTo(response, "/Organisation/Documents"), Is.True, await response.Content.ReadAsStringAsync());
        var (_, page) = await applicant.GetPageAsync("/Organisation/Documents");
        var link = page.QuerySelectorAll("a[href^='/Organisation/Documents/']").Single(a => a.TextContent == "certificate1.pdf");
        var download = await applicant.GetAsync(link.GetAttribute("href")!);
        await Assert.MultipleAsync(async () =>
        {
            Assert.That(download.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(download.Content.Headers.ContentType!.MediaType, Is.EqualTo("application/pdf"));
            Assert.That(download.Content.Headers.ContentDisposition!.DispositionType, Is.EqualTo("attachment"));
            Assert.That(await download.Content.ReadAsByteArrayAsync(), Is.EqualTo(pdf));
        });
        Assert.That(await _app.WithDbAsync(db => db.AuditEntries.CountAsync(e => e.Action == AuditActions.OrganisationDocumentUploaded)), Is.GreaterThanOrEqualTo(1));
    }

    [Test]
    public async Task Upload_SameFileTwice_IsKeptOnce()
    {
        using var applicant = await _app.SignInAsync("applicant@trustfund.test");
        var pdf = MultipartForms.Pdf("double click");

        await applicant.PostFileAsync("/Organisation/Documents", "/Organisation/Documents", new() { ["DocumentType"] = "PseaPolicy" }, "File", "psea.pdf", pdf);
        await applicant.PostFileAsync("/Organisation/Documents", "/Organisation/Documents", new() { ["DocumentType"] = "PseaPolicy" }, "File", "psea.pdf", pdf);

        var count = await _app.WithDbAsync(db => db.Attachments.CountAsync(a => a.FileName == "psea.pdf"));
        Assert.That(count, Is.EqualTo(1));
    }

    [Test]
    public async Task Upload_OversizedFile_IsRefusedWithClearMessage()
    {
        using var applicant = await _app.SignInAsync("applicant@trustfund.test");
        var big = new byte[(10 * 1024 * 1024) + 1];
        MultipartForms.Pdf().CopyTo(big, 0);

        var response = await applicant.PostFileAsync("/Organisation/Documents", "/Organisation/Documents", new() { ["DocumentType"] = "AuditedFinancialStatements" }, "File", "statements.pdf", big);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        var page = await TestSession.ParseAsync(response);
        Assert.That(page.QuerySelector("[data-error-summary]")!.TextContent, Does.Contain("'statements.pdf' is larger than 10 MB and was not uploaded."));
        Assert.That(await _app.WithDbAsync(db => db.Attachments.CountAsync(a => a.FileName == "statements.pdf")), Is.Zero);
    }

    [Test]
    public async Task Upload_HtmlNamedPdf_IsRefusedBecauseContentIsNotPdf()
    {
        using var applicant = await _app.SignInAsync("applicant@trustfund.test");
        var html = System.Text.Encoding.UTF8.GetBytes("<html><body><script>alert(1)</script></body></html>");

        var response = await applicant.PostFileAsync("/Organisation/Documents", "/Organisation/Documents", new() { ["DocumentType"] = "Other" }, "File", "page.pdf", html);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        var page = await TestSession.ParseAsync(response);
        Assert.That(page.QuerySelector("[data-error-summary]")!.TextContent, Does.Contain(NotAPdf));
        Assert.That(await _app.WithDbAsync(db => db.Attachments.CountAsync(a => a.FileName == "page.pdf")), Is.Zero);
    }

    [Test]
    public async Task Upload_WindowsProgramNamedPdf_SaysItIsNotAPdfAndStoresNothing()
    {
        using var applicant = await _app.SignInAsync("applicant@trustfund.test");
        byte[] program = [0x4D, 0x5A, 0x90, 0x00, 0x03, 0x00, 0x00, 0x00, .. "This program cannot be run in DOS mode"u8.ToArray()];
        var before = await _app.WithDbAsync(async db => (await db.Attachments.CountAsync(), await db.StoredFiles.CountAsync()));

        var response = await applicant.PostFileAsync("/Organisation/Documents", "/Organisation/Documents", new() { ["DocumentType"] = "PseaPolicy" }, "File", "safeguarding policy.pdf", program);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        var page = await TestSession.ParseAsync(response);
        Assert.That(page.QuerySelector("[data-error-summary]")!.TextContent, Does.Contain(NotAPdf).And.Not.Contain("must be a PDF, Word"));
        Assert.That(await _app.WithDbAsync(async db => (await db.Attachments.CountAsync(), await db.StoredFiles.CountAsync())), Is.EqualTo(before));
    }

    [Test]
    public async Task Upload_PngNamedPdf_IsRefusedAsMismatchedType()
    {
        using var applicant = await _app.SignInAsync("applicant@trustfund.test");
        byte[] png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0];

        var response = await applicant.PostFileAsync("/Organisation/Documents", "/Organisation/Documents", new() { ["DocumentType"] = "Other" }, "File", "image.pdf", png);

        var page = await TestSession.ParseAsync(response);
        Assert.That(page.QuerySelector("[data-error-summary]")!.TextContent, Does.Contain("does not match its name"));
    }

    [Test]
    public async Task Upload_WithoutTypeOrFile_IsRefused()
    {
        using var applicant = await _app.SignInAsync("applicant@trustfund.test");

        var response = await applicant.PostFormAsync("/Organisation/Documents", "/Organisation/Documents", new() { ["DocumentType"] = "" });

        var page = await TestSession.ParseAsync(response);
        var summary = page.QuerySelector("[data-error-summary]")!.TextContent;
        Assert.That(summary, Does.Contain("Choose the type of document.").And.Contain("Choose a file to upload."));
    }

    [Test]
    public async Task Documents_OfAnotherOrganisation_AreNotFound()
    {
        using var owner = await _app.SignInAsync("applicant2@trustfund.test");
        await owner.PostFileAsync("/Organisation/Documents", "/Organisation/Documents", new() { ["DocumentType"] = "RegistrationCertificate" }, "File", "other-org.pdf", MultipartForms.Pdf("other org"));
        var id = await _app.WithDbAsync(db => db.Attachments.Where(a => a.FileName == "other-org.pdf").Select(a => a.Id).SingleAsync());
        using var intruder = await _app.SignInAsync("applicant@trustfund.test");

        var download = await intruder.GetAsync($"/Organisation/Documents/{id}");
        var remove = await intruder.PostFormAsync("/Organisation/Documents", $"/Organisation/Documents/{id}/Remove", []);

        await Assert.MultipleAsync(async () =>
        {
            Assert.That(download.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
            Assert.That(remove.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
            Assert.That(await _app.WithDbAsync(db => db.Attachments.CountAsync(a => a.Id == id)), Is.EqualTo(1));
        });
    }

    [Test]
    public async Task Remove_OwnDocument_DeletesItAndItsBytes()
    {
        using var applicant = await _app.SignInAsync("applicant2@trustfund.test");
        await applicant.PostFileAsync("/Organisation/Documents", "/Organisation/Documents", new() { ["DocumentType"] = "Other" }, "File", "to-remove.pdf", MultipartForms.Pdf("remove me"));
        var (id, key) = await _app.WithDbAsync(db => db.Attachments.Where(a => a.FileName == "to-remove.pdf").Select(a => new ValueTuple<Guid, Guid>(a.Id, a.StoredFileKey)).SingleAsync());

        var response = await applicant.PostFormAsync("/Organisation/Documents", $"/Organisation/Documents/{id}/Remove", []);

        Assert.That(TestSession.IsRedirectTo(response, "/Organisation/Documents"), Is.True);
        Assert.That(await _app.WithDbAsync(db => db.Attachments.CountAsync(a => a.Id == id)), Is.Zero);
        Assert.That(await _app.WithDbAsync(db => db.StoredFiles.CountAsync(f => f.Key == key)), Is.Zero);
    }

    [Test]
    public async Task FundManager_DownloadsOrganisationDocument_FromVerificationPage()
    {
        using var applicant = await _app.SignInAsync("applicant2@trustfund.test");
        await applicant.PostFileAsync("/Organisation/Documents", "/Organisation/Documents", new() { ["DocumentType"] = "AuditedFinancialStatements" }, "File", "audit-2025.pdf", MultipartForms.Pdf("audit"));
        var organisationId = await FundData.DemoOrganisationIdAsync(_app, "applicant2@trustfund.test");
        using var manager = await _app.SignInAsync("manager@trustfund.test");

        var (_, page) = await manager.GetPageAsync($"/Manage/Organisations/{organisationId}");
        var href = page.QuerySelectorAll("[data-documents] a").Single(a => a.TextContent == "audit-2025.pdf").GetAttribute("href")!;
        var download = await manager.GetAsync(href);

        Assert.That(download.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(download.Content.Headers.ContentDisposition!.DispositionType, Is.EqualTo("attachment"));
        var wrongOrganisation = await manager.GetAsync(href.Replace(organisationId.ToString(), Guid.NewGuid().ToString(), StringComparison.Ordinal));
        Assert.That(wrongOrganisation.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
    }
}
