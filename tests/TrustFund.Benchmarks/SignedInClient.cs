using System.Net;
using System.Text.RegularExpressions;
using TrustFund.Infrastructure.Demo;
using TrustFund.Web.Tests.Infrastructure;

namespace TrustFund.Benchmarks;

/// <summary>Signs in through the real login form (with its antiforgery token) and keeps the cookies.</summary>
public sealed partial class SignedInClient : IDisposable
{
    private static readonly Dictionary<string, long> LastSteps = new(StringComparer.Ordinal);
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

    /// <summary>Signs in; staff accounts answer the second step with a code from the demo authenticator key.</summary>
    public async Task SignInAsync(string email, string password, CancellationToken cancellationToken)
    {
        using var response = await PostFormAsync("/Account/Login", new() { ["Email"] = email, ["Password"] = password }, cancellationToken);
        var location = response.Headers.Location?.OriginalString ?? string.Empty;
        if (response.StatusCode == HttpStatusCode.Redirect && location.StartsWith("/Account/LoginWith2fa", StringComparison.Ordinal))
        {
            using var second = await PostFormAsync(location, new() { ["Code"] = await FreshCodeAsync(email, cancellationToken) }, cancellationToken);
            Check(second);
        }
        else
        {
            Check(response);
        }

        void Check(HttpResponseMessage answer)
        {
            if (answer.StatusCode != HttpStatusCode.Redirect || !CookieHeader.Contains("TrustFund.Auth", StringComparison.Ordinal))
            {
                throw new InvalidOperationException($"Signing in as {email} failed ({(int)answer.StatusCode} {answer.Headers.Location}).");
            }
        }
    }

    /// <summary>
    /// The authenticator code of the current 30-second step; the app accepts each code once per account,
    /// so a second sign-in within the same step waits for the next one, as a person would.
    /// </summary>
    private static async Task<string> FreshCodeAsync(string email, CancellationToken cancellationToken)
    {
        var now = DateTimeOffset.UtcNow;
        var step = now.ToUnixTimeSeconds() / 30;
        lock (LastSteps)
        {
            if (!LastSteps.TryGetValue(email, out var last) || last < step)
            {
                LastSteps[email] = step;
                return Totp.At(DemoData.StaffAuthenticatorKey, now);
            }
        }

        var next = DateTimeOffset.FromUnixTimeSeconds((step + 1) * 30).AddSeconds(1);
        await Task.Delay(next - now, cancellationToken);
        return await FreshCodeAsync(email, cancellationToken);
    }

    /// <summary>Reads the form at <paramref name="path"/> for its antiforgery token, then posts the fields to it.</summary>
    private async Task<HttpResponseMessage> PostFormAsync(string path, Dictionary<string, string> fields, CancellationToken cancellationToken)
    {
        var form = await _client.GetStringAsync(new Uri(path, UriKind.Relative), cancellationToken);
        fields["__RequestVerificationToken"] = TokenInput().Match(form) is { Success: true } input && TokenValue().Match(input.Value) is { Success: true } value
            ? WebUtility.HtmlDecode(value.Groups[1].Value)
            : throw new InvalidOperationException($"The form at {path} has no antiforgery token.");
        using var body = new FormUrlEncodedContent(fields);
        return await _client.PostAsync(new Uri(path, UriKind.Relative), body, cancellationToken);
    }

    /// <summary>Reads a page once; returns its status and the SQL statement count header.</summary>
    public async Task<(HttpStatusCode Status, int? Statements)> ProbeAsync(string path, CancellationToken cancellationToken)
    {
        using var response = await _client.GetAsync(new Uri(path, UriKind.Relative), cancellationToken);
        var statements = response.Headers.TryGetValues("X-Sql-Statements", out var values) && int.TryParse(values.FirstOrDefault(), out var n) ? n : (int?)null;
        return (response.StatusCode, statements);
    }

    /// <summary>
    /// Follows the page's <c>rel="next"</c> link up to <paramref name="times"/> times (fewer when the list
    /// ends first, as at small scale); returns the path reached and how many links were followed.
    /// </summary>
    public async Task<(string Path, int Followed)> FollowNextAsync(string path, int times, CancellationToken cancellationToken)
    {
        for (var i = 0; i < times; i++)
        {
            var page = await _client.GetStringAsync(new Uri(path, UriKind.Relative), cancellationToken);
            if (NextLink().Match(page) is not { Success: true } link)
            {
                return (path, i);
            }

            path = WebUtility.HtmlDecode(link.Groups[1].Value);
        }

        return (path, times);
    }

    /// <summary>Downloads a file, reading it as it arrives; returns its status, its length and how many lines it has.</summary>
    public async Task<(HttpStatusCode Status, long Bytes, long Lines)> DownloadAsync(string path, CancellationToken cancellationToken)
    {
        using var response = await _client.GetAsync(new Uri(path, UriKind.Relative), HttpCompletionOption.ResponseHeadersRead, cancellationToken);
        await using var body = await response.Content.ReadAsStreamAsync(cancellationToken);
        var buffer = new byte[81_920];
        long bytes = 0, lines = 0;
        int read;
        while ((read = await body.ReadAsync(buffer, cancellationToken)) > 0)
        {
            bytes += read;
            lines += buffer.AsSpan(0, read).Count((byte)'\n');
        }

        return (response.StatusCode, bytes, lines);
    }

    public void Dispose() => _client.Dispose();

    [GeneratedRegex("<input[^>]*name=\"__RequestVerificationToken\"[^>]*>")]
    private static partial Regex TokenInput();

    [GeneratedRegex("value=\"([^\"]*)\"")]
    private static partial Regex TokenValue();

    [GeneratedRegex("<a[^>]*rel=\"next\"[^>]*href=\"([^\"]*)\"")]
    private static partial Regex NextLink();
}
