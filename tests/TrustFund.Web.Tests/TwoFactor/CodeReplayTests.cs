using System.Net;
using Microsoft.EntityFrameworkCore;
using TrustFund.Application.Accounts;
using TrustFund.Application.Audit;
using TrustFund.Infrastructure.Demo;
using TrustFund.Web.Tests.Infrastructure;
using static TrustFund.Web.Tests.Infrastructure.TestAccounts;

namespace TrustFund.Web.Tests.TwoFactor;

/// <summary>Each authenticator code signs in once: a code seen by someone else cannot be replayed in its window.</summary>
public sealed class CodeReplayTests
{
    private TrustFundApp _app = null!;

    [OneTimeSetUp]
    public async Task StartApp() => _app = await new TrustFundApp().StartAsync();

    [OneTimeTearDown]
    public void StopApp() => _app.Dispose();

    [Test]
    public async Task SignIn_SameCodeTwiceInItsWindow_SecondIsRefused()
    {
        var user = await CreateUserAsync(_app, Roles.FundManager);
        var code = _app.CodeNow((await _app.AuthenticatorKeyAsync(user.Email!))!);
        using var first = _app.NewSession();
        var accepted = await CodeStepAsync(first, user.Email!, code);
        Assert.That(TestSession.IsRedirectTo(accepted, "/"), Is.True, "the first use signs in");
        Assert.That(TestSession.IsRedirectTo(accepted, "/Account"), Is.False);

        using var second = _app.NewSession();
        var replayed = await CodeStepAsync(second, user.Email!, code);

        Assert.That(replayed.StatusCode, Is.EqualTo(HttpStatusCode.OK), "the same code, same clock: refused");
        Assert.That(FieldError(await TestSession.ParseAsync(replayed), "Code"), Does.Contain("each code works once"));
        Assert.That(TestSession.IsRedirectTo(await second.GetAsync("/"), "/Account/Login"), Is.True, "not signed in");
        Assert.That(await _app.WithDbAsync(db => db.AuditEntries.CountAsync(e => e.Action == AuditActions.TwoFactorFailed && e.EntityId == user.Id.ToString())), Is.EqualTo(1));
        Assert.That((await first.GetAsync("/")).StatusCode, Is.EqualTo(HttpStatusCode.OK), "the first session is unaffected");
    }

    [Test]
    public async Task SignIn_CodeOfAnEarlierStepAfterALaterOneWasUsed_IsRefused()
    {
        var user = await CreateUserAsync(_app, Roles.FinanceOfficer);
        var key = (await _app.AuthenticatorKeyAsync(user.Email!))!;
        var now = _app.Clock.GetUtcNow();
        using var first = _app.NewSession();
        Assert.That(TestSession.IsRedirectTo(await CodeStepAsync(first, user.Email!, Totp.At(key, now)), "/Account"), Is.False);

        using var second = _app.NewSession();
        var earlier = await CodeStepAsync(second, user.Email!, Totp.At(key, now.AddSeconds(-30)));

        Assert.That(earlier.StatusCode, Is.EqualTo(HttpStatusCode.OK), "the previous step's code is still in the clock-drift window, but older than the one used");
        Assert.That(TestSession.IsRedirectTo(await second.GetAsync("/"), "/Account/Login"), Is.True);
    }

    [Test]
    public async Task SignIn_NextCodeAfterTheUsedOne_IsAccepted()
    {
        var user = await CreateUserAsync(_app, Roles.Administrator);
        var key = (await _app.AuthenticatorKeyAsync(user.Email!))!;
        using var first = _app.NewSession();
        Assert.That(TestSession.IsRedirectTo(await CodeStepAsync(first, user.Email!, _app.CodeNow(key)), "/Account"), Is.False);

        _app.Clock.Advance(TimeSpan.FromSeconds(30));
        using var second = _app.NewSession();
        var next = await CodeStepAsync(second, user.Email!, _app.CodeNow(key));

        Assert.That(TestSession.IsRedirectTo(next, "/"), Is.True);
        Assert.That(TestSession.IsRedirectTo(next, "/Account"), Is.False, "the app's next code signs in");
    }

    private static async Task<HttpResponseMessage> CodeStepAsync(TestSession session, string email, string code)
    {
        var password = await session.PostFormAsync("/Account/Login", "/Account/Login", new() { ["Email"] = email, ["Password"] = DemoData.Password });
        Assert.That(TestSession.IsRedirectTo(password, "/Account/LoginWith2fa"), Is.True, "a code is asked");
        return await session.PostFormAsync(password.Headers.Location!.OriginalString, "/Account/LoginWith2fa", new() { ["Code"] = code });
    }
}
