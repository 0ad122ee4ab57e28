using System.IO.Compression;
using System.Net;
using System.Text;
using Microsoft.EntityFrameworkCore;
using TrustFund.Application.Audit;
using TrustFund.Web.Tests.Infrastructure;
using static TrustFund.Web.Tests.Applications.ApplicantJourney;

namespace TrustFund.Web.Tests.Applications;

public sealed class DocumentTests
{
    private const string NotAPdf = "The file's content does not match its name: it is called a PDF file but it is not a PDF. Check that you chose the right file, or save it again as a PDF.";

    private TrustFundApp _app = null!;

    [OneTimeSetUp]
    public async Task StartApp() => _app = await new TrustFundApp().StartAsync();

    [OneTimeTearDown]
    public void StopApp() => _app.Dispose();

    [Test]
    public async Task Upload_Pdf_IsStoredListedAndDownloadableAsAttachment()
    {
        var (session, id) = await NewDraftAsync();
        using var signedIn = session;

        var response = await UploadAsync(session, id, "AuditedFinancialStatements", "../../Statements 2025.pdf", Pdf);

        Assert.That(TestSession.IsRedirectTo(response, $"/Applications/{id}/Documents"), Is.True);
        var attachment = await _app.WithDbAsync(db => db.Attachments.AsNoTracking().SingleAsync(a => a.ApplicationId == id));
        Assert.Multiple(() =>
        {
            Assert.That(attachment.FileName, Is.EqualTo("Statements 2025.pdf"));
            Assert.That(attachment.ContentType, Is.EqualTo("application/pdf"));
            Assert.That(attachment.SizeBytes, Is.EqualTo(Pdf.Length));
        });
        var (_, page) = await session.GetPageAsync($"/Applications/{id}/Documents");
        Assert.That(page.QuerySelector($"[data-attachment-id='{attachment.Id}'] a")?.TextContent, Is.EqualTo("Statements 2025.pdf"));

        var download = await session.GetAsync($"/Applications/{id}/Documents/{attachment.Id}");

        Assert.That(download.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        await Assert.MultipleAsync(async () =>
        {
            Assert.That(download.Content.Headers.ContentDisposition?.DispositionType, Is.EqualTo("attachment"));
            Assert.That(download.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/pdf"));
            Assert.That(download.Headers.GetValues("X-Content-Type-Options"), Is.EqualTo(new[] { "nosniff" }));
            Assert.That(await download.Content.ReadAsByteArrayAsync(), Is.EqualTo(Pdf));
        });
        var audit = await _app.WithDbAsync(db => db.AuditEntries.CountAsync(e => e.Action == AuditActions.ApplicationDocumentAdded && e.EntityId == attachment.Id.ToString()));
        Assert.That(audit, Is.EqualTo(1));
    }

    [Test]
    public async Task Upload_HtmlPageNamedPdf_IsRefusedAsNotAPdf()
    {
        var (session, id) = await NewDraftAsync();
        using var signedIn = session;

        var response = await UploadAsync(session, id, "AuditedFinancialStatements", "statements.pdf", Encoding.UTF8.GetBytes("<!DOCTYPE html><html><body><script>alert(1)</script></body></html>"));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        var page = await TestSession.ParseAsync(response);
        Assert.That(page.QuerySelector("[data-error-summary] a[href='#File_AuditedFinancialStatements']")?.TextContent.Trim(), Is.EqualTo(NotAPdf));
        Assert.That(await _app.WithDbAsync(db => db.Attachments.CountAsync(a => a.ApplicationId == id)), Is.Zero);
    }

    [TestCase("ELF program", new byte[] { 0x7F, 0x45, 0x4C, 0x46, 0x02, 0x01, 0x01, 0x00, 0, 0, 0, 0, 0, 0, 0, 0 })]
    [TestCase("Windows program", new byte[] { 0x4D, 0x5A, 0x90, 0x00, 0x03, 0x00, 0x00, 0x00, 0x04, 0x00, 0x00, 0x00, 0xFF, 0xFF, 0x00, 0x00 })]
    public async Task Upload_ProgramNamedPdf_SaysItIsNotAPdfStoresNothingAndKeepsTheDocumentsAlreadyThere(string program, byte[] content)
    {
        var (session, id) = await NewDraftAsync();
        using var signedIn = session;
        await UploadAsync(session, id, "AuditedFinancialStatements", "statements.pdf", Pdf);
        var before = await StoredAsync(id);

        var response = await UploadAsync(session, id, "Other", "annual report.pdf", content);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), program);
        var page = await TestSession.ParseAsync(response);
        Assert.Multiple(async () =>
        {
            Assert.That(page.QuerySelector("[data-error-summary] a[href='#File_Other']")?.TextContent.Trim(), Is.EqualTo(NotAPdf));
            Assert.That(page.GetElementById("File_Other-error")?.TextContent, Does.Contain(NotAPdf));
            Assert.That(await StoredAsync(id), Is.EqualTo(before), "nothing stored, nothing lost");
        });
        Assert.That(before.Single(), Does.StartWith("statements.pdf "), "the document uploaded before is still there");
    }

    [Test]
    public async Task Upload_ProgramNamedExe_KeepsTheListOfAcceptedTypes()
    {
        var (session, id) = await NewDraftAsync();
        using var signedIn = session;

        var response = await UploadAsync(session, id, "Other", "setup.exe", [0x4D, 0x5A, 0x90, 0x00, 0x03, 0x00, 0x00, 0x00]);

        var page = await TestSession.ParseAsync(response);
        Assert.That(page.QuerySelector("[data-error-summary] a[href='#File_Other']")?.TextContent.Trim(), Is.EqualTo("The file must be a PDF, Word (DOCX), Excel (XLSX), JPG or PNG file."));
        Assert.That(await StoredAsync(id), Is.Empty);
    }

    [Test]
    public async Task Upload_PngNamedPdf_IsRefusedAsNotMatchingItsName()
    {
        var (session, id) = await NewDraftAsync();
        using var signedIn = session;
        byte[] png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0];

        var response = await UploadAsync(session, id, "Other", "photo.pdf", png);

        var page = await TestSession.ParseAsync(response);
        Assert.That(page.QuerySelector("[data-error-summary]")?.TextContent, Does.Contain("does not match its name"));
    }

    [Test]
    public async Task Upload_Docx_IsRecognisedFromContent()
    {
        var (session, id) = await NewDraftAsync();
        using var signedIn = session;
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var name in new[] { "[Content_Types].xml", "word/document.xml" })
            {
                await using var entry = zip.CreateEntry(name).Open();
                await entry.WriteAsync(Encoding.UTF8.GetBytes("<x/>"));
            }
        }

        var response = await UploadAsync(session, id, "Other", "letter.docx", buffer.ToArray(), "application/octet-stream");

        Assert.That(TestSession.IsRedirectTo(response, $"/Applications/{id}/Documents"), Is.True);
        var type = await _app.WithDbAsync(db => db.Attachments.Where(a => a.ApplicationId == id).Select(a => a.ContentType).SingleAsync());
        Assert.That(type, Is.EqualTo("application/vnd.openxmlformats-officedocument.wordprocessingml.document"));
    }

    [Test]
    public async Task Upload_JustOverTenMegabytes_IsRefusedWithClearMessage()
    {
        var (session, id) = await NewDraftAsync();
        using var signedIn = session;
        var big = new byte[(10 * 1024 * 1024) + 1];
        Pdf.CopyTo(big, 0);

        var response = await UploadAsync(session, id, "AuditedFinancialStatements", "big.pdf", big);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        var page = await TestSession.ParseAsync(response);
        Assert.That(page.QuerySelector("#File_AuditedFinancialStatements-error")?.TextContent, Does.Contain("'big.pdf' is larger than 10 MB and was not uploaded."));
        Assert.That(await _app.WithDbAsync(db => db.Attachments.CountAsync(a => a.ApplicationId == id)), Is.Zero);
    }

    [Test]
    public async Task Upload_FarOverTheLimit_GetsClearPageNotCrash()
    {
        var (session, id) = await NewDraftAsync();
        using var signedIn = session;
        var huge = new byte[16 * 1024 * 1024];
        Pdf.CopyTo(huge, 0);

        var response = await UploadAsync(session, id, "AuditedFinancialStatements", "huge.pdf", huge);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.RequestEntityTooLarge));
        var page = await TestSession.ParseAsync(response);
        Assert.That(page.QuerySelector("h1")?.TextContent, Is.EqualTo("Documents"));
        Assert.That(page.QuerySelector("[data-error-summary]")?.TextContent, Does.Contain("'huge.pdf' is larger than 10 MB and was not uploaded."));
    }

    [Test]
    public async Task Upload_BeyondFiftyMegabytesPerApplication_IsRefused()
    {
        var (session, id) = await NewDraftAsync();
        using var signedIn = session;
        var nineMegabytes = new byte[9 * 1024 * 1024];
        Pdf.CopyTo(nineMegabytes, 0);
        for (var i = 0; i < 5; i++)
        {
            var accepted = await UploadAsync(session, id, "Other", $"part{i}.pdf", nineMegabytes);
            Assert.That(accepted.StatusCode, Is.EqualTo(HttpStatusCode.Redirect), $"file {i + 1} fits");
        }

        var response = await UploadAsync(session, id, "Other", "part6.pdf", nineMegabytes);

        var page = await TestSession.ParseAsync(response);
        Assert.That(page.QuerySelector("[data-error-summary]")?.TextContent, Does.Contain("at most 50 MB"));
        Assert.That(await _app.WithDbAsync(db => db.Attachments.CountAsync(a => a.ApplicationId == id)), Is.EqualTo(5));
    }

    [Test]
    public async Task Upload_WithoutAntiforgeryToken_IsRejected()
    {
        var (session, id) = await NewDraftAsync();
        using var signedIn = session;
        using var form = new MultipartFormDataContent
        {
            { new StringContent("Other"), "DocumentType" },
            { new ByteArrayContent(Pdf), "File", "a.pdf" },
        };

        var response = await session.Client.PostAsync(new Uri($"/Applications/{id}/Documents", UriKind.Relative), form);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(await _app.WithDbAsync(db => db.Attachments.CountAsync(a => a.ApplicationId == id)), Is.Zero);
    }

    [Test]
    public async Task Remove_Attachment_DeletesItAndItsBytes()
    {
        var (session, id) = await NewDraftAsync();
        using var signedIn = session;
        await UploadAsync(session, id, "Other", "a.pdf", Pdf);
        var attachment = await _app.WithDbAsync(db => db.Attachments.AsNoTracking().SingleAsync(a => a.ApplicationId == id));

        var response = await session.PostFormAsync($"/Applications/{id}/Documents", $"/Applications/{id}/Documents/{attachment.Id}/Remove", []);

        Assert.That(TestSession.IsRedirectTo(response, $"/Applications/{id}/Documents"), Is.True);
        Assert.That(await _app.WithDbAsync(db => db.Attachments.CountAsync(a => a.Id == attachment.Id)), Is.Zero);
        Assert.That(await _app.WithDbAsync(db => db.StoredFiles.CountAsync(f => f.Key == attachment.StoredFileKey)), Is.Zero);
    }

    [Test]
    public async Task Submission_OrganisationLevelDocument_CountsForRequiredType()
    {
        var (session, id) = await NewDraftAsync();
        using var signedIn = session;
        var organisationId = await OrganisationOfAsync(_app, Applicant);
        await _app.WithDbAsync(async db =>
        {
            var key = Guid.NewGuid();
            db.StoredFiles.Add(new TrustFund.Infrastructure.Files.StoredFile { Key = key, Content = Pdf, StoredAtUtc = _app.Clock.GetUtcNow().UtcDateTime });
            db.Attachments.Add(TrustFund.Domain.Documents.Attachment.Record(organisationId, null, TrustFund.Domain.Calls.DocumentType.AuditedFinancialStatements, "org-statements.pdf", "application/pdf", Pdf.Length, new string('0', 64), key, _app.Clock.GetUtcNow().UtcDateTime, "Amina Haddad"));
            return await db.SaveChangesAsync();
        });

        var (_, checklist) = await session.GetPageAsync($"/Applications/{id}/Submit");
        var (_, documents) = await session.GetPageAsync($"/Applications/{id}/Documents");

        Assert.That(checklist.QuerySelector("[data-field=AuditedFinancialStatements]")?.GetAttribute("data-passed"), Is.EqualTo("true"));
        Assert.That(documents.QuerySelector("[data-slot=AuditedFinancialStatements]")?.TextContent, Does.Contain("org-statements.pdf"));
    }

    /// <summary>The application's documents, with the size of the bytes kept for each, and how many files are stored in all.</summary>
    private Task<List<string>> StoredAsync(Guid applicationId) => _app.WithDbAsync(async db =>
    {
        var files = await db.StoredFiles.CountAsync();
        var documents = await db.Attachments.Where(a => a.ApplicationId == applicationId).OrderBy(a => a.FileName)
            .Select(a => new { a.FileName, a.StoredFileKey })
            .ToListAsync();
        var sizes = new List<string>();
        foreach (var document in documents)
        {
            var bytes = await db.StoredFiles.Where(f => f.Key == document.StoredFileKey).Select(f => f.Content.Length).SingleAsync();
            sizes.Add($"{document.FileName} {bytes} bytes of {files} files");
        }

        return sizes;
    });

    private async Task<(TestSession Session, Guid Id)> NewDraftAsync()
    {
        var call = await CreateOpenCallAsync(_app);
        var session = await _app.SignInAsync(Applicant);
        return (session, await StartAsync(session, call.Id));
    }
}
