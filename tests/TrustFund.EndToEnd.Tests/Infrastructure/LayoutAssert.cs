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
        if (await HorizontalScrollAsync(page) is { } problem)
        {
            Assert.Fail($"{page.Url} scrolls sideways at {width} px: {problem}");
        }
    }

    /// <summary>
    /// Null when the page does not scroll sideways (its scrolling element is no wider than the window, to a
    /// pixel); otherwise the widths and up to ten elements that reach past either edge (the left one on a
    /// right-to-left page), outside the containers that scroll on their own.
    /// </summary>
    public static async Task<string?> HorizontalScrollAsync(IPage page)
    {
        ArgumentNullException.ThrowIfNull(page);
        return await page.EvaluateAsync<string?>(
            """
            () => {
                const root = document.scrollingElement;
                if (root.scrollWidth <= root.clientWidth + 1) {
                    return null;
                }
                const width = root.clientWidth;
                const culprits = Array.from(document.querySelectorAll('body *'))
                    .filter(e => { const r = e.getBoundingClientRect(); return r.width > 0 && (r.right > width + 1 || r.left < -1); })
                    .filter(e => !e.parentElement?.closest('.table-responsive'))
                    .slice(0, 10)
                    .map(e => { const r = e.getBoundingClientRect(); return `${e.tagName.toLowerCase()}${e.id ? '#' + e.id : ''}${e.className && typeof e.className === 'string' ? '.' + e.className.trim().split(/\s+/).join('.') : ''} (${Math.round(r.left)} to ${Math.round(r.right)} px)`; });
                return `scrollWidth ${root.scrollWidth} px for ${width} px. Too wide: ${culprits.join('; ')}`;
            }
            """);
    }
}
