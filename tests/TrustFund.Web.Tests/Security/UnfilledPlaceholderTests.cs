using System.Text.RegularExpressions;
using TrustFund.Web.Tests.Infrastructure;

namespace TrustFund.Web.Tests.Security;

/// <summary>
/// Every page each identity sees, on an app of its own (the hostile-input test saves format strings
/// such as "{0}" as data, which this test would rightly find).
/// </summary>
public sealed partial class UnfilledPlaceholderTests
{
    private TrustFundApp _app = null!;
    private FormCrawler _crawler = null!;

    [OneTimeSetUp]
    public async Task StartApp()
    {
        _app = await new TrustFundApp().StartAsync();
        var samples = await HostileData.SamplesAsync(_app);
        _crawler = new FormCrawler(_app, samples);
        await HostileData.ReachOtherStatesAsync(_app, _crawler);
    }

    [OneTimeTearDown]
    public void StopApp()
    {
        _crawler.Dispose();
        _app.Dispose();
    }

    /// <summary>
    /// Every page each identity sees, as the crawler finds them: no text or title shows a message whose
    /// placeholders were never filled in ("Ranking of {0}").
    /// </summary>
    [Test]
    public async Task EveryPage_EveryIdentity_ShowsNoUnfilledPlaceholder()
    {
        var failures = new List<string>();
        await _crawler.DiscoverAsync((identity, url, page) =>
        {
            var text = page.Title + " " + page.Body?.TextContent + " " + string.Join(" ", page.QuerySelectorAll("[placeholder],[aria-label],[title]").Select(e => e.GetAttribute("placeholder") + e.GetAttribute("aria-label") + e.GetAttribute("title")));
            foreach (Match match in UnfilledPlaceholder().Matches(text))
            {
                failures.Add($"{identity} GET {url}: \"{match.Value}\"");
            }
        });

        Assert.That(failures, Is.Empty);
    }

    [GeneratedRegex(@".{0,40}\{[0-9]+(:[^}]*)?\}.{0,20}")]
    private static partial Regex UnfilledPlaceholder();
}
