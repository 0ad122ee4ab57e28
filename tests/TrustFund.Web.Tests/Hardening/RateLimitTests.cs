using System.Net;
using TrustFund.Web.Tests.Infrastructure;
using TrustFund.Web.Tests.Organisations;

namespace TrustFund.Web.Tests.Hardening;

public sealed class RateLimitTests
{
    [Test]
    public async Task Login_SameAccountOverItsLimit_Answers429WithRetryAfterAndReadablePage_OtherAccountsGoOn()
    {
        using var app = await LimitedAppAsync(("SignInPerAccount", 3), ("SignInPerClient", 100));
        using var session = app.NewSession();

        for (var attempt = 1; attempt <= 3; attempt++)
        {
            var allowed = await LoginAsync(session, "reviewer@trustfund.test", "not the password at all");
            Assert.That(allowed.StatusCode, Is.EqualTo(HttpStatusCode.OK), $"attempt {attempt}");
        }

        var refused = await LoginAsync(session, " REVIEWER@trustfund.test", "not the password at all");
        await AssertRefusedAsync(refused);
        Assert.That((await LoginAsync(session, "reviewer2@trustfund.test", "not the password at all")).StatusCode, Is.EqualTo(HttpStatusCode.OK));
    }

    [Test]
    public async Task Login_ManyAccountsFromOneClient_Answers429AfterTheClientLimit()
    {
        using var app = await LimitedAppAsync(("SignInPerAccount", 100), ("SignInPerClient", 3));
        using var session = app.NewSession();

        for (var attempt = 1; attempt <= 3; attempt++)
        {
            Assert.That((await LoginAsync(session, $"someone{attempt}@ngo.test", "not the password at all")).StatusCode, Is.EqualTo(HttpStatusCode.OK));
        }

        await AssertRefusedAsync(await LoginAsync(session, "someone-else@ngo.test", "not the password at all"));
    }

    [Test]
    public async Task AccountEmailForms_OverTheClientLimit_Answer429()
    {
        using var app = await LimitedAppAsync(("AccountEmailsPerClient", 2));
        using var session = app.NewSession();

        Assert.That((await session.PostFormAsync("/Account/ForgotPassword", "/Account/ForgotPassword", new() { ["Email"] = "a@ngo.test" })).StatusCode, Is.Not.EqualTo(HttpStatusCode.TooManyRequests));
        Assert.That((await session.PostFormAsync("/Account/ResendConfirmation", "/Account/ResendConfirmation", new() { ["Email"] = "b@ngo.test" })).StatusCode, Is.Not.EqualTo(HttpStatusCode.TooManyRequests));

        await AssertRefusedAsync(await session.PostFormAsync("/Account/ForgotPassword", "/Account/ForgotPassword", new() { ["Email"] = "c@ngo.test" }));
        await AssertRefusedAsync(await session.PostFormAsync("/Account/Register", "/Account/Register", new() { ["Email"] = "d@ngo.test" }));
    }

    [Test]
    public async Task Uploads_OverTheUserLimit_Answer429_OtherUsersGoOn()
    {
        using var app = await LimitedAppAsync(("UploadsPerUser", 2));
        using var applicant = await app.SignInAsync("applicant@trustfund.test");

        for (var upload = 1; upload <= 2; upload++)
        {
            var allowed = await applicant.PostFileAsync("/Organisation/Documents", "/Organisation/Documents", new() { ["DocumentType"] = "PseaPolicy" }, "File", $"policy-{upload}.pdf", MultipartForms.Pdf($"policy {upload}"));
            Assert.That(allowed.StatusCode, Is.Not.EqualTo(HttpStatusCode.TooManyRequests));
        }

        await AssertRefusedAsync(await applicant.PostFileAsync("/Organisation/Documents", "/Organisation/Documents", new() { ["DocumentType"] = "PseaPolicy" }, "File", "policy-3.pdf", MultipartForms.Pdf("policy 3")));
        using var other = await app.SignInAsync("applicant2@trustfund.test");
        var otherUpload = await other.PostFileAsync("/Organisation/Documents", "/Organisation/Documents", new() { ["DocumentType"] = "PseaPolicy" }, "File", "policy-other.pdf", MultipartForms.Pdf("other"));
        Assert.That(otherUpload.StatusCode, Is.Not.EqualTo(HttpStatusCode.TooManyRequests));
    }

    [Test]
    public async Task DocumentPdfs_OverTheUserLimit_Answer429_OnScreenVersionsAndOtherUsersGoOn()
    {
        using var app = await LimitedAppAsync(("DocumentsPerUser", 2));
        using var manager = await app.SignInAsync("manager@trustfund.test");
        var call = Guid.NewGuid();

        // Every request counts, whatever it answers: an unknown call is enough and needs no browser.
        for (var request = 1; request <= 2; request++)
        {
            Assert.That((await manager.GetAsync($"/calls/{call}/board-pack.pdf")).StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        }

        await AssertRefusedAsync(await manager.GetAsync($"/calls/{call}/board-pack.pdf"));
        await AssertRefusedAsync(await manager.GetAsync($"/applications/{Guid.NewGuid()}/dossier.pdf"));
        Assert.That((await manager.GetAsync($"/calls/{call}/board-pack")).StatusCode, Is.EqualTo(HttpStatusCode.NotFound), "the on-screen version is not limited");
        using var applicant = await app.SignInAsync("applicant@trustfund.test");
        Assert.That((await applicant.GetAsync($"/applications/{Guid.NewGuid()}/dossier.pdf")).StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
    }

    private static async Task<TrustFundApp> LimitedAppAsync(params (string Rule, int Limit)[] rules)
    {
        var settings = new Dictionary<string, string?> { ["RateLimits:Enabled"] = "true" };
        foreach (var (rule, limit) in rules)
        {
            settings[$"RateLimits:{rule}:PermitLimit"] = limit.ToString(System.Globalization.CultureInfo.InvariantCulture);
            settings[$"RateLimits:{rule}:Window"] = "01:00:00";
        }

        return await new TrustFundApp(settings).StartAsync();
    }

    private static Task<HttpResponseMessage> LoginAsync(TestSession session, string email, string password) =>
        session.PostFormAsync("/Account/Login", "/Account/Login", new() { ["Email"] = email, ["Password"] = password });

    private static async Task AssertRefusedAsync(HttpResponseMessage response)
    {
        var page = await TestSession.ParseAsync(response);
        Assert.Multiple(() =>
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.TooManyRequests));
            Assert.That(response.Headers.RetryAfter?.Delta, Is.Not.Null.And.GreaterThan(TimeSpan.Zero));
            Assert.That(page.QuerySelector("h1")?.TextContent, Is.EqualTo("Too many attempts"));
            Assert.That(page.Body!.TextContent, Does.Contain("wait"));
        });
    }
}
