using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using TrustFund.Infrastructure.Demo;
using TrustFund.Web.Tests.Infrastructure;

namespace TrustFund.Web.Tests.Recovery;

/// <summary>
/// Writes against a running app, as people signing in do: each sign-in writes a session and an audit
/// entry. Every answer is kept with its time, so a drill can tell what failed and when.
/// </summary>
internal sealed class SignInLoad : IAsyncDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private readonly List<Task> _workers;
    private readonly Stopwatch _clock = Stopwatch.StartNew();

    public SignInLoad(Uri address, int workers)
    {
        _workers = [.. Enumerable.Range(0, workers).Select(_ => Task.Run(() => WorkAsync(address)))];
    }

    /// <summary>(seconds since the load began, status; 0 when the request itself failed).</summary>
    public ConcurrentQueue<(double At, int Status)> Answers { get; } = new();

    public double Now => _clock.Elapsed.TotalSeconds;

    public int SignedIn => Answers.Count(a => a.Status == (int)HttpStatusCode.Redirect);

    /// <summary>Waits until <paramref name="count"/> sign-ins have succeeded (the first ones also warm the app up).</summary>
    public async Task WaitForSignInsAsync(int count, TimeSpan timeout)
    {
        var deadline = Stopwatch.StartNew();
        while (SignedIn < count)
        {
            if (deadline.Elapsed > timeout)
            {
                throw new TimeoutException($"Only {SignedIn} of {count} sign-ins succeeded within {timeout.TotalSeconds} s; answers: {string.Join(", ", Answers.Select(a => a.Status).Distinct())}.");
            }

            await Task.Delay(50);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await Task.WhenAll(_workers);
        _stop.Dispose();
    }

    private async Task WorkAsync(Uri address)
    {
        while (!_stop.IsCancellationRequested)
        {
            var handler = new HttpClientHandler { AllowAutoRedirect = false, CookieContainer = new CookieContainer() };
            using var session = new TestSession(new HttpClient(handler) { BaseAddress = address, Timeout = TimeSpan.FromSeconds(20) });
            int status;
            try
            {
                var response = await session.PostFormAsync("/Account/Login", "/Account/Login", new()
                {
                    ["Email"] = "applicant@trustfund.test",
                    ["Password"] = DemoData.Password,
                });
                status = (int)response.StatusCode;
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException or InvalidOperationException)
            {
                status = 0;
            }

            Answers.Enqueue((Now, status));
            if (status != (int)HttpStatusCode.Redirect)
            {
                await Task.Delay(50);
            }
        }
    }
}
