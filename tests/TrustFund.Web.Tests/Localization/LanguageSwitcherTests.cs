using System.Net;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using TrustFund.Web.Tests.Infrastructure;

namespace TrustFund.Web.Tests.Localization;

/// <summary>
/// The language of the pages: the switcher on every page (a cookie for visitors, the account for
/// signed-in people), else the browser's Accept-Language, else English; Arabic right to left.
/// </summary>
public sealed class LanguageSwitcherTests
{
    // Stylesheets are linked under fingerprinted names (bootstrap.rtl.min.<hash>.css).
    private const string RtlStylesheet = @"^/lib/bootstrap/bootstrap\.rtl\.min(\.\w+)?\.css";
    private const string LtrStylesheet = @"^/lib/bootstrap/bootstrap\.min(\.\w+)?\.css";

    private TrustFundApp _app = null!;

    [OneTimeSetUp]
    public async Task StartApp() => _app = await new TrustFundApp().StartAsync();

    [OneTimeTearDown]
    public void StopApp() => _app.Dispose();

    private static Task<HttpResponseMessage> ChooseAsync(TestSession session, string page, string culture, string? returnUrl = null) =>
        session.PostFormAsync(page, "/Language", new() { ["culture"] = culture, ["returnUrl"] = returnUrl ?? page });

    private static string Lang(IHtmlDocument page) => page.DocumentElement.GetAttribute("lang") ?? string.Empty;

    [Test]
    public async Task Switcher_OnEveryPage_LabelledWorksWithoutScriptAndNamesEachLanguageInItself()
    {
        using var session = _app.NewSession();

        var (_, page) = await session.GetPageAsync("/Account/Login");

        var form = page.QuerySelector("form[action='/Language']")!;
        var select = (IHtmlSelectElement)form.QuerySelector("select[name=culture]")!;
        Assert.Multiple(() =>
        {
            Assert.That(form.GetAttribute("method"), Is.EqualTo("post"));
            Assert.That(form.QuerySelector("input[name=__RequestVerificationToken]"), Is.Not.Null);
            Assert.That(form.QuerySelector("button[type=submit]"), Is.Not.Null, "a submit button: no script needed");
            Assert.That(page.QuerySelector($"label[for='{select.Id}']")!.TextContent.Trim(), Is.EqualTo("Language"));
            Assert.That(select.Options.Select(o => (o.Value, o.Text.Trim(), o.GetAttribute("lang"))).Take(4), Is.EqualTo(new[]
            {
                ("en", "English", "en"), ("fr", "Français", "fr"), ("es", "Español", "es"), ("ar", "العربية", "ar"),
            }));
            Assert.That(select.Options.Single(o => o.IsSelected).Value, Is.EqualTo("en"));
        });
    }

    [Test]
    public async Task Visitor_ChoosesFrench_CookieKeepsItAndTheSamePageComesBackInFrench()
    {
        using var session = _app.NewSession();

        var chosen = await ChooseAsync(session, "/calls", "fr");
        var (_, page) = await session.GetPageAsync("/calls");

        Assert.Multiple(() =>
        {
            Assert.That(chosen.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
            Assert.That(chosen.Headers.Location!.OriginalString, Is.EqualTo("/calls"));
            Assert.That(chosen.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith(".AspNetCore.Culture=", StringComparison.Ordinal)), Does.Contain("c%3Dfr%7Cuic%3Dfr").And.Contain("httponly").IgnoreCase);
            Assert.That(Lang(page), Is.EqualTo("fr"));
            Assert.That(page.DocumentElement.GetAttribute("dir"), Is.EqualTo("ltr"));
            Assert.That(page.QuerySelector(".skip-link")!.TextContent, Is.EqualTo("Aller au contenu principal"));
            Assert.That(page.QuerySelector("#language-choice option[selected]")!.GetAttribute("value"), Is.EqualTo("fr"));
        });
    }

    [TestCase("https://elsewhere.example/phish")]
    [TestCase("//elsewhere.example/")]
    [TestCase("/\\elsewhere.example/")]
    public async Task ReturnUrl_NotOfThisSite_GoesHomeInstead(string returnUrl)
    {
        using var session = _app.NewSession();

        var chosen = await ChooseAsync(session, "/calls", "es", returnUrl);

        Assert.That(chosen.Headers.Location!.OriginalString, Is.EqualTo("/"));
    }

    [TestCase("es", "es")]
    [TestCase("ar-EG,ar;q=0.9", "ar")]
    [TestCase("fr-CA, en;q=0.5", "fr")]
    [TestCase("de-DE, ru;q=0.8", "en")]
    public async Task NoChoice_AcceptLanguageDecides_ElseEnglish(string acceptLanguage, string expected)
    {
        using var session = _app.NewSession();
        session.Client.DefaultRequestHeaders.TryAddWithoutValidation("Accept-Language", acceptLanguage);

        var (_, page) = await session.GetPageAsync("/Account/Login");

        Assert.That(Lang(page), Is.EqualTo(expected));
    }

    [Test]
    public async Task UnsupportedCulture_ChosenOrInTheCookie_LeavesEnglish()
    {
        using var session = _app.NewSession();

        var chosen = await ChooseAsync(session, "/calls", "de");
        session.Client.DefaultRequestHeaders.Add("Cookie", ".AspNetCore.Culture=c%3Dxx-YY%7Cuic%3Dxx-YY");
        var (_, page) = await session.GetPageAsync("/calls");

        Assert.Multiple(() =>
        {
            Assert.That(chosen.Headers.Location!.OriginalString, Is.EqualTo("/calls"));
            Assert.That(chosen.Headers.TryGetValues("Set-Cookie", out var cookies) && cookies.Any(c => c.StartsWith(".AspNetCore.Culture=", StringComparison.Ordinal)), Is.False);
            Assert.That(Lang(page), Is.EqualTo("en"));
        });
    }

    [Test]
    public async Task Arabic_PageIsRightToLeftWithTheRtlStylesheet_EnglishIsLeftToRight()
    {
        using var arabic = _app.NewSession();
        using var english = _app.NewSession();
        await ChooseAsync(arabic, "/Account/Login", "ar");

        var (_, rtl) = await arabic.GetPageAsync("/Account/Login");
        var (_, ltr) = await english.GetPageAsync("/Account/Login");

        Assert.Multiple(() =>
        {
            Assert.That(Lang(rtl), Is.EqualTo("ar"));
            Assert.That(rtl.DocumentElement.GetAttribute("dir"), Is.EqualTo("rtl"));
            Assert.That(rtl.QuerySelectorAll("link[rel=stylesheet]").Select(l => l.GetAttribute("href")), Has.Some.Match(RtlStylesheet).And.None.Match(LtrStylesheet));
            Assert.That(rtl.QuerySelector(".skip-link")!.TextContent, Is.EqualTo("الانتقال إلى المحتوى الرئيسي"));
            Assert.That(ltr.DocumentElement.GetAttribute("dir"), Is.EqualTo("ltr"));
            Assert.That(ltr.QuerySelectorAll("link[rel=stylesheet]").Select(l => l.GetAttribute("href")), Has.Some.Match(LtrStylesheet).And.None.Match(RtlStylesheet));
        });
    }

    [Test]
    public async Task SignedIn_ChoiceKeptOnTheAccount_AndBackAfterSigningOutAndInOnAnotherDevice()
    {
        const string email = "applicant2@trustfund.test";
        using var first = await _app.SignInAsync(email);

        var chosen = await ChooseAsync(first, "/", "ar");
        var (_, home) = await first.GetPageAsync("/");
        var stored = await _app.WithDbAsync(db => db.Users.Where(u => u.Email == email).Select(u => u.PreferredCulture).SingleAsync());
        await first.PostFormAsync("/", "/Account/Logout", []);

        // Another browser: no cookie, an English Accept-Language; the account's choice wins.
        using var second = await _app.SignInAsync(email);
        second.Client.DefaultRequestHeaders.TryAddWithoutValidation("Accept-Language", "en");
        var (_, again) = await second.GetPageAsync("/");
        await ChooseAsync(second, "/", "en");
        var reset = await _app.WithDbAsync(db => db.Users.Where(u => u.Email == email).Select(u => u.PreferredCulture).SingleAsync());

        Assert.Multiple(() =>
        {
            Assert.That(TestSession.IsRedirectTo(chosen, "/"), Is.True);
            Assert.That(Lang(home), Is.EqualTo("ar"), "the next page, in the same session");
            Assert.That(stored, Is.EqualTo("ar"));
            Assert.That(Lang(again), Is.EqualTo("ar"));
            Assert.That(again.DocumentElement.GetAttribute("dir"), Is.EqualTo("rtl"));
            Assert.That(reset, Is.EqualTo("en"));
        });
    }
}
