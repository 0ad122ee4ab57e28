using System.Text;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using TrustFund.Application.Documents;
using TrustFund.Infrastructure.Pdf;

namespace TrustFund.Web.Tests.Documents;

/// <summary>The renderer on the real Chromium: what it prints, how it queues, and that it outlives its browser.</summary>
public sealed class ChromiumPdfRendererTests
{
    private static readonly DateTimeOffset Generated = new(2026, 12, 6, 20, 15, 0, TimeSpan.Zero);

    [Test]
    public async Task RenderAsync_Document_PrintsTitleAuthorHeaderAndPageNumbers()
    {
        await using var renderer = Renderer(PdfBrowser.Require());

        var pdf = PdfText.Read(await renderer.RenderAsync(Request(Html("Quarterly summary", rows: 200)), CancellationToken.None));

        Assert.Multiple(() =>
        {
            Assert.That(pdf.Title, Is.EqualTo("Quarterly summary"));
            Assert.That(pdf.Author, Is.EqualTo("TrustFund Secretariat"));
            Assert.That(pdf.Pages, Is.GreaterThan(1));
            Assert.That(pdf.Says($"Page 1 of {pdf.Pages}"), Is.True, pdf.Text[..Math.Min(400, pdf.Text.Length)]);
            Assert.That(pdf.Says("Generated 6 December 2026, 20:15 UTC (21:15 Europe/Vienna)"), Is.True);
            Assert.That(pdf.Says("REF-2026-001"), Is.True);
            Assert.That(pdf.Says("Row 199"), Is.True);
        });
    }

    [Test]
    public async Task RenderAsync_ScriptsAndRemoteResources_AreNeitherRunNorFetched()
    {
        await using var renderer = Renderer(PdfBrowser.Require());
        const string html = """
            <!DOCTYPE html><html><head><meta charset="utf-8"><title>Locked</title>
            <link rel="stylesheet" href="http://127.0.0.1:9/remote.css"></head>
            <body><p id="p">Static text</p><img src="http://127.0.0.1:9/pixel.png" alt="">
            <script>document.getElementById('p').textContent = 'Script ran';</script></body></html>
            """;

        var pdf = PdfText.Read(await renderer.RenderAsync(Request(html), CancellationToken.None));

        Assert.Multiple(() =>
        {
            Assert.That(pdf.Says("Static text"), Is.True);
            Assert.That(pdf.Says("Script ran"), Is.False);
        });
    }

    [Test]
    public async Task RenderAsync_MoreDocumentsThanPages_QueueAndAllPrint()
    {
        await using var renderer = Renderer(PdfBrowser.Require(), slots: 1, queue: TimeSpan.FromSeconds(60));

        var pdfs = await Task.WhenAll(Enumerable.Range(1, 4).Select(i => renderer.RenderAsync(Request(Html($"Queued {i}")), CancellationToken.None)));

        Assert.That(pdfs.Select(p => PdfText.Read(p).Title), Is.EqualTo(new[] { "Queued 1", "Queued 2", "Queued 3", "Queued 4" }));
    }

    [Test]
    public async Task RenderAsync_EverySlotBusyPastTheQueueTimeout_AnswersBusy()
    {
        await using var renderer = Renderer(PdfBrowser.Require(), slots: 1, queue: TimeSpan.FromMilliseconds(100));

        // The first document takes the only slot at once, and holds it while the browser starts.
        var first = renderer.RenderAsync(Request(Html("First", rows: 2000)), CancellationToken.None);
        var second = Assert.ThrowsAsync<PdfRendererBusyException>(() => renderer.RenderAsync(Request(Html("Second")), CancellationToken.None));

        Assert.That(second!.Waited, Is.EqualTo(TimeSpan.FromMilliseconds(100)));
        Assert.That(PdfText.Read(await first).Title, Is.EqualTo("First"));
    }

    [Test]
    public async Task RenderAsync_BrowserDied_StartsAnotherAndPrints()
    {
        await using var renderer = Renderer(PdfBrowser.Require());
        await renderer.RenderAsync(Request(Html("Before")), CancellationToken.None);
        var browser = renderer.CurrentBrowser!;

        browser.Process!.Kill(entireProcessTree: true);
        for (var i = 0; i < 100 && browser.IsConnected; i++)
        {
            await Task.Delay(50);
        }

        var pdf = PdfText.Read(await renderer.RenderAsync(Request(Html("After")), CancellationToken.None));
        Assert.Multiple(() =>
        {
            Assert.That(pdf.Title, Is.EqualTo("After"));
            Assert.That(renderer.CurrentBrowser, Is.Not.SameAs(browser));
        });
    }

    [Test]
    public void RenderAsync_BrowserPathMissing_SaysWhatToInstall()
    {
        using var renderer = Renderer("/nonexistent/chromium");

        var error = Assert.ThrowsAsync<PdfBrowserUnavailableException>(() => renderer.RenderAsync(Request(Html("Nothing")), CancellationToken.None));

        Assert.That(error!.Message, Does.Contain("/nonexistent/chromium").And.Contain("apt-get install chromium fonts-noto-core fonts-noto-cjk").And.Contain("Pdf:BrowserPath"));
    }

    private static ChromiumPdfRenderer Renderer(string browserPath, int slots = 2, TimeSpan? queue = null) =>
        new(
            Options.Create(new PdfSettings { BrowserPath = browserPath, MaxConcurrentRenders = slots, QueueTimeout = queue ?? TimeSpan.FromSeconds(20) }),
            new BrowserDiscovery(),
            NullLogger<ChromiumPdfRenderer>.Instance);

    private static PdfDocumentRequest Request(string html) => new(html, "Summary", "REF-2026-001", Generated);

    private static string Html(string title, int rows = 3)
    {
        var body = new StringBuilder();
        for (var i = 0; i < rows; i++)
        {
            body.Append("<tr><td>Row ").Append(i).Append("</td><td>Value</td></tr>");
        }

        return $"""
            <!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>{title}</title>
            <style>thead {"{"} display: table-header-group; {"}"}</style></head>
            <body><h1>{title}</h1><table><thead><tr><th>Name</th><th>Value</th></tr></thead><tbody>{body}</tbody></table></body></html>
            """;
    }
}
