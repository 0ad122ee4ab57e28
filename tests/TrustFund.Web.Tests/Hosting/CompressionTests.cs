using System.IO.Compression;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.RegularExpressions;
using TrustFund.Web.Tests.Infrastructure;

namespace TrustFund.Web.Tests.Hosting;

/// <summary>
/// Light pages for slow connections: pages compressed when the browser accepts it (and still never cached), the
/// stylesheets and scripts linked under fingerprinted addresses, and no Bootstrap script on any page. That they are
/// served precompressed, kept by the browser (a year, immutable) and not fetched again is measured in Chromium by
/// <c>PageWeightTests</c> in the browser tests, on the app started as a published app serves its files.
/// </summary>
public sealed partial class CompressionTests
{
    private TrustFundApp _app = null!;

    [OneTimeSetUp]
    public async Task StartApp() => _app = await new TrustFundApp().StartAsync();

    [OneTimeTearDown]
    public void StopApp() => _app.Dispose();

    [TestCase("br")]
    [TestCase("gzip")]
    public async Task Page_BrowserAcceptsCompression_IsCompressedAndStillNotCached(string encoding)
    {
        using var client = _app.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/Account/Login");
        request.Headers.AcceptEncoding.Add(new StringWithQualityHeaderValue(encoding));

        using var response = await client.SendAsync(request);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(response.Content.Headers.ContentEncoding, Is.EqualTo(new[] { encoding }));
        Assert.That(response.Headers.CacheControl?.NoStore, Is.True, "pages are never kept by browsers or proxies");
        var compressed = await response.Content.ReadAsByteArrayAsync();
        var html = Decompress(compressed, encoding);
        Assert.That(html, Does.Contain("<form method=\"post\" action=\"/Account/Login\""));
        Assert.That(compressed.Length, Is.LessThan(Encoding.UTF8.GetByteCount(html) / 2), "compression at least halves a page");
    }

    [Test]
    public async Task Page_EachResponse_CarriesADifferentAntiforgeryToken()
    {
        using var session = _app.NewSession();

        var first = await session.AntiforgeryTokenAsync("/Account/Login");
        var second = await session.AntiforgeryTokenAsync("/Account/Login");

        // A compressed page that repeated a fixed secret could leak it through its compressed size (BREACH).
        Assert.That(second, Is.Not.EqualTo(first));
    }

    [Test]
    public async Task Layout_LinksFingerprintedAssetsOnly_AndNoBootstrapScript()
    {
        using var session = _app.NewSession();
        var (_, page) = await session.GetPageAsync("/Account/Login");

        var assets = page.QuerySelectorAll("link[rel=stylesheet], script[src]").Select(e => e.GetAttribute("href") ?? e.GetAttribute("src")!).ToList();

        Assert.That(assets, Has.Count.GreaterThanOrEqualTo(3));
        Assert.That(assets, Has.All.Match(Fingerprinted()), "every stylesheet and script under an address that changes with its content");
        Assert.That(assets, Has.None.Contains("bootstrap.bundle"), "no page needs Bootstrap's script");
    }

    private static string Decompress(byte[] body, string encoding)
    {
        using var input = new MemoryStream(body);
        using Stream decompressor = encoding == "br" ? new BrotliStream(input, CompressionMode.Decompress) : new GZipStream(input, CompressionMode.Decompress);
        using var reader = new StreamReader(decompressor, Encoding.UTF8);
        return reader.ReadToEnd();
    }

    [GeneratedRegex(@"^/(css|js|lib)/.+\.[a-z0-9]{8,}\.(min\.)?(css|js)$|[?&]v=[A-Za-z0-9_-]{20,}")]
    private static partial Regex Fingerprinted();
}
