using System.Net;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;

namespace TrustFund.Web.Tests.Infrastructure;

/// <summary>A browser-like client: keeps cookies, reads pages as HTML and posts forms with their antiforgery token.</summary>
public sealed class TestSession : IDisposable
{
    private static readonly HtmlParser Parser = new();

    public TestSession(HttpClient client)
    {
        Client = client;
    }

    public HttpClient Client { get; }

    /// <summary>The cookies the client keeps (null for a client made without a cookie container).</summary>
    public CookieContainer? Cookies { get; init; }

    public Task<HttpResponseMessage> GetAsync(string url) => Client.GetAsync(new Uri(url, UriKind.Relative));

    /// <summary>GETs a page and parses it.</summary>
    public async Task<(HttpResponseMessage Response, IHtmlDocument Document)> GetPageAsync(string url)
    {
        var response = await GetAsync(url);
        var html = await response.Content.ReadAsStringAsync();
        return (response, Parser.ParseDocument(html));
    }

    /// <summary>GETs a page as a reader of <paramref name="language"/> (its Accept-Language) and parses it, expecting 200 OK.</summary>
    public async Task<IHtmlDocument> GetPageInAsync(string url, string language)
    {
        Client.DefaultRequestHeaders.Remove("Accept-Language");
        Client.DefaultRequestHeaders.TryAddWithoutValidation("Accept-Language", language);
        try
        {
            var (response, page) = await GetPageAsync(url);
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), url);
            return page;
        }
        finally
        {
            Client.DefaultRequestHeaders.Remove("Accept-Language");
        }
    }

    /// <summary>Reads the antiforgery token of the first form on <paramref name="formPage"/>, then posts <paramref name="fields"/> to <paramref name="action"/>.</summary>
    public async Task<HttpResponseMessage> PostFormAsync(string formPage, string action, Dictionary<string, string> fields)
    {
        var token = await AntiforgeryTokenAsync(formPage);
        var body = new List<KeyValuePair<string, string>>(fields) { new("__RequestVerificationToken", token) };
        return await Client.PostAsync(new Uri(action, UriKind.Relative), new FormUrlEncodedContent(body));
    }

    /// <summary>Posts without any antiforgery token.</summary>
    public Task<HttpResponseMessage> PostWithoutTokenAsync(string action, Dictionary<string, string> fields) =>
        Client.PostAsync(new Uri(action, UriKind.Relative), new FormUrlEncodedContent(fields));

    public async Task<string> AntiforgeryTokenAsync(string formPage)
    {
        var (response, document) = await GetPageAsync(formPage);
        var input = document.QuerySelector("input[name=__RequestVerificationToken]") as IHtmlInputElement;
        return input?.Value
            ?? throw new InvalidOperationException($"No antiforgery token on {formPage} ({(int)response.StatusCode}).");
    }

    public static IHtmlDocument Parse(string html) => Parser.ParseDocument(html);

    public static async Task<IHtmlDocument> ParseAsync(HttpResponseMessage response) =>
        Parser.ParseDocument(await response.Content.ReadAsStringAsync());

    public static bool IsRedirectTo(HttpResponseMessage response, string pathPrefix) =>
        response.StatusCode is HttpStatusCode.Redirect or HttpStatusCode.Found or HttpStatusCode.SeeOther
        && response.Headers.Location is { } location
        && (location.IsAbsoluteUri ? location.PathAndQuery : location.OriginalString).StartsWith(pathPrefix, StringComparison.OrdinalIgnoreCase);

    public void Dispose() => Client.Dispose();
}
