using System.Net;
using Microsoft.EntityFrameworkCore;
using TrustFund.Web.Tests.Infrastructure;
using static TrustFund.Web.Tests.Applications.ApplicantJourney;

namespace TrustFund.Web.Tests.Applications;

/// <summary>Another organisation's application or document, asked for by id, does not exist for the asker.</summary>
public sealed class AccessTests
{
    private TrustFundApp _app = null!;
    private Guid _applicationId;
    private Guid _attachmentId;

    [OneTimeSetUp]
    public async Task StartApp()
    {
        _app = await new TrustFundApp().StartAsync();
        var call = await CreateOpenCallAsync(_app);
        using var owner = await _app.SignInAsync(PendingApplicant);
        _applicationId = await StartAsync(owner, call.Id);
        await UploadAsync(owner, _applicationId, "Other", "private.pdf", Pdf);
        _attachmentId = await _app.WithDbAsync(db => db.Attachments.Where(a => a.ApplicationId == _applicationId).Select(a => a.Id).SingleAsync());
    }

    [OneTimeTearDown]
    public void StopApp() => _app.Dispose();

    [TestCase("")]
    [TestCase("/Project")]
    [TestCase("/Beneficiaries")]
    [TestCase("/Assistance")]
    [TestCase("/Budget")]
    [TestCase("/Documents")]
    [TestCase("/Declarations")]
    [TestCase("/Submit")]
    [TestCase("/Receipt")]
    [TestCase("/Withdraw")]
    [TestCase("/Versions/Compare?from=1&to=1")]
    public async Task Get_OtherOrganisationsApplication_IsNotFound(string page)
    {
        using var session = await _app.SignInAsync(Applicant);

        var response = await session.GetAsync($"/Applications/{_applicationId}{page}");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
    }

    [TestCase("/Project")]
    [TestCase("/Budget")]
    [TestCase("/Declarations")]
    [TestCase("/Submit")]
    [TestCase("/Withdraw")]
    public async Task Post_OtherOrganisationsApplication_IsNotFoundAndChangesNothing(string page)
    {
        using var session = await _app.SignInAsync(Applicant);
        var token = await session.AntiforgeryTokenAsync("/Applications");

        var response = await PostWithTokenAsync(session, $"/Applications/{_applicationId}{page}", token, new() { ["Title"] = "Hijacked", ["Reason"] = "Hijacked", ["Command"] = "add" });

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        var application = await ReadAsync(_app, _applicationId);
        Assert.That(application.Title, Is.Not.EqualTo("Hijacked"));
        Assert.That(application.Status, Is.EqualTo(TrustFund.Domain.Applications.ApplicationStatus.Draft));
    }

    [Test]
    public async Task Download_OtherOrganisationsDocument_IsNotFound()
    {
        using var session = await _app.SignInAsync(Applicant);

        var response = await session.GetAsync($"/Applications/{_applicationId}/Documents/{_attachmentId}");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
    }

    [Test]
    public async Task Download_DocumentThroughAnotherApplication_IsNotFound()
    {
        var call = await CreateOpenCallAsync(_app);
        using var session = await _app.SignInAsync(Applicant);
        var own = await StartAsync(session, call.Id);

        var response = await session.GetAsync($"/Applications/{own}/Documents/{_attachmentId}");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
    }

    [Test]
    public async Task Upload_OrRemoveOnOtherOrganisationsApplication_IsNotFound()
    {
        using var session = await _app.SignInAsync(Applicant);
        var token = await session.AntiforgeryTokenAsync("/Applications");
        using var form = new MultipartFormDataContent
        {
            { new StringContent(token), "__RequestVerificationToken" },
            { new StringContent("Other"), "DocumentType" },
            { new ByteArrayContent(Pdf), "File", "a.pdf" },
        };

        var upload = await session.Client.PostAsync(new Uri($"/Applications/{_applicationId}/Documents", UriKind.Relative), form);
        var remove = await PostWithTokenAsync(session, $"/Applications/{_applicationId}/Documents/{_attachmentId}/Remove", token, []);

        Assert.That(upload.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        Assert.That(remove.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        Assert.That(await _app.WithDbAsync(db => db.Attachments.CountAsync(a => a.ApplicationId == _applicationId)), Is.EqualTo(1));
    }

    [Test]
    public async Task Download_ByFundManager_OfADocumentOnlyADraftHas_IsNotFound()
    {
        // A document no submitted version relied on is still the organisation's own, even through the
        // applicant's page (the managers' downloads of submitted documents: ScreeningVersionTests).
        using var session = await _app.SignInAsync("manager@trustfund.test");

        var response = await session.GetAsync($"/Applications/{_applicationId}/Documents/{_attachmentId}");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
    }

    [TestCase("reviewer@trustfund.test")]
    [TestCase("finance@trustfund.test")]
    [TestCase("admin@trustfund.test")]
    public async Task Download_ByOtherRoles_IsNotFound(string email)
    {
        using var session = await _app.SignInAsync(email);

        var response = await session.GetAsync($"/Applications/{_applicationId}/Documents/{_attachmentId}");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
    }

    [Test]
    public async Task Download_Anonymous_IsSentToSignIn()
    {
        using var session = _app.NewSession();

        var response = await session.GetAsync($"/Applications/{_applicationId}/Documents/{_attachmentId}");

        Assert.That(TestSession.IsRedirectTo(response, "/Account/Login"), Is.True);
    }

    [TestCase("manager@trustfund.test")]
    [TestCase("reviewer@trustfund.test")]
    public async Task MyApplications_NonApplicant_IsForbidden(string email)
    {
        using var session = await _app.SignInAsync(email);

        var response = await session.GetAsync("/Applications");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden).Or.EqualTo(HttpStatusCode.Redirect));
    }
}
