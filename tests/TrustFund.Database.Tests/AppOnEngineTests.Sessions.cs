using System.Net;
using Microsoft.AspNetCore.Mvc.Testing.Handlers;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TrustFund.Infrastructure.Demo;
using TrustFund.Infrastructure.Identity.Sessions;
using TrustFund.Infrastructure.Persistence;

namespace TrustFund.Database.Tests;

/// <summary>Signed-in sessions kept in the engine's <c>SignInSessions</c> table: started, read, renewed, listed and ended.</summary>
public sealed partial class AppOnEngineTests
{
    [Test]
    public async Task SignInSessions_AreStartedReadRenewedListedAndEnded_OnTheEngine()
    {
        const string email = "applicant@trustfund.test";
        var userId = await UserIdAsync(email);
        var (here, _) = NewBrowser();
        var (elsewhere, elsewhereCookies) = NewBrowser();
        Assert.That((await PostLoginAsync(here, email, DemoData.Password)).StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
        Assert.That((await PostLoginAsync(elsewhere, email, DemoData.Password)).StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
        var (copyOfElsewhere, copyCookies) = NewBrowser();
        copyCookies.Add(elsewhereCookies.GetAllCookies());

        var listed = await here.GetStringAsync(new Uri("/Account/Sessions", UriKind.Relative));
        var started = await SessionsOfAsync(userId);
        Clock.Advance(TimeSpan.FromSeconds(61));
        var renewedResponse = await here.GetAsync(new Uri("/Account/Sessions", UriKind.Relative));
        var renewed = await SessionsOfAsync(userId);
        var copyBefore = await copyOfElsewhere.GetAsync(new Uri("/Account/Sessions", UriKind.Relative));
        var endOthers = await PostAsync(here, "/Account/Sessions", "/Account/Sessions/EndOthers");
        var copyAfter = await copyOfElsewhere.GetAsync(new Uri("/Account/Sessions", UriKind.Relative));
        var afterEndOthers = await SessionsOfAsync(userId);
        await PostAsync(here, "/Account/Sessions", "/Account/Logout");
        var afterSignOut = await SessionsOfAsync(userId);

        Assert.Multiple(() =>
        {
            Assert.That(started, Has.Count.EqualTo(2));
            Assert.That(System.Text.RegularExpressions.Regex.Count(listed, "data-session-id="), Is.EqualTo(2), "both sessions are listed");
            Assert.That(renewedResponse.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(renewed.Max(s => s.LastSeenAtUtc), Is.GreaterThan(started.Max(s => s.LastSeenAtUtc)), "a minute later the session is renewed");
            Assert.That(renewed.Max(s => s.ExpiresAtUtc), Is.GreaterThan(started.Max(s => s.ExpiresAtUtc)));
            Assert.That(copyBefore.StatusCode, Is.EqualTo(HttpStatusCode.OK), "a copy of the other session works until it is ended");
            Assert.That(endOthers.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
            Assert.That(copyAfter.StatusCode, Is.EqualTo(HttpStatusCode.Redirect), "and is refused once ended");
            Assert.That(copyAfter.Headers.Location?.OriginalString, Does.Contain("/Account/Login"));
            Assert.That(afterEndOthers, Has.Count.EqualTo(1));
            Assert.That(afterSignOut, Is.Empty);
        });
    }

    private (HttpClient Client, System.Net.CookieContainer Cookies) NewBrowser()
    {
        var cookies = new CookieContainerHandler();
        return (App.CreateDefaultClient(new Uri("http://localhost"), cookies), cookies.Container);
    }

    private async Task<Guid> UserIdAsync(string email)
    {
        await using var scope = App.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TrustFundDbContext>();
        return await db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync();
    }

    private async Task<List<SignInSession>> SessionsOfAsync(Guid userId)
    {
        await using var scope = App.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TrustFundDbContext>();
        return await db.Set<SignInSession>().AsNoTracking().Where(s => s.UserId == userId).ToListAsync();
    }

    private static async Task<HttpResponseMessage> PostAsync(HttpClient client, string formPage, string action)
    {
        var form = await client.GetStringAsync(new Uri(formPage, UriKind.Relative));
        var token = AntiforgeryToken().Match(form);
        Assert.That(token.Success, Is.True, $"{formPage} carries an antiforgery token");
        using var body = new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token.Groups[1].Value });
        return await client.PostAsync(new Uri(action, UriKind.Relative), body);
    }
}
