using Microsoft.AspNetCore.Mvc.Testing;
using TrustFund.Infrastructure.Demo;
using TrustFund.Web.Tests.Infrastructure;

namespace TrustFund.Web.Tests.Hardening;

/// <summary>The session and antiforgery cookies cannot be read by script, are not sent cross-site, and only travel over HTTPS when the site uses it.</summary>
public sealed class SessionCookieTests
{
    private TrustFundApp _app = null!;

    [OneTimeSetUp]
    public async Task StartApp() => _app = await new TrustFundApp().StartAsync();

    [OneTimeTearDown]
    public void StopApp() => _app.Dispose();

    [Test]
    public async Task SignIn_OverHttps_SetsHttpOnlySameSiteLaxSecureCookies()
    {
        var cookies = await SignInCookiesAsync(new Uri("https://localhost"));

        Assert.That(cookies, Contains.Key("TrustFund.Auth").And.ContainKey("TrustFund.Antiforgery"));
        Assert.Multiple(() =>
        {
            foreach (var (name, attributes) in cookies)
            {
                Assert.That(attributes, Does.Contain("httponly"), name);
                Assert.That(attributes, Does.Contain("secure"), name);
                Assert.That(attributes, Does.Contain("samesite=lax").Or.Contain("samesite=strict"), name);
            }
        });
        Assert.That(cookies["TrustFund.Auth"], Does.Contain("samesite=lax"), "Lax, so a link from an email opens the signed-in page");
    }

    [Test]
    public async Task SignIn_OverPlainHttpInDevelopment_SetsHttpOnlySameSiteCookiesWithoutSecure()
    {
        var cookies = await SignInCookiesAsync(new Uri("http://localhost"));

        Assert.That(cookies["TrustFund.Auth"], Does.Contain("httponly").And.Contain("samesite=lax").And.Not.Contain("secure"));
    }

    /// <summary>The cookies set while opening the sign-in form and signing in: name to lower-cased attributes.</summary>
    private async Task<Dictionary<string, string>> SignInCookiesAsync(Uri baseAddress)
    {
        using var client = _app.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = baseAddress, AllowAutoRedirect = false, HandleCookies = true });
        var form = await client.GetAsync(new Uri("/Account/Login", UriKind.Relative));
        var token = (TestSession.Parse(await form.Content.ReadAsStringAsync()).QuerySelector("input[name=__RequestVerificationToken]") as AngleSharp.Html.Dom.IHtmlInputElement)!.Value;
        using var body = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Email"] = "applicant@trustfund.test",
            ["Password"] = DemoData.Password,
            ["__RequestVerificationToken"] = token,
        });
        var signedIn = await client.PostAsync(new Uri("/Account/Login", UriKind.Relative), body);
        Assert.That(TestSession.IsRedirectTo(signedIn, "/"), Is.True, "signed in");

        return new[] { form, signedIn }
            .SelectMany(r => r.Headers.TryGetValues("Set-Cookie", out var values) ? values : [])
            .Select(c => (Name: c.Split('=')[0], Attributes: string.Join(";", c.Split(';').Skip(1)).Replace(" ", string.Empty, StringComparison.Ordinal).ToLowerInvariant()))
            .Where(c => c.Name.StartsWith("TrustFund.", StringComparison.Ordinal))
            .GroupBy(c => c.Name)
            .ToDictionary(g => g.Key, g => g.Last().Attributes);
    }
}
