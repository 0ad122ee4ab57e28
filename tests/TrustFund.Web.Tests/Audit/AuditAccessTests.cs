using System.Net;
using Microsoft.EntityFrameworkCore;
using TrustFund.Application.Audit;
using TrustFund.Web.Tests.Infrastructure;

namespace TrustFund.Web.Tests.Audit;

public sealed class AuditAccessTests
{
    private TrustFundApp _app = null!;

    [OneTimeSetUp]
    public async Task StartApp() => _app = await new TrustFundApp().StartAsync();

    [OneTimeTearDown]
    public void StopApp() => _app.Dispose();

    [TestCase("applicant@trustfund.test")]
    [TestCase("reviewer@trustfund.test")]
    [TestCase("manager@trustfund.test")]
    [TestCase("finance@trustfund.test")]
    public async Task AuditPages_NonAdministrator_AreForbidden(string email)
    {
        using var session = await _app.SignInAsync(email);

        var (index, indexPage) = await session.GetPageAsync("/Admin/Audit");
        var entry = await session.GetAsync("/Admin/Audit/1");
        var verify = await session.PostFormAsync("/", "/Admin/Audit/Verify", []);

        Assert.That(index.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
        Assert.That(indexPage.QuerySelector("h1")?.TextContent, Is.EqualTo("You do not have access to this page"));
        Assert.That(entry.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
        Assert.That(verify.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
        var verified = await _app.WithDbAsync(db => db.AuditEntries.CountAsync(e => e.Action == AuditActions.ChainVerified));
        Assert.That(verified, Is.Zero, "a refused check does not run");
    }

    [TestCase("/Admin/Audit")]
    [TestCase("/Admin/Audit/1")]
    [TestCase("/Admin/Audit?Action=account.*")]
    public async Task AuditPages_Anonymous_RedirectToSignIn(string url)
    {
        using var session = _app.NewSession();

        var response = await session.GetAsync(url);

        Assert.That(TestSession.IsRedirectTo(response, "/Account/Login?ReturnUrl="), Is.True, $"{(int)response.StatusCode} {response.Headers.Location}");
    }

    [Test]
    public async Task Verify_Anonymous_RedirectsToSignIn()
    {
        using var session = _app.NewSession();
        var token = await session.AntiforgeryTokenAsync("/Account/Login");

        var response = await session.Client.PostAsync(new Uri("/Admin/Audit/Verify", UriKind.Relative), new FormUrlEncodedContent([new("__RequestVerificationToken", token)]));

        Assert.That(TestSession.IsRedirectTo(response, "/Account/Login"), Is.True, $"{(int)response.StatusCode}");
    }
}
