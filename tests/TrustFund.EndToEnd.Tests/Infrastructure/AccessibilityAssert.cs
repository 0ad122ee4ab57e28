using System.Globalization;
using System.Text;
using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace TrustFund.EndToEnd.Tests.Infrastructure;

/// <summary>Runs axe-core on a page; serious and critical violations fail the test, lesser ones are printed.</summary>
public static class AccessibilityAssert
{
    private static readonly string[] BlockingImpacts = ["serious", "critical"];

    public static async Task NoSeriousViolationsAsync(IPage page)
    {
        if (await SeriousViolationsAsync(page) is { } found)
        {
            Assert.Fail(found);
        }
    }

    /// <summary>The serious and critical violations on the page, described, or null when there are none (lesser ones are printed).</summary>
    public static async Task<string?> SeriousViolationsAsync(IPage page)
    {
        ArgumentNullException.ThrowIfNull(page);
        var result = await page.RunAxe();
        var violations = result.Violations ?? [];
        var blocking = violations.Where(v => BlockingImpacts.Contains(v.Impact)).ToList();
        var minor = violations.Except(blocking).ToList();
        if (minor.Count > 0)
        {
            await TestContext.Out.WriteLineAsync($"Lesser accessibility findings on {page.Url}:{Environment.NewLine}{Describe(minor)}");
        }

        return blocking.Count > 0
            ? $"axe found {blocking.Count} serious or critical violation(s) on {page.Url}:{Environment.NewLine}{Describe(blocking)}"
            : null;
    }

    private static string Describe(IEnumerable<AxeResultItem> violations)
    {
        var text = new StringBuilder();
        foreach (var violation in violations)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"- {violation.Id} ({violation.Impact}): {violation.Help} {violation.HelpUrl}");
            foreach (var node in violation.Nodes ?? [])
            {
                text.AppendLine(CultureInfo.InvariantCulture, $"    at {node.Target}: {node.Html}");
                var checks = (node.Any ?? []).Concat(node.All ?? []).Concat(node.None ?? []);
                foreach (var message in checks.Select(c => c.Message).Where(m => !string.IsNullOrWhiteSpace(m)).Distinct())
                {
                    text.AppendLine(CultureInfo.InvariantCulture, $"      {message.ReplaceLineEndings(" ")}");
                }
            }
        }

        return text.ToString();
    }
}
