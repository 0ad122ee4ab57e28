using System.IO.Compression;
using System.Text;
using Microsoft.Playwright;
using TrustFund.EndToEnd.Tests.Infrastructure;

namespace TrustFund.EndToEnd.Tests.Journey;

/// <summary>
/// Files the fund manager takes away, downloaded by the browser as a user would: the grants list as an Excel
/// workbook from its download link (a real XLSX package holding the demo grants), and an application's dossier as a
/// PDF from the link on the application's page.
/// </summary>
public sealed class DownloadJourneyTests : BrowserTest
{
    private static readonly DemoAccount Manager = DemoAccount.Named("manager@trustfund.test");

    [Test]
    public async Task GrantsList_ExcelLink_DownloadsAWorkbookWithTheListedGrants()
    {
        var manager = await NewSignedInPageAsync(Manager);
        await manager.GotoAsync("/Manage/Grants");
        var link = manager.Locator("[data-export-links^='/exports/grants'] a[data-export='xlsx']");

        var download = await manager.RunAndWaitForDownloadAsync(() => link.ClickAsync());
        var path = Path.Combine(Path.GetTempPath(), $"grants-{Guid.NewGuid():N}.xlsx");
        await download.SaveAsAsync(path);
        try
        {
            Assert.That(download.SuggestedFilename, Does.EndWith(".xlsx"));
            using var package = ZipFile.OpenRead(path);
            var sheet = package.Entries.FirstOrDefault(e => e.FullName.StartsWith("xl/worksheets/", StringComparison.Ordinal) && e.FullName.EndsWith(".xml", StringComparison.Ordinal));
            Assert.That(sheet, Is.Not.Null, "An XLSX package holds its rows in a worksheet part.");
            using var reader = new StreamReader(sheet!.Open(), Encoding.UTF8);
            var rows = await reader.ReadToEndAsync();
            Assert.That(rows, Does.Contain("UNVTF-G-2025-0001").And.Contain("UNVTF-G-2025-0002"), "The demo grants should be in the workbook.");
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Test]
    public async Task ApplicationPage_DossierLink_DownloadsAPdf()
    {
        var manager = await NewSignedInPageAsync(Manager);
        await manager.GotoAsync("/Manage/Applications");
        await manager.Locator("a[data-title]").First.ClickAsync();
        var href = await manager.GetByRole(AriaRole.Link, new() { Name = "Dossier (PDF)" }).GetAttributeAsync("href");
        Assert.That(href, Does.Match("^/applications/[0-9a-f-]{36}/dossier\\.pdf$"));

        var response = await manager.Context.APIRequest.GetAsync(href!);
        var body = await response.BodyAsync();

        Assert.That(response.Status, Is.EqualTo(200));
        Assert.That(response.Headers["content-type"], Does.StartWith("application/pdf"));
        Assert.That(Encoding.ASCII.GetString(body, 0, 5), Is.EqualTo("%PDF-"));
        Assert.That(body, Has.Length.GreaterThan(5_000), "A dossier is more than an empty page.");
    }
}
