using System.Net;
using System.Net.Sockets;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;

namespace TrustFund.ScaleOut.Tests.Infrastructure;

/// <summary>
/// One person's browser: one cookie jar, used against any of the addresses it is given (instance A,
/// instance B, or the load balancer) as a browser would be when a load balancer picks the instance.
/// Cookies on 127.0.0.1 are shared by every port, so the jar carries the same cookies to each address.
/// Connections leave from <c>source</c> (any 127.x.y.z address), so the load balancer sees a client of its own.
/// </summary>
public sealed class Browser : IDisposable
{
    private static readonly HtmlParser Parser = new();
    private readonly HttpClient _client;

    public Browser(IPAddress? source = null)
    {
        var handler = new SocketsHttpHandler
        {
            CookieContainer = Cookies,
            UseCookies = true,
            AllowAutoRedirect = false,
            PooledConnectionLifetime = TimeSpan.FromSeconds(2),
        };
        if (source is not null)
        {
            handler.ConnectCallback = async (context, cancellationToken) =>
            {
                var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
                try
                {
                    socket.Bind(new IPEndPoint(source, 0));
                    await socket.ConnectAsync(context.DnsEndPoint, cancellationToken);
                    return new NetworkStream(socket, ownsSocket: true);
                }
                catch
                {
                    socket.Dispose();
                    throw;
                }
            };
        }

        _client = new HttpClient(handler) { Timeout = TimeSpan.FromSeconds(30) };
    }

    public CookieContainer Cookies { get; } = new();

    public Task<HttpResponseMessage> GetAsync(Uri site, string path) => _client.GetAsync(new Uri(site, path));

    /// <summary>GETs a page and parses it.</summary>
    public async Task<(HttpResponseMessage Response, IHtmlDocument Document)> PageAsync(Uri site, string path)
    {
        var response = await GetAsync(site, path);
        return (response, Parser.ParseDocument(await response.Content.ReadAsStringAsync()));
    }

    /// <summary>A page that must answer 200.</summary>
    public async Task<IHtmlDocument> OkPageAsync(Uri site, string path)
    {
        var (response, document) = await PageAsync(site, path);
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), $"GET {site}{path.TrimStart('/')}");
        return document;
    }

    /// <summary>Posts the form's fields (hidden ones included, antiforgery token among them) with <paramref name="values"/> over them.</summary>
    public Task<HttpResponseMessage> SubmitAsync(Uri site, IHtmlFormElement form, Dictionary<string, string> values)
    {
        var fields = form.Elements.OfType<IHtmlInputElement>()
            .Where(i => i.Type is "hidden" && !string.IsNullOrEmpty(i.Name))
            .ToDictionary(i => i.Name!, i => i.Value);
        foreach (var (name, value) in values)
        {
            fields[name] = value;
        }

        var action = form.GetAttribute("action") is { Length: > 0 } a ? a : throw new InvalidOperationException("The form has no action.");
        return _client.PostAsync(new Uri(site, action), new FormUrlEncodedContent(fields));
    }

    /// <summary>The first form whose action is <paramref name="action"/> (or the first form of any action ending with it).</summary>
    public static IHtmlFormElement Form(IHtmlDocument document, string action) =>
        document.Forms.FirstOrDefault(f => string.Equals(f.GetAttribute("action"), action, StringComparison.OrdinalIgnoreCase))
        ?? document.Forms.FirstOrDefault(f => f.GetAttribute("action")?.EndsWith(action, StringComparison.OrdinalIgnoreCase) == true)
        ?? throw new AssertionException($"No form posting to {action} on the page \"{document.Title}\".");

    public static IHtmlDocument Parse(string html) => Parser.ParseDocument(html);

    public static bool IsRedirect(HttpResponseMessage response, string pathPrefix = "/") =>
        response.StatusCode is HttpStatusCode.Redirect or HttpStatusCode.Found or HttpStatusCode.SeeOther
        && response.Headers.Location is { } location
        && (location.IsAbsoluteUri ? location.PathAndQuery : location.OriginalString).StartsWith(pathPrefix, StringComparison.OrdinalIgnoreCase);

    public void Dispose() => _client.Dispose();
}
