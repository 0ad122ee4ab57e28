using Microsoft.Playwright;

namespace TrustFund.EndToEnd.Tests.Infrastructure;

/// <summary>The languages the app is offered in, and how a browser chooses one (the culture cookie, as the language switcher sets it).</summary>
public static class Cultures
{
    public const string CookieName = ".AspNetCore.Culture";

    public static IReadOnlyList<string> All { get; } = ["en", "fr", "es", "ar"];

    /// <summary>One test case per language, named by its code.</summary>
    public static IEnumerable<TestCaseData> Cases() => All.Select(c => new TestCaseData(c).SetArgDisplayNames(c));

    /// <summary>Makes every later page of the context ask for <paramref name="culture"/>.</summary>
    public static Task UseAsync(IBrowserContext context, Uri baseAddress, string culture)
    {
        ArgumentNullException.ThrowIfNull(context);
        return context.AddCookiesAsync([new Cookie { Name = CookieName, Value = $"c={culture}|uic={culture}", Url = baseAddress.ToString() }]);
    }

    /// <summary>Checks that the page is in <paramref name="culture"/>: its <c>lang</c>, and <c>dir</c> right to left for Arabic.</summary>
    public static async Task ExpectAsync(IPage page, string culture)
    {
        ArgumentNullException.ThrowIfNull(page);
        var html = page.Locator("html");
        await Assertions.Expect(html).ToHaveAttributeAsync("lang", culture);
        await Assertions.Expect(html).ToHaveAttributeAsync("dir", culture == "ar" ? "rtl" : "ltr");
    }
}
