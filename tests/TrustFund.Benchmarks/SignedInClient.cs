using System.Net;
using System.Text.RegularExpressions;

namespace TrustFund.Benchmarks;

/// <summary>Signs in through the real login form (with its antiforgery token) and keeps the cookies.</summary>
public sealed partial class SignedInClient : IDisposable
{
    private readonly CookieContainer _cookies = new();
    private readonly HttpClient _client;
    private readonly Uri _address;

    public SignedInClient(Uri address)
    {
        _address = address;
        _client = new HttpClient(new HttpClientHandler { CookieContainer = _cookies, AllowAutoRedirect = false }) { BaseAddress = address };
    }

    /// <summary>The Cookie header to replay in wrk.</summary>
    public string CookieHeader => _cookies.GetCookieHeader(_address);

    public async Task SignInAsync(string email, string password, CancellationToken cancellationToken)
    {
        var form = await _client.GetStringAsync(new Uri("/Account/Login", UriKind.Relative), cancellationToken);
        var token = TokenInput().Match(form) is { Success: true } input && TokenValue().Match(input.Value) is { Success: true } value
            ? WebUtility.HtmlDecode(value.Groups[1].Value)
            : throw new InvalidOperationException("The login form has no antiforgery token.");
        using var body = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Email"] = email,
            ["Password"] = password,
            ["__RequestVerificationToken"] = token,
        });
        using var response = await _client.PostAsync(new Uri("/Account/Login", UriKind.Relative), body, cancellationToken);
        if (response.StatusCode != HttpStatusCode.Redirect || !CookieHeader.Contains("TrustFund.Auth", StringComparison.Ordinal))
        {
            throw new InvalidOperationException($"Signing in as {email} failed ({(int)response.StatusCode}).");
        }
    }

    /// <summary>Reads a page once; returns its status and the SQL statement count header.</summary>
    public async Task<(HttpStatusCode Status, int? Statements)> ProbeAsync(string path, CancellationToken cancellationToken)
    {
        using var response = await _client.GetAsync(new Uri(path, UriKind.Relative), cancellationToken);
        var statements = response.Headers.TryGetValues("X-Sql-Statements", out var values) && int.TryParse(values.FirstOrDefault(), out var n) ? n : (int?)null;
        return (response.StatusCode, statements);
    }

    public void Dispose() => _client.Dispose();

    [GeneratedRegex("<input[^>]*name=\"__RequestVerificationToken\"[^>]*>")]
    private static partial Regex TokenInput();

    [GeneratedRegex("value=\"([^\"]*)\"")]
    private static partial Regex TokenValue();
}
