using System.Globalization;
using System.Text;
using Microsoft.Playwright;
using TrustFund.EndToEnd.Tests.Infrastructure;

namespace TrustFund.EndToEnd.Tests.Performance;

/// <summary>
/// Every page an applicant uses is light enough for a slow mobile connection, in each language: at most 150 KB
/// transferred when opened with an empty cache, at most 30 KB when opened again (stylesheets and scripts cached).
/// Bytes as Chromium counts them on the wire (compressed, headers included); a table per language is written to
/// the test's work folder (page-weight-LANGUAGE.md).
/// </summary>
public sealed class PageWeightTests : BrowserTest
{
    private const double FirstLoadLimitKb = 150;
    private const double LaterLoadLimitKb = 30;

    [TestCaseSource(typeof(Cultures), nameof(Cultures.Cases))]
    public async Task ApplicantPages_FirstAndLaterLoad_StayWithinTheBudget(string culture)
    {
        var pages = await ApplicantPages.AllAsync(account => NewSignedInPageAsync(account));
        var table = new StringBuilder("| page | first load (KB) | later load (KB) |\n| --- | ---: | ---: |\n");
        var over = new List<string>();

        var browsers = new Dictionary<string, (IPage Page, TransferMeter Meter)>();
        foreach (var target in pages)
        {
            var key = target.Account?.Email ?? "visitor";
            if (!browsers.TryGetValue(key, out var browser))
            {
                var opened = target.Account is null ? await NewPageAsync() : await NewSignedInPageAsync(target.Account);
                await Cultures.UseAsync(opened.Context, BaseAddress, culture);
                browser = browsers[key] = (opened, await TransferMeter.StartAsync(opened));
            }

            // The first load, with the cache emptied, pays for the stylesheets and scripts; the second should not.
            var first = await browser.Meter.LoadAsync(browser.Page, target.Path, emptyCache: true);
            await Cultures.ExpectAsync(browser.Page, culture);
            var later = await browser.Meter.LoadAsync(browser.Page, target.Path, emptyCache: false);

            Assert.That(first.Status, Is.EqualTo(200), $"{target} answered {first.Status}");
            table.Append(CultureInfo.InvariantCulture, $"| {target.Name} | {first.KiloBytes:0.0} | {later.KiloBytes:0.0} |\n");
            if (first.KiloBytes > FirstLoadLimitKb)
            {
                over.Add($"{target} first load {first.KiloBytes:0.0} KB > {FirstLoadLimitKb} KB: {first.Describe()}");
            }

            if (later.KiloBytes > LaterLoadLimitKb)
            {
                over.Add($"{target} later load {later.KiloBytes:0.0} KB > {LaterLoadLimitKb} KB: {later.Describe()}");
            }
        }

        var file = Path.Combine(TestContext.CurrentContext.WorkDirectory, $"page-weight-{culture}.md");
        await File.WriteAllTextAsync(file, table.ToString());
        TestContext.AddTestAttachment(file, $"page weight ({culture})");
        await TestContext.Out.WriteLineAsync(table.ToString());
        Assert.That(over, Is.Empty, string.Join(Environment.NewLine, over));
    }
}
