using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace TrustFund.Web.Tests.Recovery;

/// <summary>
/// The built app as its own process (<c>dotnet TrustFund.Web.dll</c>) on a free loopback port, with the
/// settings given, so a drill can kill it, restart it, or take its database away.
/// </summary>
internal sealed class AppServer : IAsyncDisposable
{
    private readonly Process _process;
    private readonly ConcurrentQueue<string> _output = new();

    private AppServer(Process process, Uri address)
    {
        _process = process;
        Address = address;
        Http = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = false }) { BaseAddress = address, Timeout = TimeSpan.FromSeconds(30) };
    }

    public Uri Address { get; }

    public HttpClient Http { get; }

    public int ProcessId => _process.Id;

    public bool HasExited => _process.HasExited;

    public string RecentOutput => string.Join(Environment.NewLine, _output.TakeLast(60));

    /// <summary>The web app's own build output (built with this test project, which references it).</summary>
    public static string WebAssembly()
    {
        var output = new DirectoryInfo(AppContext.BaseDirectory);
        var own = Path.Combine(Hosting.DeploymentFiles.RepositoryRoot(), "src", "TrustFund.Web", "bin", output.Parent!.Name, output.Name, "TrustFund.Web.dll");
        return File.Exists(own) ? own : Path.Combine(AppContext.BaseDirectory, "TrustFund.Web.dll");
    }

    public static AppServer Start(IReadOnlyDictionary<string, string> settings, params string[] arguments)
    {
        var address = new Uri($"http://127.0.0.1:{FreePort()}");
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = Path.Combine(Hosting.DeploymentFiles.RepositoryRoot(), "src", "TrustFund.Web"),
        };
        start.ArgumentList.Add(WebAssembly());
        start.ArgumentList.Add("--urls");
        start.ArgumentList.Add(address.ToString().TrimEnd('/'));
        arguments.ToList().ForEach(start.ArgumentList.Add);
        start.Environment["DOTNET_NOLOGO"] = "1";
        start.Environment["Email__DispatcherEnabled"] = "false";
        start.Environment["Reviews__RemindersEnabled"] = "false";
        start.Environment["Reports__RemindersEnabled"] = "false";
        start.Environment["RateLimits__Enabled"] = "false";
        foreach (var (key, value) in settings)
        {
            start.Environment[key] = value;
        }

        var process = new Process { StartInfo = start };
        var server = new AppServer(process, address);
        process.OutputDataReceived += (_, e) => server.Keep(e.Data);
        process.ErrorDataReceived += (_, e) => server.Keep(e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return server;
    }

    /// <summary>The status /health/ready answers now (0 when nothing answers).</summary>
    public async Task<int> ReadinessAsync()
    {
        try
        {
            using var response = await Http.GetAsync(new Uri("/health/ready", UriKind.Relative));
            return (int)response.StatusCode;
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
        {
            return 0;
        }
    }

    /// <summary>Waits until /health/ready answers <paramref name="status"/>; returns how long that took.</summary>
    public async Task<TimeSpan> WaitForReadinessAsync(int status, TimeSpan timeout)
    {
        var watch = Stopwatch.StartNew();
        while (watch.Elapsed < timeout)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"The app exited ({_process.ExitCode}).{Environment.NewLine}{RecentOutput}");
            }

            if (await ReadinessAsync() == status)
            {
                return watch.Elapsed;
            }

            await Task.Delay(100);
        }

        throw new TimeoutException($"/health/ready did not answer {status} within {timeout.TotalSeconds} s.{Environment.NewLine}{RecentOutput}");
    }

    /// <summary>SIGKILL: no shutdown, no flush, as a crash or the OOM killer would.</summary>
    public async Task KillAsync()
    {
        _process.Kill(entireProcessTree: true);
        await _process.WaitForExitAsync();
    }

    /// <summary>Waits for a process started with a maintenance command; its exit code and output.</summary>
    public async Task<(int ExitCode, string Output)> ExitAsync(TimeSpan timeout)
    {
        using var cancel = new CancellationTokenSource(timeout);
        await _process.WaitForExitAsync(cancel.Token);
        _process.WaitForExit();
        return (_process.ExitCode, string.Join(Environment.NewLine, _output));
    }

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
    }

    private void Keep(string? line)
    {
        if (line is not null)
        {
            _output.Enqueue(line);
        }
    }

    internal static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
