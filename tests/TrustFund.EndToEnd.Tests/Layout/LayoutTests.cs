using TrustFund.EndToEnd.Tests.Infrastructure;

namespace TrustFund.EndToEnd.Tests.Layout;

public sealed class LayoutTests : BrowserTest
{
    private const int NarrowWidth = 320;

    [Test]
    public async Task LoginPage_Stylesheets_LoadAndApply()
    {
        var page = await NewPageAsync();
        var failed = new List<string>();
        page.Response += (_, response) =>
        {
            if (response.Status >= 400)
            {
                failed.Add($"{response.Status} {response.Url}");
            }
        };

        await page.GotoAsync("/Account/Login");

        var sheets = await page.EvaluateAsync<StyleSheet[]>(
            "() => Array.from(document.styleSheets).map(s => ({ href: s.href ?? '', rules: s.cssRules.length }))");
        Assert.That(failed, Is.Empty, "Every resource of the page should load.");
        // Linked under fingerprinted addresses (name.HASH.css), cached for a year.
        var paths = sheets.Select(s => System.Text.RegularExpressions.Regex.Replace(new Uri(s.Href).AbsolutePath, @"\.[a-z0-9]{10}\.css$", ".css"));
        Assert.That(paths, Is.EquivalentTo(new[] { "/lib/bootstrap/bootstrap.min.css", "/css/site.css" }));
        Assert.That(sheets, Has.All.Matches<StyleSheet>(s => s.Rules > 0), "Each stylesheet should have rules.");
        var skipLinkBackground = await page.EvalOnSelectorAsync<string>(".skip-link", "e => getComputedStyle(e).backgroundColor");
        Assert.That(skipLinkBackground, Is.EqualTo("rgb(255, 191, 71)"), "site.css should style the skip link.");
    }

    [Test]
    public async Task LoginPage_At320px_HasNoHorizontalScroll()
    {
        var page = await NewPageAsync(Narrow);
        await page.GotoAsync("/Account/Login");

        await LayoutAssert.NoHorizontalScrollAsync(page, NarrowWidth);
        await SaveScreenshotAsync(page, "narrow-login");
    }

    [TestCaseSource(typeof(DemoAccount), nameof(DemoAccount.All))]
    public async Task HomePage_EachRoleAt320px_HasNoHorizontalScroll(DemoAccount account)
    {
        var page = await NewPageAsync(Narrow);
        await SignInAsync(page, account);

        await LayoutAssert.NoHorizontalScrollAsync(page, NarrowWidth);
        await SaveScreenshotAsync(page, $"narrow-home-{account.Role}-{account.Email}");
    }

    [Test]
    public async Task SessionsPage_At320px_HasNoHorizontalScroll()
    {
        var page = await NewPageAsync(Narrow);
        await SignInAsync(page, DemoAccount.Named("reviewer@trustfund.test"));

        await page.GotoAsync("/Account/Sessions");

        await Microsoft.Playwright.Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Your sessions");
        await LayoutAssert.NoHorizontalScrollAsync(page, NarrowWidth);
        await SaveScreenshotAsync(page, "narrow-sessions");
    }

    private static void Narrow(Microsoft.Playwright.BrowserNewContextOptions options) =>
        options.ViewportSize = new Microsoft.Playwright.ViewportSize { Width = NarrowWidth, Height = 640 };

    private sealed class StyleSheet
    {
        public string Href { get; set; } = string.Empty;

        public int Rules { get; set; }
    }
}
