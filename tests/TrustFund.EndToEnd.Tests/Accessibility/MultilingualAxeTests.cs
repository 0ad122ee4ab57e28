using Microsoft.Playwright;
using TrustFund.EndToEnd.Tests.Infrastructure;

namespace TrustFund.EndToEnd.Tests.Accessibility;

/// <summary>
/// axe-core finds nothing serious or critical on any page an applicant uses, in each language, at desktop width
/// and at 320 px, where the page must not scroll sideways either. One browser context per account and language visits
/// every page (the pages of the application journey itself are checked along the journey, see
/// <c>MultilingualJourneyTests</c>). In Arabic each page is also saved as a screenshot at both widths.
/// </summary>
public sealed class MultilingualAxeTests : BrowserTest
{
    private const int NarrowWidth = 320;

    [TestCaseSource(typeof(Cultures), nameof(Cultures.Cases))]
    public async Task ApplicantPages_EachLanguage_NoSeriousOrCriticalViolationsAtDesktopAnd320px(string culture)
    {
        var pages = await ApplicantPages.AllAsync(account => NewSignedInPageAsync(account));
        var browsers = new Dictionary<string, IPage>();
        var problems = new List<string>();

        foreach (var target in pages.Where(p => !p.InJourney))
        {
            var key = target.Account?.Email ?? "visitor";
            if (!browsers.TryGetValue(key, out var page))
            {
                page = target.Account is null ? await NewPageAsync() : await NewSignedInPageAsync(target.Account);
                await Cultures.UseAsync(page.Context, BaseAddress, culture);
                browsers[key] = page;
            }

            problems.AddRange(await CheckAsync(page, target, culture));
        }

        Assert.That(problems, Is.Empty, string.Join(Environment.NewLine, problems));
    }

    /// <summary>Opens the page and checks it at desktop width, then at 320 px; the problems found, described.</summary>
    internal static async Task<IReadOnlyList<string>> CheckAsync(IPage page, ApplicantPage target, string culture)
    {
        await page.SetViewportSizeAsync(1280, 800);
        var response = await page.GotoAsync(target.Path);
        return response?.Status == 200
            ? await CheckOpenPageAsync(page, target.Name, culture)
            : [$"{target} in {culture} answered {response?.Status}"];
    }

    /// <summary>Checks the page already open at desktop width, then at 320 px (left at desktop width).</summary>
    internal static async Task<IReadOnlyList<string>> CheckOpenPageAsync(IPage page, string name, string culture, bool screenshots = true)
    {
        var problems = new List<string>();
        await Cultures.ExpectAsync(page, culture);
        if (await AccessibilityAssert.SeriousViolationsAsync(page) is { } wide)
        {
            problems.Add($"[{culture}, desktop] {name}: {wide}");
        }

        if (screenshots && culture == "ar")
        {
            await SaveScreenshotAsync(page, $"ar-{name}");
        }

        await page.SetViewportSizeAsync(NarrowWidth, 640);
        try
        {
            if (await AccessibilityAssert.SeriousViolationsAsync(page) is { } narrow)
            {
                problems.Add($"[{culture}, 320 px] {name}: {narrow}");
            }

            if (await LayoutAssert.HorizontalScrollAsync(page) is { } sideways)
            {
                problems.Add($"[{culture}, 320 px] {name}: {page.Url} scrolls sideways: {sideways}");
            }

            if (screenshots && culture == "ar")
            {
                await SaveScreenshotAsync(page, $"ar-{name}-320px");
            }
        }
        finally
        {
            await page.SetViewportSizeAsync(1280, 800);
        }

        return problems;
    }
}
