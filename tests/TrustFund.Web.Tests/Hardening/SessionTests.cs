using System.Net;
using Microsoft.EntityFrameworkCore;
using TrustFund.Application.Accounts;
using TrustFund.Application.Audit;
using TrustFund.Web.Tests.Infrastructure;
using static TrustFund.Web.Tests.Infrastructure.TestAccounts;

namespace TrustFund.Web.Tests.Hardening;

public sealed class SessionTests
{
    private const string AuthCookie = "TrustFund.Auth";
    private TrustFundApp _app = null!;

    [OneTimeSetUp]
    public async Task StartApp() => _app = await new TrustFundApp().StartAsync();

    [OneTimeTearDown]
    public void StopApp() => _app.Dispose();

    [Test]
    public async Task SignOutEverywhere_EndsThisSessionNowAndTheOthersWithinAMinute()
    {
        var user = await CreateUserAsync(_app, Roles.Reviewer);
        using var here = await _app.SignInAsync(user.Email!);
        using var elsewhere = await _app.SignInAsync(user.Email!);

        var response = await here.PostFormAsync("/Account/ChangePassword", "/Account/SignOutEverywhere", []);

        Assert.That(TestSession.IsRedirectTo(response, "/Account/Login"), Is.True);
        Assert.That(TestSession.IsRedirectTo(await here.GetAsync("/"), "/Account/Login"), Is.True, "This session ends at once");
        _app.Clock.Advance(TimeSpan.FromSeconds(61));
        Assert.That(TestSession.IsRedirectTo(await elsewhere.GetAsync("/"), "/Account/Login"), Is.True, "Other sessions end within a minute");
        var audited = await _app.WithDbAsync(db => db.AuditEntries.AnyAsync(e => e.Action == AuditActions.SignedOutEverywhere && e.EntityId == user.Id.ToString()));
        Assert.That(audited, Is.True);
        using var again = await _app.SignInAsync(user.Email!);
    }

    [Test]
    public async Task Session_IdleForMoreThan20Minutes_Ends()
    {
        var user = await CreateUserAsync(_app, Roles.Reviewer);
        using var session = await _app.SignInAsync(user.Email!);

        _app.Clock.Advance(TimeSpan.FromMinutes(19));
        Assert.That((await session.GetAsync("/")).StatusCode, Is.EqualTo(HttpStatusCode.OK), "19 idle minutes are fine");
        _app.Clock.Advance(TimeSpan.FromMinutes(21));

        Assert.That(TestSession.IsRedirectTo(await session.GetAsync("/"), "/Account/Login"), Is.True);
    }

    [Test]
    public async Task Session_ActiveForMoreThan8Hours_Ends()
    {
        var user = await CreateUserAsync(_app, Roles.Reviewer);
        using var session = await _app.SignInAsync(user.Email!);

        for (var elapsed = TimeSpan.Zero; elapsed < TimeSpan.FromHours(8) - TimeSpan.FromMinutes(15); elapsed += TimeSpan.FromMinutes(15))
        {
            _app.Clock.Advance(TimeSpan.FromMinutes(15));
            Assert.That((await session.GetAsync("/")).StatusCode, Is.EqualTo(HttpStatusCode.OK), $"Active after {elapsed + TimeSpan.FromMinutes(15)}");
        }

        _app.Clock.Advance(TimeSpan.FromMinutes(16));
        Assert.That(TestSession.IsRedirectTo(await session.GetAsync("/"), "/Account/Login"), Is.True);
    }

    [Test]
    public async Task SignIn_Twice_IssuesANewSessionCookieEachTime()
    {
        using var session = _app.NewSession();
        var first = await SignInWithAsync(session);
        await session.PostFormAsync("/Account/ChangePassword", "/Account/Logout", []);
        var second = await SignInWithAsync(session);

        Assert.That(first, Is.Not.Empty);
        Assert.That(second, Is.Not.Empty.And.Not.EqualTo(first));
    }

    [Test]
    public async Task SignIn_CookieChosenBeforeSignIn_IsReplacedAndNeverAuthenticates()
    {
        using var session = _app.NewSession();
        var (_, loginPage) = await session.GetPageAsync("/Account/Login");
        const string planted = "attacker-chosen-session-value";
        session.Client.DefaultRequestHeaders.Add("Cookie", $"{AuthCookie}={planted}");

        Assert.That(TestSession.IsRedirectTo(await session.GetAsync("/"), "/Account/Login"), Is.True, "A planted or pre-sign-in cookie is not a session");
        session.Client.DefaultRequestHeaders.Remove("Cookie");
        var issued = await SignInWithAsync(session);

        Assert.That(issued, Is.Not.Empty.And.Not.EqualTo(planted));
        using var withPlanted = _app.NewSession();
        withPlanted.Client.DefaultRequestHeaders.Add("Cookie", $"{AuthCookie}={planted}");
        Assert.That(TestSession.IsRedirectTo(await withPlanted.GetAsync("/"), "/Account/Login"), Is.True);
        Assert.That(loginPage.QuerySelector("form"), Is.Not.Null);
    }

    /// <summary>Signs the demo reviewer in and returns the session cookie the app issued.</summary>
    private static async Task<string> SignInWithAsync(TestSession session)
    {
        var response = await session.PostFormAsync("/Account/Login", "/Account/Login", new() { ["Email"] = "reviewer@trustfund.test", ["Password"] = TrustFund.Infrastructure.Demo.DemoData.Password });
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
        var cookies = response.Headers.TryGetValues("Set-Cookie", out var values) ? values : [];
        return cookies
            .Select(c => c.Split(';')[0])
            .Where(c => c.StartsWith(AuthCookie + "=", StringComparison.Ordinal))
            .Select(c => c[(AuthCookie.Length + 1)..])
            .LastOrDefault() ?? string.Empty;
    }
}
