using System.IO.Compression;
using System.Net;
using System.Text;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using TrustFund.Web.Tests.Infrastructure;

namespace TrustFund.Web.Tests.Security;

/// <summary>
/// Every upload form the crawler finds (application and organisation documents, and any added later)
/// gets malicious files: each is refused with a message and stores nothing, or, for a genuine file
/// with a hostile name, stored once under a clean name.
/// </summary>
public sealed class HostileUploadTests
{
    private static readonly byte[] Png =
    [
        0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A,
        0x00, 0x00, 0x00, 0x0D, 0x49, 0x48, 0x44, 0x52, 0x00, 0x00, 0x00, 0x01, 0x00, 0x00, 0x00, 0x01, 0x08, 0x06, 0x00, 0x00, 0x00, 0x1F, 0x15, 0xC4, 0x89,
        0x00, 0x00, 0x00, 0x0D, 0x49, 0x44, 0x41, 0x54, 0x78, 0x9C, 0x63, 0x00, 0x01, 0x00, 0x00, 0x05, 0x00, 0x01, 0x0D, 0x0A, 0x2D, 0xB4,
        0x00, 0x00, 0x00, 0x00, 0x49, 0x45, 0x4E, 0x44, 0xAE, 0x42, 0x60, 0x82,
    ];

    private TrustFundApp _app = null!;
    private FormCrawler _crawler = null!;
    private List<DiscoveredForm> _uploads = null!;
    private int _counter;

    public static IEnumerable<TestCaseData> MaliciousFiles => Malicious().Select(f => new TestCaseData(f.Name, f.FileName, f.Content).SetArgDisplayNames(f.Name));

    public static IEnumerable<TestCaseData> HostileNames => Named().Select(n => new TestCaseData(n.Name, n.FileName, n.Expected).SetArgDisplayNames(n.Name));

    [OneTimeSetUp]
    public async Task StartApp()
    {
        _app = await new TrustFundApp().StartAsync();
        _crawler = new FormCrawler(_app, await HostileData.SamplesAsync(_app));
        var forms = await _crawler.DiscoverAsync();
        _uploads = [.. forms.Where(f => f.Fields.Any(x => x.Kind == FieldKind.File))];
    }

    [OneTimeTearDown]
    public void StopApp()
    {
        _crawler.Dispose();
        _app.Dispose();
    }

    [Test]
    public void Crawler_FindsBothUploadForms()
    {
        Assert.That(_uploads.Select(f => f.Action), Has.Some.Match("^/Applications/.+/Documents$").And.Some.EqualTo("/Organisation/Documents"));
        Assert.That(Malicious().Count(), Is.GreaterThanOrEqualTo(20));
    }

    [TestCaseSource(nameof(MaliciousFiles))]
    public async Task EveryUploadForm_MaliciousFile_IsRefusedWithAMessageAndNothingStored(string name, string fileName, byte[] content)
    {
        foreach (var form in _uploads)
        {
            var before = await CountsAsync();

            using var response = await UploadAsync(form, fileName, content);

            var page = await TestSession.ParseAsync(response);
            await Assert.MultipleAsync(async () =>
            {
                Assert.That((int)response.StatusCode, Is.EqualTo(200).Or.EqualTo(413), $"{form}: {name}");
                Assert.That(Message(page), Is.Not.Empty, $"{form}: {name} refused without a message");
                Assert.That(await CountsAsync(), Is.EqualTo(before), $"{form}: {name} stored something");
            });
        }
    }

    [TestCaseSource(nameof(HostileNames))]
    public async Task EveryUploadForm_GenuineFileWithHostileName_IsStoredOnceUnderACleanName(string name, string fileName, string expected)
    {
        foreach (var form in _uploads)
        {
            var before = await CountsAsync();
            var pdf = Encoding.ASCII.GetBytes($"%PDF-1.4\n% {Interlocked.Increment(ref _counter)} {Guid.NewGuid()}\n%%EOF\n");

            using var response = await UploadAsync(form, fileName, pdf);

            Assert.That((int)response.StatusCode, Is.EqualTo(302), $"{form}: {name}: {Message(await TestSession.ParseAsync(response))}");
            var stored = await _app.WithDbAsync(db => db.Attachments.OrderByDescending(a => a.UploadedAtUtc).ThenByDescending(a => a.Id).Where(a => a.SizeBytes == pdf.Length).Select(a => new { a.FileName, a.Sha256 }).ToListAsync());
            var hash = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(pdf));
            var mine = stored.Single(a => a.Sha256 == hash);
            await Assert.MultipleAsync(async () =>
            {
                Assert.That(mine.FileName, Is.EqualTo(expected), $"{form}: {name}");
                Assert.That(mine.FileName.IndexOfAny(['/', '\\', '\0', '\u202E', '\u200B', '\uFEFF', '<', '>']), Is.EqualTo(-1), $"{form}: {name}: unsafe character in {mine.FileName}");
                Assert.That(mine.FileName, Does.Not.StartWith("."));
                Assert.That(mine.FileName.Length, Is.LessThanOrEqualTo(150));
                var after = await CountsAsync();
                Assert.That(after, Is.EqualTo((before.Attachments + 1, before.Files + 1)), $"{form}: {name}: exactly one document stored");
            });
            var (_, listing) = await (await _crawler.SessionAsync(form.Identity)).GetPageAsync(form.Page);
            Assert.That(FormCrawler.PlantedByPayloads(listing), Is.Empty);
            Assert.That(listing.QuerySelectorAll("img[src='x']"), Is.Empty, "a hostile name is shown as text");
        }
    }

    private static IEnumerable<(string Name, string FileName, byte[] Content)> Malicious()
    {
        var pdf = Encoding.ASCII.GetBytes("%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n");
        yield return ("PDF header then HTML and script", "report.pdf", Encoding.ASCII.GetBytes("%PDF-1.4\n<html><body><script>alert(document.cookie)</script></body></html>\n%%EOF\n"));
        yield return ("PDF header then SVG with script", "report.pdf", Encoding.ASCII.GetBytes("%PDF-1.7\n<svg xmlns=\"http://www.w3.org/2000/svg\" onload=\"alert(1)\"/>\n%%EOF\n"));
        yield return ("PNG with a zip appended (GIFAR-like)", "photo.png", [.. Png, .. Zip(("evil.class", new byte[64]))]);
        yield return ("PNG with HTML appended", "photo.png", [.. Png, .. "<html><script>alert(1)</script>"u8.ToArray()]);
        yield return ("JPEG header then HTML", "photo.jpg", [0xFF, 0xD8, 0xFF, 0xE0, .. "<html><script>alert(1)</script></html>"u8.ToArray()]);
        yield return ("zip holding an image, named .png", "photo.png", Zip(("photo.png", Png)));
        yield return ("ELF executable named .pdf", "manual.pdf", [0x7F, 0x45, 0x4C, 0x46, 0x02, 0x01, 0x01, 0x00, .. new byte[120]]);
        yield return ("PE executable (MZ) named .png", "logo.png", [0x4D, 0x5A, 0x90, 0x00, 0x03, 0x00, 0x00, 0x00, .. "This program cannot be run in DOS mode"u8.ToArray()]);
        yield return ("PE executable (MZ) named .pdf", "invoice.pdf", [0x4D, 0x5A, 0x90, 0x00, .. new byte[200]]);
        yield return ("SVG with script named .png", "chart.png", Encoding.UTF8.GetBytes("<svg xmlns=\"http://www.w3.org/2000/svg\"><script>alert(1)</script></svg>"));
        yield return ("HTML named .pdf", "statement.pdf", Encoding.UTF8.GetBytes("<!DOCTYPE html><html><script>alert(1)</script></html>"));
        yield return ("JavaScript named .pdf", "statement.pdf", Encoding.UTF8.GetBytes("alert(document.domain)"));
        yield return ("batch file named .docx", "letter.docx", Encoding.UTF8.GetBytes("@echo off\r\nformat c: /q\r\n"));
        yield return ("zip bomb named .docx", "budget.docx", ZipBomb());
        yield return ("DOCX with 2,500 parts", "many.docx", Zip([("[Content_Types].xml", "<Types/>"u8.ToArray()), ("word/document.xml", "<w/>"u8.ToArray()), .. Enumerable.Range(0, 2500).Select(i => ($"word/p{i}.xml", "<x/>"u8.ToArray()))]));
        yield return ("DOCX missing [Content_Types].xml", "letter.docx", Zip(("word/document.xml", "<w:document/>"u8.ToArray())));
        yield return ("DOCX with a path-traversal entry", "letter.docx", Zip(("[Content_Types].xml", "<Types/>"u8.ToArray()), ("word/document.xml", "<w/>"u8.ToArray()), ("../../evil.sh", "rm -rf /"u8.ToArray())));
        yield return ("XLSX named .docx", "sheet.docx", Zip(("[Content_Types].xml", "<Types/>"u8.ToArray()), ("xl/workbook.xml", "<workbook/>"u8.ToArray())));
        yield return ("damaged zip named .docx", "broken.docx", [.. "PK\u0003\u0004"u8.ToArray(), .. new byte[100]]);
        yield return ("PDF named .png", "photo.png", pdf);
        yield return ("PDF with a double extension .pdf.exe", "report.pdf.exe", pdf);
        yield return ("PDF named .html", "report.html", pdf);
        yield return ("PDF with no extension", "report", pdf);
        yield return ("0-byte file", "empty.pdf", []);
        var big = new byte[(10 * 1024 * 1024) + 1];
        pdf.CopyTo(big, 0);
        yield return ("oversize file (10 MB + 1 byte)", "big.pdf", big);
        yield return ("traversal name on an HTML file", "../../wwwroot/index.pdf", Encoding.UTF8.GetBytes("<html><script>alert(1)</script></html>"));
    }

    private static IEnumerable<(string Name, string FileName, string Expected)> Named()
    {
        yield return ("Unix path traversal", "../../etc/passwd.pdf", "passwd.pdf");
        yield return ("Windows path traversal", "..\\..\\win.ini.pdf", "win.ini.pdf");
        yield return ("absolute path", "/var/www/report.pdf", "report.pdf");
        yield return ("NUL in the name", "report\0.exe.pdf", "report.exe.pdf");
        yield return ("right-to-left override", "invoice\u202Efdp.exe.pdf", "invoicefdp.exe.pdf");
        yield return ("zero-width characters", "re\u200Bport\uFEFF.pdf", "report.pdf");
        yield return ("markup in the name", "<img src=x onerror=alert(1)>.pdf", "img src=x onerror=alert(1).pdf");
        yield return ("only an extension", ".pdf", "document.pdf");
        yield return ("400-character name", new string('a', 400) + ".pdf", new string('a', 146) + ".pdf");
    }

    private static string Message(IHtmlDocument page) =>
        string.Join(' ', page.QuerySelectorAll("[data-error-summary], [id$='-error']").Select(e => e.TextContent.Trim())).Trim();

    private static byte[] Zip(params (string Name, byte[] Content)[] entries)
    {
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (name, content) in entries)
            {
                using var stream = zip.CreateEntry(name).Open();
                stream.Write(content);
            }
        }

        return buffer.ToArray();
    }

    /// <summary>A valid-looking DOCX whose main part expands to 120 MB of zeros (a few hundred KB compressed).</summary>
    private static byte[] ZipBomb()
    {
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            using (var types = zip.CreateEntry("[Content_Types].xml").Open())
            {
                types.Write("<Types/>"u8);
            }

            using var document = zip.CreateEntry("word/document.xml", CompressionLevel.SmallestSize).Open();
            var zeros = new byte[1024 * 1024];
            for (var i = 0; i < 120; i++)
            {
                document.Write(zeros);
            }
        }

        return buffer.ToArray();
    }

    private async Task<HttpResponseMessage> UploadAsync(DiscoveredForm form, string fileName, byte[] content)
    {
        var file = form.Fields.First(f => f.Kind == FieldKind.File).Name;
        var fields = form.Original();
        if (!fields.Any(f => f.Key == "DocumentType" && f.Value.Length > 0))
        {
            fields.RemoveAll(f => f.Key == "DocumentType");
            fields.Add(new("DocumentType", "Other"u8.ToArray()));
        }

        return await _crawler.PostAsync(form, fields, (file, fileName, content));
    }

    private Task<(int Attachments, int Files)> CountsAsync() => _app.WithDbAsync(async db => (await db.Attachments.CountAsync(), await db.StoredFiles.CountAsync()));
}
