using Microsoft.Playwright;
using TrustFund.EndToEnd.Tests.Infrastructure;

namespace TrustFund.EndToEnd.Tests.Layout;

/// <summary>
/// The applicant's main pages in the pseudo-localization culture (every text accented and 40% longer,
/// as French or Spanish often are) at 320 px: nothing overflows the page, and every sentence of the
/// page's own text comes from the catalogue whole, bracketed.
/// </summary>
public sealed class PseudoLocalizationLayoutTests : BrowserTest
{
    private const int NarrowWidth = 320;

    private static void Pseudo(BrowserNewContextOptions options) =>
        options.ViewportSize = new ViewportSize { Width = NarrowWidth, Height = 640 };

    /// <summary>Chooses the pseudo-language as the switcher does, with its cookie.</summary>
    private static async Task<IPage> InPseudoAsync(IPage page)
    {
        await page.Context.AddCookiesAsync([new Cookie { Name = ".AspNetCore.Culture", Value = "c=qps-ploc|uic=qps-ploc", Url = BaseAddress.ToString() }]);
        return page;
    }

    [TestCase("/calls", "pseudo-calls")]
    [TestCase("/Account/Login", "pseudo-login")]
    [TestCase("/Account/Register", "pseudo-register")]
    public async Task PublicPage_InPseudoCulture_At320px_HasNoHorizontalScroll(string path, string screenshot)
    {
        var page = await InPseudoAsync(await NewPageAsync(Pseudo));
        await page.GotoAsync(path);

        Assert.That(await page.Locator("h1").InnerTextAsync(), Does.StartWith("["), "the heading comes from the catalogue");
        await LayoutAssert.NoHorizontalScrollAsync(page, NarrowWidth);
        await SaveScreenshotAsync(page, screenshot);
    }

    [TestCase("/Project", "pseudo-project")]
    [TestCase("/Beneficiaries", "pseudo-beneficiaries")]
    [TestCase("/Budget", "pseudo-budget")]
    [TestCase("/Documents", "pseudo-documents")]
    [TestCase("/Declarations", "pseudo-declarations")]
    public async Task ApplicationSection_InPseudoCulture_At320px_HasNoHorizontalScroll(string section, string screenshot)
    {
        var account = DemoAccount.Named("applicant2@trustfund.test");
        var english = await NewSignedInPageAsync(account);
        var application = await DemoPages.DraftApplicationAsync(english);
        var page = await InPseudoAsync(await NewSignedInPageAsync(account, Pseudo));

        await page.GotoAsync(application + section);

        Assert.That(await page.Locator("h1").InnerTextAsync(), Does.StartWith("["));
        await LayoutAssert.NoHorizontalScrollAsync(page, NarrowWidth);
        await SaveScreenshotAsync(page, screenshot);
    }

    [TestCase("/", "pseudo-applicant-home")]
    [TestCase("/Applications", "pseudo-applications")]
    [TestCase("/Organisation/Profile", "pseudo-organisation")]
    public async Task ApplicantPage_InPseudoCulture_At320px_HasNoHorizontalScroll(string path, string screenshot)
    {
        var account = DemoAccount.Named("applicant@trustfund.test");
        await NewSignedInPageAsync(account);
        var page = await InPseudoAsync(await NewSignedInPageAsync(account, Pseudo));

        await page.GotoAsync(path);

        await LayoutAssert.NoHorizontalScrollAsync(page, NarrowWidth);
        await SaveScreenshotAsync(page, screenshot);
    }
}
