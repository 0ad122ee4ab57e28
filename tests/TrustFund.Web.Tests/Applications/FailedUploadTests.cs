using System.Net;
using System.Net.Http.Headers;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using TrustFund.Web.Tests.Infrastructure;
using static TrustFund.Web.Tests.Applications.ApplicantJourney;

namespace TrustFund.Web.Tests.Applications;

/// <summary>
/// An upload that fails on a bad connection or is refused (too large, cut off partway, wrong type) brings the
/// page back with what the applicant chose kept (the document type, the slot uploaded into) and a message
/// that names the file to send again; nothing is stored.
/// </summary>
public sealed class FailedUploadTests
{
    private const string OrganisationApplicant = "applicant@trustfund.test";

    private TrustFundApp _app = null!;

    [OneTimeSetUp]
    public async Task StartApp() => _app = await new TrustFundApp().StartAsync();

    [OneTimeTearDown]
    public void StopApp() => _app.Dispose();

    [Test]
    public async Task ApplicationDocument_JustOverTenMegabytes_NamesTheFileUnderItsSlot()
    {
        var (session, id) = await NewDraftAsync();
        using var signedIn = session;

        using var response = await session.Client.PostAsync(new Uri($"/Applications/{id}/Documents", UriKind.Relative), await ApplicationFormAsync(session, id, "Audited statements 2025.pdf", Padded((10 * 1024 * 1024) + 1)));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        var page = await TestSession.ParseAsync(response);
        Assert.That(SlotError(page, "AuditedFinancialStatements"), Is.EqualTo("'Audited statements 2025.pdf' is larger than 10 MB and was not uploaded. Make it smaller (for example, scan it at a lower resolution or save it as PDF), then choose it again and upload it."));
        Assert.That(page.QuerySelector("[data-slot='Other'] [data-file-error]"), Is.Null, "only the slot uploaded into shows the error");
        Assert.That(await AttachedAsync(id), Is.Zero);
    }

    [Test]
    public async Task ApplicationDocument_FarOverTheRequestLimit_StillNamesTheFileUnderItsSlot()
    {
        var (session, id) = await NewDraftAsync();
        using var signedIn = session;

        using var response = await session.Client.PostAsync(new Uri($"/Applications/{id}/Documents", UriKind.Relative), await ApplicationFormAsync(session, id, "scan of the statements.pdf", Padded(16 * 1024 * 1024)));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.RequestEntityTooLarge));
        var page = await TestSession.ParseAsync(response);
        Assert.That(SlotError(page, "AuditedFinancialStatements"), Does.StartWith("'scan of the statements.pdf' is larger than 10 MB and was not uploaded."));
        Assert.That(await AttachedAsync(id), Is.Zero);
    }

    [Test]
    public async Task ApplicationDocument_UploadCutOffPartway_SaysTheUploadDidNotFinishAndNamesTheFile()
    {
        var (session, id) = await NewDraftAsync();
        using var signedIn = session;
        using var whole = await ApplicationFormAsync(session, id, "budget narrative.pdf", Padded(200_000));

        using var response = await session.Client.PostAsync(new Uri($"/Applications/{id}/Documents", UriKind.Relative), await CutOffAsync(whole, 120_000));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        var page = await TestSession.ParseAsync(response);
        Assert.That(SlotError(page, "AuditedFinancialStatements"), Is.EqualTo("The upload of 'budget narrative.pdf' did not finish, so it was not received. Choose 'budget narrative.pdf' again and upload it."));
        Assert.That(await AttachedAsync(id), Is.Zero);
    }

    [Test]
    public async Task ApplicationDocument_WrongType_GivesTheReasonAndNamesTheFile()
    {
        var (session, id) = await NewDraftAsync();
        using var signedIn = session;

        using var response = await UploadAsync(session, id, "AuditedFinancialStatements", "statements.pdf", [0x4D, 0x5A, 0x90, 0x00, 0x03, 0x00, 0x00, 0x00]);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        var page = await TestSession.ParseAsync(response);
        Assert.That(SlotError(page, "AuditedFinancialStatements"), Does.Contain("it is called a PDF file but it is not a PDF").And.Contain("'statements.pdf' was not uploaded."));
        Assert.That(await AttachedAsync(id), Is.Zero);
    }

    [Test]
    public async Task OrganisationDocument_TooLarge_KeepsTheChosenTypeAndNamesTheFile()
    {
        using var applicant = await _app.SignInAsync(OrganisationApplicant);

        using var response = await applicant.Client.PostAsync(new Uri("/Organisation/Documents", UriKind.Relative), await OrganisationFormAsync(applicant, "PseaPolicy", "Politique PSEA signée.pdf", Padded((10 * 1024 * 1024) + 1)));

        var page = await TestSession.ParseAsync(response);
        Assert.Multiple(() =>
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(SelectedType(page), Is.EqualTo("PseaPolicy"), "the type chosen is kept");
            Assert.That(FileError(page), Does.StartWith("'Politique PSEA signée.pdf' is larger than 10 MB and was not uploaded."));
            Assert.That(page.QuerySelector("#File")?.GetAttribute("aria-describedby"), Does.Contain("File-error"));
        });
        Assert.That(await _app.WithDbAsync(db => db.Attachments.CountAsync(a => a.FileName == "Politique PSEA signée.pdf")), Is.Zero);
    }

    [Test]
    public async Task OrganisationDocument_FarOverTheRequestLimit_KeepsTheChosenTypeAndNamesTheFile()
    {
        using var applicant = await _app.SignInAsync(OrganisationApplicant);

        using var response = await applicant.Client.PostAsync(new Uri("/Organisation/Documents", UriKind.Relative), await OrganisationFormAsync(applicant, "AuditedFinancialStatements", "états financiers.pdf", Padded(16 * 1024 * 1024)));

        var page = await TestSession.ParseAsync(response);
        Assert.Multiple(() =>
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.RequestEntityTooLarge));
            Assert.That(SelectedType(page), Is.EqualTo("AuditedFinancialStatements"));
            Assert.That(FileError(page), Does.StartWith("'états financiers.pdf' is larger than 10 MB and was not uploaded."));
        });
    }

    [Test]
    public async Task OrganisationDocument_UploadCutOffPartway_KeepsTheChosenTypeAndNamesTheFile()
    {
        using var applicant = await _app.SignInAsync(OrganisationApplicant);
        using var whole = await OrganisationFormAsync(applicant, "RegistrationCertificate", "شهادة التسجيل.pdf", Padded(300_000));

        using var response = await applicant.Client.PostAsync(new Uri("/Organisation/Documents", UriKind.Relative), await CutOffAsync(whole, 100_000));

        var page = await TestSession.ParseAsync(response);
        Assert.Multiple(() =>
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(SelectedType(page), Is.EqualTo("RegistrationCertificate"));
            Assert.That(FileError(page), Is.EqualTo("The upload of 'شهادة التسجيل.pdf' did not finish, so it was not received. Choose 'شهادة التسجيل.pdf' again and upload it."));
        });
    }

    [Test]
    public async Task OrganisationDocument_WrongType_KeepsTheChosenTypeGivesTheReasonAndNamesTheFile()
    {
        using var applicant = await _app.SignInAsync(OrganisationApplicant);

        using var response = await applicant.Client.PostAsync(new Uri("/Organisation/Documents", UriKind.Relative), await OrganisationFormAsync(applicant, "PartnerDeclaration", "board.pdf", [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0]));

        var page = await TestSession.ParseAsync(response);
        Assert.Multiple(() =>
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(SelectedType(page), Is.EqualTo("PartnerDeclaration"));
            Assert.That(FileError(page), Does.Contain("does not match its name").And.Contain("'board.pdf' was not uploaded."));
        });
    }

    private static byte[] Padded(int length)
    {
        var content = new byte[length];
        Pdf.CopyTo(content, 0);
        return content;
    }

    /// <summary>The form of a slot of the documents page, fields in the page's order: the slot, the file, then the token.</summary>
    private static async Task<MultipartFormDataContent> ApplicationFormAsync(TestSession session, Guid id, string fileName, byte[] content)
    {
        var (_, page) = await session.GetPageAsync($"/Applications/{id}/Documents");
        var form = new MultipartFormDataContent { { new StringContent("AuditedFinancialStatements"), "DocumentType" } };
        AddFile(form, fileName, content);
        form.Add(new StringContent(Token(page)), "__RequestVerificationToken");
        return form;
    }

    private static async Task<MultipartFormDataContent> OrganisationFormAsync(TestSession session, string type, string fileName, byte[] content)
    {
        var token = await session.AntiforgeryTokenAsync("/Organisation/Documents");
        var form = new MultipartFormDataContent { { new StringContent(type), "DocumentType" } };
        AddFile(form, fileName, content);
        form.Add(new StringContent(token), "__RequestVerificationToken");
        return form;
    }

    private static void AddFile(MultipartFormDataContent form, string fileName, byte[] content)
    {
        var file = new ByteArrayContent(content);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/pdf");
        form.Add(file, "File", fileName);
    }

    /// <summary>The first <paramref name="length"/> bytes of the form, as a server receives an upload cut off partway.</summary>
    private static async Task<ByteArrayContent> CutOffAsync(MultipartFormDataContent whole, int length)
    {
        var bytes = await whole.ReadAsByteArrayAsync();
        var cut = new ByteArrayContent(bytes[..length]);
        cut.Headers.ContentType = whole.Headers.ContentType;
        return cut;
    }

    private static string? SlotError(IHtmlDocument page, string slot) =>
        page.QuerySelector($"[data-slot='{slot}'] [data-file-error]")?.TextContent.Trim();

    private static string? FileError(IHtmlDocument page) =>
        page.QuerySelector("[data-file-error]")?.TextContent.Replace("Error:", string.Empty, StringComparison.Ordinal).Trim();

    private static string? SelectedType(IHtmlDocument page) =>
        (page.QuerySelector("select#DocumentType option[selected]") as IHtmlOptionElement)?.Value;

    private Task<int> AttachedAsync(Guid id) => _app.WithDbAsync(db => db.Attachments.CountAsync(a => a.ApplicationId == id));

    private async Task<(TestSession Session, Guid Id)> NewDraftAsync()
    {
        var call = await CreateOpenCallAsync(_app);
        var session = await _app.SignInAsync(Applicant);
        return (session, await StartAsync(session, call.Id));
    }
}
