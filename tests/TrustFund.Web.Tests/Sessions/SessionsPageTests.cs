using System.Net;
using AngleSharp.Dom;
using Microsoft.EntityFrameworkCore;
using TrustFund.Application.Accounts;
using TrustFund.Application.Audit;
using TrustFund.Web.Tests.Infrastructure;
using static TrustFund.Web.Tests.Infrastructure.TestAccounts;
using static TrustFund.Web.Tests.Sessions.SessionData;

namespace TrustFund.Web.Tests.Sessions;

/// <summary>
/// "Your sessions": each signed-in user sees their own active sessions (device, address, signed in,
/// last seen, this device marked) and ends any one of them, or all the others, with plain forms.
/// </summary>
public sealed class SessionsPageTests
{
    private const string Firefox = "Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:128.0) Gecko/20100101 Firefox/128.0";
    private const string ChromeOnAndroid = "Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.0.0 Mobile Safari/537.36";
    private static readonly IPAddress ClientAddress = IPAddress.Parse("203.0.113.7");
    private TrustFundApp _app = null!;

    [OneTimeSetUp]
    public async Task StartApp() => _app = await new TrustFundApp { ConnectionAddress = ClientAddress }.StartAsync();

    [OneTimeTearDown]
    public void StopApp() => _app.Dispose();

    [Test]
    public async Task SessionsPage_ListsEachActiveSessionWithDeviceAndAddress_ThisDeviceMarked()
    {
        var user = await CreateUserAsync(_app, Roles.Reviewer);
        var laptopAt = _app.Clock.GetUtcNow();
        using var laptop = await SignInFromAsync(user.Email!, Firefox);
        _app.Clock.Advance(TimeSpan.FromMinutes(3));
        using var phone = await SignInFromAsync(user.Email!, ChromeOnAndroid);

        var (response, page) = await laptop.GetPageAsync("/Account/Sessions");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        var table = page.QuerySelector("table[data-sessions]")!;
        Assert.That(table.QuerySelector("caption")?.TextContent, Does.Contain("Your active sessions (2)"));
        Assert.That(table.QuerySelectorAll("thead th[scope=col]").Select(Text), Is.EqualTo(new[] { "Device", "Address", "Signed in (UTC)", "Last seen (UTC)", "Action" }));
        var rows = table.QuerySelectorAll("tbody tr[data-session-id]").ToList();
        Assert.That(rows.Select(r => Text(r.QuerySelector("td[data-label=Device] [data-device]")!)), Is.EquivalentTo(new[] { "Firefox, Windows", "Chrome, Android" }));
        Assert.That(rows.Select(r => Text(r.QuerySelector("td[data-label=Address]")!)), Is.All.EqualTo("203.0.113.7"));
        var current = rows.Single(r => r.GetAttribute("data-current") == "true");
        Assert.That(Text(current.QuerySelector("td[data-label=Device] [data-device]")!), Is.EqualTo("Firefox, Windows"), "this device is the laptop");
        Assert.That(current.QuerySelector("[data-this-device]")?.TextContent, Is.EqualTo("This device"));
        Assert.That(Text(current.QuerySelector("td[data-label='Signed in (UTC)']")!), Is.EqualTo(laptopAt.ToString("d MMM yyyy HH:mm", System.Globalization.CultureInfo.GetCultureInfo("en"))));
        var other = rows.Single(r => r.GetAttribute("data-current") == "false");
        Assert.That(Text(other.QuerySelector("button")!), Does.StartWith("End session").And.Contain("Chrome, Android").And.Contain("203.0.113.7"), "the button names the session it ends");
        Assert.That(Text(current.QuerySelector("button")!), Does.StartWith("Sign out here").And.Contain("Firefox, Windows"));
        Assert.That(page.QuerySelectorAll("main form[method=post] input[name=__RequestVerificationToken]"), Has.Length.EqualTo(3), "a plain form with its token for each session and for ending the others");
        Assert.That(page.QuerySelector("form[action='/Account/Sessions/EndOthers'] button")?.TextContent, Is.EqualTo("End all other sessions"));
    }

    [Test]
    public async Task SessionsPage_BehindAKnownProxy_ShowsTheForwardedClientAddress()
    {
        using var app = await new TrustFundApp(new Dictionary<string, string?> { ["ForwardedHeaders:KnownProxies:0"] = "10.0.0.5" }) { ConnectionAddress = IPAddress.Parse("10.0.0.5") }.StartAsync();
        var user = await CreateUserAsync(app, Roles.Reviewer);
        using var session = app.NewSession();
        session.Client.DefaultRequestHeaders.Add("X-Forwarded-For", "198.51.100.23");
        await session.PostFormAsync("/Account/Login", "/Account/Login", new() { ["Email"] = user.Email!, ["Password"] = TrustFund.Infrastructure.Demo.DemoData.Password });

        var (_, page) = await session.GetPageAsync("/Account/Sessions");

        Assert.That(Text(page.QuerySelector("td[data-label=Address]")!), Is.EqualTo("198.51.100.23"));
        Assert.That((await RowsOfAsync(app, user.Id)).Single().ClientAddress, Is.EqualTo("198.51.100.23"));
    }

    [Test]
    public async Task EndSession_AnotherOfMine_RefusesItsCookieCopiedBefore_AndIsAudited()
    {
        var user = await CreateUserAsync(_app, Roles.Reviewer);
        using var laptop = await SignInFromAsync(user.Email!, Firefox);
        using var phone = await SignInFromAsync(user.Email!, ChromeOnAndroid);
        using var copyOfPhone = _app.CopyOf(phone);
        var phoneId = (await RowsOfAsync(_app, user.Id)).Single(s => s.Device == "Chrome, Android").Id;

        var response = await laptop.PostFormAsync("/Account/Sessions", $"/Account/Sessions/{phoneId:D}/End", []);

        Assert.That(TestSession.IsRedirectTo(response, "/Account/Sessions"), Is.True);
        Assert.That(TestSession.IsRedirectTo(await copyOfPhone.GetAsync("/"), "/Account/Login"), Is.True, "a copy of the ended session");
        Assert.That(TestSession.IsRedirectTo(await phone.GetAsync("/"), "/Account/Login"), Is.True, "the ended session");
        var (_, page) = await laptop.GetPageAsync("/Account/Sessions");
        Assert.That(Notice(page), Does.Contain("The session has ended"));
        Assert.That(page.QuerySelectorAll("tr[data-session-id]").Select(r => r.GetAttribute("data-session-id")), Is.EqualTo(new[] { (await RowsOfAsync(_app, user.Id)).Single().Id.ToString("D") }));
        var audit = await _app.WithDbAsync(db => db.AuditEntries.SingleAsync(e => e.Action == AuditActions.SessionEnded && e.EntityId == user.Id.ToString()));
        Assert.That(audit.Summary, Does.Contain("another session").And.Contain("Chrome, Android from 203.0.113.7"));
        Assert.That(audit.ActorName, Is.EqualTo(user.Email));
    }

    [Test]
    public async Task EndSession_ThisOne_SignsOut()
    {
        var user = await CreateUserAsync(_app, Roles.Reviewer);
        using var session = await SignInFromAsync(user.Email!, Firefox);
        using var copy = _app.CopyOf(session);
        var id = (await RowsOfAsync(_app, user.Id)).Single().Id;

        var response = await session.PostFormAsync("/Account/Sessions", $"/Account/Sessions/{id:D}/End", []);

        Assert.That(TestSession.IsRedirectTo(response, "/Account/Login"), Is.True);
        Assert.That(TestSession.IsRedirectTo(await copy.GetAsync("/"), "/Account/Login"), Is.True);
        Assert.That(await RowsOfAsync(_app, user.Id), Is.Empty);
        Assert.That(await _app.WithDbAsync(db => db.AuditEntries.CountAsync(e => e.Action == AuditActions.SessionEnded && e.EntityId == user.Id.ToString() && e.Summary.Contains("this session"))), Is.EqualTo(1));
    }

    [Test]
    public async Task EndSession_OfAnotherUser_Answers404_AndEndsNothing()
    {
        var owner = await CreateUserAsync(_app, Roles.Reviewer);
        var other = await CreateUserAsync(_app, Roles.Reviewer);
        using var ownerSession = await SignInFromAsync(owner.Email!, Firefox);
        using var otherSession = await SignInFromAsync(other.Email!, ChromeOnAndroid);
        var ownersId = (await RowsOfAsync(_app, owner.Id)).Single().Id;
        var auditBefore = await _app.WithDbAsync(db => db.AuditEntries.CountAsync());

        var response = await otherSession.PostFormAsync("/Account/Sessions", $"/Account/Sessions/{ownersId:D}/End", []);
        var unknown = await otherSession.PostFormAsync("/Account/Sessions", $"/Account/Sessions/{Guid.NewGuid():D}/End", []);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        Assert.That(unknown.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        Assert.That((await ownerSession.GetAsync("/")).StatusCode, Is.EqualTo(HttpStatusCode.OK), "the owner's session goes on");
        Assert.That((await RowsOfAsync(_app, owner.Id)).Select(s => s.Id), Is.EqualTo(new[] { ownersId }));
        Assert.That((await otherSession.GetAsync("/")).StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(await _app.WithDbAsync(db => db.AuditEntries.CountAsync()), Is.EqualTo(auditBefore), "nothing ended, nothing audited");
        var (_, page) = await otherSession.GetPageAsync("/Account/Sessions");
        Assert.That(page.QuerySelector($"tr[data-session-id='{ownersId:D}']"), Is.Null, "another user's session is never listed");
    }

    [Test]
    public async Task EndOtherSessions_EndsAllButThisOne_AndIsAudited()
    {
        var user = await CreateUserAsync(_app, Roles.Reviewer);
        using var here = await SignInFromAsync(user.Email!, Firefox);
        using var phone = await SignInFromAsync(user.Email!, ChromeOnAndroid);
        using var tablet = await SignInFromAsync(user.Email!, "TrustFundTestClient/1.0");
        using var copyOfTablet = _app.CopyOf(tablet);

        var response = await here.PostFormAsync("/Account/Sessions", "/Account/Sessions/EndOthers", []);

        Assert.That(TestSession.IsRedirectTo(response, "/Account/Sessions"), Is.True);
        Assert.That(TestSession.IsRedirectTo(await phone.GetAsync("/"), "/Account/Login"), Is.True);
        Assert.That(TestSession.IsRedirectTo(await copyOfTablet.GetAsync("/"), "/Account/Login"), Is.True);
        var (_, page) = await here.GetPageAsync("/Account/Sessions");
        Assert.That(page.QuerySelectorAll("tr[data-session-id]"), Has.Length.EqualTo(1));
        Assert.That(page.QuerySelector("tr[data-current=true]"), Is.Not.Null);
        Assert.That(page.QuerySelector("form[action='/Account/Sessions/EndOthers']"), Is.Null, "nothing else to end");
        var audit = await _app.WithDbAsync(db => db.AuditEntries.SingleAsync(e => e.Action == AuditActions.OtherSessionsEnded && e.EntityId == user.Id.ToString()));
        Assert.That(audit.Summary, Does.EndWith("ended their other sessions (2)"));
    }

    [Test]
    public async Task SessionsPage_IsLinkedFromTheAccountNavigation()
    {
        using var session = await _app.SignInAsync("reviewer@trustfund.test");

        var (_, page) = await session.GetPageAsync("/Account/TwoFactor");

        Assert.That(page.QuerySelector("nav a[href='/Account/Sessions']")?.TextContent, Is.EqualTo("Your sessions"));
    }

    private async Task<TestSession> SignInFromAsync(string email, string userAgent)
    {
        var session = _app.NewSession();
        session.Client.DefaultRequestHeaders.UserAgent.ParseAdd(userAgent);
        var response = await session.PostFormAsync("/Account/Login", "/Account/Login", new() { ["Email"] = email, ["Password"] = TrustFund.Infrastructure.Demo.DemoData.Password });
        Assert.That(TestSession.IsRedirectTo(response, "/"), Is.True, $"{email} signed in");
        return session;
    }

    private static string Text(IElement element) =>
        System.Text.RegularExpressions.Regex.Replace(element.TextContent, @"\s+", " ").Trim();
}
