using Microsoft.Playwright;

namespace TrustFund.EndToEnd.Tests.Infrastructure;

/// <summary>Checks of the page layout at narrow widths.</summary>
public static class LayoutAssert
{
    /// <summary>
    /// The page itself must not scroll sideways at <paramref name="width"/> px. Wide content may scroll inside its
    /// own container (such as a <c>.table-responsive</c> wrapper), which does not widen the page.
    /// </summary>
    public static async Task NoHorizontalScrollAsync(IPage page, int width)
    {
        var scrollWidth = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth");
        if (scrollWidth > width + 1)
        {
            var culprits = await page.EvaluateAsync<string[]>(
                """
                (width) => Array.from(document.querySelectorAll('body *'))
                    .filter(e => e.getBoundingClientRect().right > width + 1)
                    .filter(e => !e.parentElement?.closest('.table-responsive'))
                    .slice(0, 10)
                    .map(e => `${e.tagName.toLowerCase()}${e.id ? '#' + e.id : ''}${e.className ? '.' + String(e.className).trim().split(/\s+/).join('.') : ''} (right edge ${Math.round(e.getBoundingClientRect().right)} px)`)
                """,
                width);
            Assert.Fail($"{page.Url} scrolls sideways at {width} px: scrollWidth is {scrollWidth}. Too wide: {string.Join("; ", culprits)}");
        }
    }
}
