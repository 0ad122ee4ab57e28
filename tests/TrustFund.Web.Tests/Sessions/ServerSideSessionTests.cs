using System.Net;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using TrustFund.Application.Accounts;
using TrustFund.Application.Audit;
using TrustFund.Infrastructure.Demo;
using TrustFund.Web.Tests.Infrastructure;
using static TrustFund.Web.Tests.Infrastructure.TestAccounts;
using static TrustFund.Web.Tests.Sessions.SessionData;

namespace TrustFund.Web.Tests.Sessions;

/// <summary>
/// Sessions live on the server and the cookie holds only a key: whatever ends a session (signing out,
/// signing out everywhere, deactivation, removal from an organisation, a password change or reset)
/// refuses a copy of its cookie taken before, on the very next request, without waiting for the
/// minute of the security-stamp check. The app's clock does not move in these tests unless said.
/// </summary>
public sealed class ServerSideSessionTests
{
    private const string AuthCookie = "TrustFund.Auth";
    private const string NewPassword = "a brand new passphrase";
    private TrustFundApp _app = null!;

    [OneTimeSetUp]
    public async Task StartApp() => _app = await new TrustFundApp().StartAsync();

    [OneTimeTearDown]
    public void StopApp() => _app.Dispose();

    [Test]
    public async Task SignOut_CookieCopiedBefore_IsRefusedOnTheNextRequest()
    {
        var user = await CreateUserAsync(_app, Roles.Reviewer);
        using var session = await _app.SignInAsync(user.Email!);
        using var copy = _app.CopyOf(session);
        Assert.That((await copy.GetAsync("/")).StatusCode, Is.EqualTo(HttpStatusCode.OK), "the copy works while the session lasts");

        var response = await session.PostFormAsync("/", "/Account/Logout", []);

        Assert.That(TestSession.IsRedirectTo(response, "/Account/Login"), Is.True);
        Assert.That(TestSession.IsRedirectTo(await copy.GetAsync("/"), "/Account/Login"), Is.True, "the copied cookie is refused at once");
        Assert.That(await RowsOfAsync(_app, user.Id), Is.Empty, "the session is gone from the server");
    }

    [Test]
    public async Task SignOutEverywhere_EverySessionAndEveryCopy_IsRefusedAtOnce()
    {
        var user = await CreateUserAsync(_app, Roles.Reviewer);
        using var here = await _app.SignInAsync(user.Email!);
        using var elsewhere = await _app.SignInAsync(user.Email!);
        using var copyOfHere = _app.CopyOf(here);
        using var copyOfElsewhere = _app.CopyOf(elsewhere);

        await here.PostFormAsync("/Account/ChangePassword", "/Account/SignOutEverywhere", []);

        foreach (var (name, session) in new[] { ("here", here), ("elsewhere", elsewhere), ("copy of here", copyOfHere), ("copy of elsewhere", copyOfElsewhere) })
        {
            Assert.That(TestSession.IsRedirectTo(await session.GetAsync("/"), "/Account/Login"), Is.True, name);
        }

        Assert.That(await RowsOfAsync(_app, user.Id), Is.Empty);
    }

    [Test]
    public async Task Deactivation_CookieCopiedBefore_IsRefusedAtOnce()
    {
        var user = await CreateUserAsync(_app, Roles.Reviewer);
        using var session = await _app.SignInAsync(user.Email!);
        using var copy = _app.CopyOf(session);
        using var admin = await _app.SignInAsync(AdminEmail);

        var response = await admin.PostFormAsync($"/Admin/Users/{user.Id:D}", $"/Admin/Users/{user.Id:D}/Deactivate", new() { ["Reason"] = "Left the Secretariat" });

        Assert.That(TestSession.IsRedirectTo(response, $"/Admin/Users/{user.Id:D}"), Is.True);
        Assert.That(TestSession.IsRedirectTo(await copy.GetAsync("/"), "/Account/Login"), Is.True, "the copy");
        Assert.That(TestSession.IsRedirectTo(await session.GetAsync("/"), "/Account/Login"), Is.True, "the session itself");
        Assert.That(await RowsOfAsync(_app, user.Id), Is.Empty);
        Assert.That((await admin.GetAsync("/Admin/Users")).StatusCode, Is.EqualTo(HttpStatusCode.OK), "the administrator's own session goes on");
    }

    [Test]
    public async Task MemberRemoval_CookieCopiedBefore_IsRefusedAtOnce()
    {
        var remover = await CreateUserAsync(_app, Roles.Applicant, withOrganisation: true);
        var leaving = await CreateUserAsync(_app, Roles.Applicant);
        await _app.WithDbAsync(db => db.Users.Where(u => u.Id == leaving.Id).ExecuteUpdateAsync(u => u.SetProperty(x => x.OrganisationId, remover.OrganisationId)));
        using var leavingSession = await _app.SignInAsync(leaving.Email!);
        using var copy = _app.CopyOf(leavingSession);
        using var removerSession = await _app.SignInAsync(remover.Email!);
        Assert.That((await copy.GetAsync("/Organisation/Members")).StatusCode, Is.EqualTo(HttpStatusCode.OK));

        var response = await removerSession.PostFormAsync("/Organisation/Members", $"/Organisation/Members/{leaving.Id:D}/Remove", []);

        Assert.That(TestSession.IsRedirectTo(response, "/Organisation/Members"), Is.True);
        Assert.That(TestSession.IsRedirectTo(await copy.GetAsync("/Organisation/Members"), "/Account/Login"), Is.True, "the copy");
        Assert.That(TestSession.IsRedirectTo(await leavingSession.GetAsync("/"), "/Account/Login"), Is.True, "the session itself");
        Assert.That(await RowsOfAsync(_app, leaving.Id), Is.Empty);
        Assert.That((await removerSession.GetAsync("/Organisation/Members")).StatusCode, Is.EqualTo(HttpStatusCode.OK));
    }

    [Test]
    public async Task ChangePassword_OtherSessionsAndTheirCopies_AreRefusedAtOnce_TheChangingSessionGoesOn()
    {
        var user = await CreateUserAsync(_app, Roles.Reviewer);
        using var changing = await _app.SignInAsync(user.Email!);
        using var other = await _app.SignInAsync(user.Email!);
        using var copyOfOther = _app.CopyOf(other);
        var changingSessionId = (await RowsOfAsync(_app, user.Id)).OrderBy(s => s.CreatedAtUtc).First().Id;

        var response = await changing.PostFormAsync("/Account/ChangePassword", "/Account/ChangePassword", new()
        {
            ["CurrentPassword"] = DemoData.Password,
            ["NewPassword"] = NewPassword,
            ["ConfirmPassword"] = NewPassword,
        });

        Assert.That(TestSession.IsRedirectTo(response, "/"), Is.True);
        Assert.That(TestSession.IsRedirectTo(await copyOfOther.GetAsync("/"), "/Account/Login"), Is.True, "a copy of another session");
        Assert.That(TestSession.IsRedirectTo(await other.GetAsync("/"), "/Account/Login"), Is.True, "another session");
        Assert.That((await changing.GetAsync("/")).StatusCode, Is.EqualTo(HttpStatusCode.OK), "the session that changed the password is signed in again with the new stamp");
        Assert.That((await RowsOfAsync(_app, user.Id)).Select(s => s.Id), Is.EqualTo(new[] { changingSessionId }));
        _app.Clock.Advance(TimeSpan.FromSeconds(61));
        Assert.That((await changing.GetAsync("/")).StatusCode, Is.EqualTo(HttpStatusCode.OK), "and passes the next security-stamp check");
    }

    [Test]
    public async Task ResetPassword_EverySessionAndEveryCopy_IsRefusedAtOnce()
    {
        var user = await CreateUserAsync(_app, Roles.Reviewer);
        using var session = await _app.SignInAsync(user.Email!);
        using var copy = _app.CopyOf(session);
        using (var request = _app.NewSession())
        {
            await request.PostFormAsync("/Account/ForgotPassword", "/Account/ForgotPassword", new() { ["Email"] = user.Email! });
        }

        var link = await LinkInLatestEmailAsync(_app, user.Email!, "/Account/ResetPassword");
        var query = Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(new Uri("http://x" + link).Query);
        using var resetting = _app.NewSession();
        var response = await resetting.PostFormAsync(link, "/Account/ResetPassword", new()
        {
            ["UserId"] = query["userId"].ToString(),
            ["Code"] = query["code"].ToString(),
            ["Password"] = NewPassword,
            ["ConfirmPassword"] = NewPassword,
        });

        Assert.That(TestSession.IsRedirectTo(response, "/Account/Login"), Is.True);
        Assert.That(TestSession.IsRedirectTo(await copy.GetAsync("/"), "/Account/Login"), Is.True, "the copy");
        Assert.That(TestSession.IsRedirectTo(await session.GetAsync("/"), "/Account/Login"), Is.True, "the session itself");
        Assert.That(await RowsOfAsync(_app, user.Id), Is.Empty);
    }

    [Test]
    public async Task ExpiredSession_IsRefused_AndItsRowRemoved()
    {
        var user = await CreateUserAsync(_app, Roles.Reviewer);
        using var session = await _app.SignInAsync(user.Email!);
        Assert.That(await RowsOfAsync(_app, user.Id), Has.Count.EqualTo(1));

        _app.Clock.Advance(WebIdleTimeout + TimeSpan.FromSeconds(1));

        Assert.That(TestSession.IsRedirectTo(await session.GetAsync("/"), "/Account/Login"), Is.True);
        Assert.That(await RowsOfAsync(_app, user.Id), Is.Empty, "an expired session found on use is deleted");
    }

    [Test]
    public async Task ExpiredSessions_NeverUsedAgain_AreRemovedAtTheNextSignIn()
    {
        var idle = await CreateUserAsync(_app, Roles.Reviewer);
        using (await _app.SignInAsync(idle.Email!))
        {
        }

        _app.Clock.Advance(WebIdleTimeout + TimeSpan.FromSeconds(1));
        var someoneElse = await CreateUserAsync(_app, Roles.Reviewer);
        using var next = await _app.SignInAsync(someoneElse.Email!);

        Assert.That(await RowsOfAsync(_app, idle.Id), Is.Empty, "anyone's sign-in sweeps the expired rows");
        var now = _app.Clock.GetUtcNow().UtcDateTime;
        Assert.That(await AllRowsAsync(_app), Has.All.Matches<TrustFund.Infrastructure.Identity.Sessions.SignInSession>(s => s.ExpiresAtUtc > now));
    }

    [Test]
    public async Task SessionRow_ExpiresAtTheIdleLimit_MovesWithUseAboutOnceAMinute_NeverPastTheAbsoluteLimit()
    {
        var user = await CreateUserAsync(_app, Roles.Reviewer);
        using var session = await _app.SignInAsync(user.Email!);
        var signedIn = (await RowsOfAsync(_app, user.Id)).Single();
        Assert.That(signedIn.ExpiresAtUtc, Is.EqualTo(signedIn.CreatedAtUtc + WebIdleTimeout));

        _app.Clock.Advance(TimeSpan.FromSeconds(30));
        for (var i = 0; i < 5; i++)
        {
            Assert.That((await session.GetAsync("/")).StatusCode, Is.EqualTo(HttpStatusCode.OK));
        }

        var withinAMinute = (await RowsOfAsync(_app, user.Id)).Single();
        Assert.That(withinAMinute.LastSeenAtUtc, Is.EqualTo(signedIn.LastSeenAtUtc), "requests within the minute write nothing");
        Assert.That(withinAMinute.Ticket, Is.EqualTo(signedIn.Ticket));

        _app.Clock.Advance(TimeSpan.FromSeconds(31));
        await session.GetAsync("/");
        var renewed = (await RowsOfAsync(_app, user.Id)).Single();
        var now = _app.Clock.GetUtcNow().UtcDateTime;
        Assert.That(renewed.LastSeenAtUtc, Is.EqualTo(now), "past the minute the session is renewed");
        Assert.That(renewed.ExpiresAtUtc, Is.EqualTo(now + WebIdleTimeout));

        var lastRequest = signedIn.CreatedAtUtc + TimeSpan.FromMinutes(7 * 60 + 45);
        while (_app.Clock.GetUtcNow().UtcDateTime + TimeSpan.FromMinutes(15) < lastRequest)
        {
            _app.Clock.Advance(TimeSpan.FromMinutes(15));
            Assert.That((await session.GetAsync("/")).StatusCode, Is.EqualTo(HttpStatusCode.OK));
        }

        _app.Clock.SetUtcNow(lastRequest);
        Assert.That((await session.GetAsync("/")).StatusCode, Is.EqualTo(HttpStatusCode.OK));
        var late = (await RowsOfAsync(_app, user.Id)).Single();
        Assert.That(late.ExpiresAtUtc, Is.EqualTo(late.CreatedAtUtc + TrustFund.Web.Hosting.WebServices.AbsoluteTimeout), "the idle limit would pass the 8 hours: the row ends at 8 hours");
        Assert.That(late.CreatedAtUtc, Is.EqualTo(signedIn.CreatedAtUtc));
    }

    [Test]
    public async Task Cookie_CarriesOnlyASessionKey_AndTheStoredTicketIsProtected()
    {
        var user = await CreateUserAsync(_app, Roles.Reviewer);
        using var session = await _app.SignInAsync(user.Email!);
        var cookie = session.Cookies!.GetAllCookies().Single(c => c.Name == AuthCookie).Value;

        var options = _app.Services.GetRequiredService<IOptionsMonitor<CookieAuthenticationOptions>>().Get(IdentityConstants.ApplicationScheme);
        var inCookie = options.TicketDataFormat.Unprotect(cookie)!;
        var claims = inCookie.Principal.Claims.ToList();
        Assert.That(claims, Has.Count.EqualTo(1), string.Join(", ", claims.Select(c => c.Type)));
        Assert.That(claims[0].Type, Does.EndWith("SessionId"));
        Assert.That(inCookie.Properties.Items, Is.Empty, "no sign-in time, expiry or anything else in the cookie");

        var row = (await RowsOfAsync(_app, user.Id)).Single();
        var stamp = (await FindUserAsync(_app, user.Email!))!.SecurityStamp!;
        Assert.That(row.KeyHash, Is.EqualTo(SHA256.HashData(Encoding.UTF8.GetBytes(claims[0].Value))), "the row keeps the key's hash, not the key");
        Assert.That(row.Id.ToString(), Is.Not.EqualTo(claims[0].Value), "the id shown on the sessions page is not the key");
        Assert.That(row.Ticket.Take(4), Is.EqualTo(new byte[] { 0x09, 0xF0, 0xC9, 0xF0 }), "a Data Protection payload");
        var stored = Encoding.UTF8.GetString(row.Ticket) + Encoding.Unicode.GetString(row.Ticket);
        Assert.Multiple(() =>
        {
            foreach (var secret in new[] { user.Email!, user.Id.ToString(), stamp, Roles.Reviewer, "Test Reviewer" })
            {
                Assert.That(stored, Does.Not.Contain(secret).IgnoreCase, "the stored ticket's claims are encrypted");
            }
        });
    }

    [Test]
    public async Task AnotherInstance_RefusesACopyOfASessionEndedOnTheFirst()
    {
        var user = await CreateUserAsync(_app, Roles.Reviewer);
        using var session = await _app.SignInAsync(user.Email!);
        using var second = new TrustFundApp(new Dictionary<string, string?> { ["ConnectionStrings:TrustFund"] = _app.ConnectionString });
        second.Clock.SetUtcNow(_app.Clock.GetUtcNow());
        using var copyOnSecond = second.CopyOf(session);
        Assert.That((await copyOnSecond.GetAsync("/")).StatusCode, Is.EqualTo(HttpStatusCode.OK), "the second instance reads the same session");

        await session.PostFormAsync("/", "/Account/Logout", []);

        Assert.That(TestSession.IsRedirectTo(await copyOnSecond.GetAsync("/"), "/Account/Login"), Is.True);
    }

    [Test]
    public async Task SignIn_InABrowserHoldingAnotherAccountsSession_StartsANewSession_AndEndsTheHeldOne()
    {
        var planter = await CreateUserAsync(_app, Roles.Reviewer);
        var victim = await CreateUserAsync(_app, Roles.Reviewer);
        using var planterSession = await _app.SignInAsync(planter.Email!);
        using var browser = _app.CopyOf(planterSession);
        var planted = browser.Cookies!.GetAllCookies().Single(c => c.Name == AuthCookie).Value;

        var (form, _) = await browser.GetPageAsync("/Account/Login");
        var response = await browser.PostFormAsync("/Account/Login", "/Account/Login", new() { ["Email"] = victim.Email!, ["Password"] = DemoData.Password });

        Assert.That(form.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(TestSession.IsRedirectTo(response, "/"), Is.True, "signed in");
        var issued = browser.Cookies!.GetAllCookies().Single(c => c.Name == AuthCookie).Value;
        Assert.That(issued, Is.Not.EqualTo(planted));
        Assert.That(TestSession.IsRedirectTo(await planterSession.GetAsync("/"), "/Account/Login"), Is.True, "the planted session ended, so its holder cannot follow the victim");
        Assert.That(await RowsOfAsync(_app, planter.Id), Is.Empty);
        Assert.That(await RowsOfAsync(_app, victim.Id), Has.Count.EqualTo(1));
        var (_, sessions) = await browser.GetPageAsync("/Account/Sessions");
        Assert.That(sessions.QuerySelectorAll("tr[data-session-id]"), Has.Length.EqualTo(1));
        var audit = await _app.WithDbAsync(db => db.AuditEntries.Where(e => e.Action == AuditActions.SignInSucceeded && e.EntityId == victim.Id.ToString()).CountAsync());
        Assert.That(audit, Is.EqualTo(1));
    }

    private static TimeSpan WebIdleTimeout => TrustFund.Web.Hosting.WebServices.IdleTimeout;
}
