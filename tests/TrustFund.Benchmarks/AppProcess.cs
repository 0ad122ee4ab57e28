using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using TrustFund.Infrastructure.Persistence;

namespace TrustFund.Benchmarks;

/// <summary>
/// The app published in Release and run as its own process on a free 127.0.0.1 port, in benchmark mode:
/// the baselines assembly, published on its own, is loaded into the app's process by a startup hook and
/// runs as a hosting startup (the app itself ships no benchmark code).
/// </summary>
public sealed class AppProcess : IAsyncDisposable
{
    private readonly Process _process;

    private AppProcess(Process process, Uri address)
    {
        _process = process;
        Address = address;
    }

    public Uri Address { get; }

    public int ProcessId => _process.Id;

    /// <summary>Publishes src/TrustFund.Web in Release into artifacts/bench/web.</summary>
    public static Task<string> PublishAsync(string repositoryRoot, CancellationToken cancellationToken) =>
        PublishAsync(repositoryRoot, "src/TrustFund.Web", "web", "TrustFund.Web", cancellationToken);

    /// <summary>Publishes tests/TrustFund.Benchmarks.Baselines in Release into artifacts/bench/baselines.</summary>
    public static Task<string> PublishBaselinesAsync(string repositoryRoot, CancellationToken cancellationToken) =>
        PublishAsync(repositoryRoot, "tests/TrustFund.Benchmarks.Baselines", "baselines", "TrustFund.Benchmarks.Baselines", cancellationToken);

    public static async Task<AppProcess> StartAsync(string appDll, string baselinesDll, DatabaseProvider provider, string connectionString, CancellationToken cancellationToken)
    {
        var port = FreePort();
        var address = new Uri($"http://127.0.0.1:{port.ToString(CultureInfo.InvariantCulture)}");
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = Path.GetDirectoryName(appDll)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.ArgumentList.Add(appDll);
        start.Environment["ASPNETCORE_URLS"] = address.ToString();
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["Database__Provider"] = provider.ToString();
        start.Environment["ConnectionStrings__TrustFund"] = connectionString;
        start.Environment["Database__MigrateOnStartup"] = "true";
        start.Environment["PublicSite__BaseUrl"] = address.ToString();
        start.Environment["Email__DispatcherEnabled"] = "false";
        start.Environment["Email__PickupFolder"] = Path.Combine(Path.GetTempPath(), "trustfund-bench-mail");
        start.Environment["Logging__LogLevel__Default"] = "Warning";

        // The runtime runs the baselines' startup hook before Main; it lets ASP.NET Core load the assembly
        // (not in the app's deps.json) by the name listed as a hosting startup.
        start.Environment["DOTNET_STARTUP_HOOKS"] = Path.GetFullPath(baselinesDll);
        start.Environment["ASPNETCORE_HOSTINGSTARTUPASSEMBLIES"] = Path.GetFileNameWithoutExtension(baselinesDll);

        // As deploy/trustfund.service runs the app: glibc reads this at process start (see docs/decisions.md).
        start.Environment["MALLOC_ARENA_MAX"] = Environment.GetEnvironmentVariable("MALLOC_ARENA_MAX") ?? "2";

        // The runner signs in again whenever its last session cookie would pass a minute old within a run (see
        // Program.cs), far more often than the sign-in limits allow a person.
        start.Environment["RateLimits__SignInPerAccount__PermitLimit"] = "100000";
        start.Environment["RateLimits__SignInPerClient__PermitLimit"] = "100000";
        start.Environment["RateLimits__DocumentsPerUser__PermitLimit"] = "100000";
        var process = Process.Start(start) ?? throw new InvalidOperationException("The app did not start.");
        process.OutputDataReceived += (_, e) => Echo(e.Data);
        process.ErrorDataReceived += (_, e) => Echo(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var app = new AppProcess(process, address);
        await app.WaitUntilReadyAsync(cancellationToken);
        return app;
    }

    /// <summary>Resident memory of the app process, in MB, from /proc.</summary>
    public double ResidentMemoryMb(string field = "VmRSS")
    {
        foreach (var line in File.ReadLines($"/proc/{_process.Id.ToString(CultureInfo.InvariantCulture)}/status"))
        {
            if (line.StartsWith(field + ":", StringComparison.Ordinal))
            {
                var kb = long.Parse(line[(field.Length + 1)..].Trim().Split(' ')[0], CultureInfo.InvariantCulture);
                return kb / 1024.0;
            }
        }

        return double.NaN;
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
    }

    private static async Task<string> PublishAsync(string repositoryRoot, string project, string folder, string assembly, CancellationToken cancellationToken)
    {
        var output = Path.Combine(repositoryRoot, "artifacts", "bench", folder);
        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = repositoryRoot };
        foreach (var argument in new[] { "publish", project, "-c", "Release", "-o", output, "--nologo", "-v", "q" })
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet publish did not start.");
        await process.WaitForExitAsync(cancellationToken);
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"Publishing {project} in Release failed.");
        }

        return Path.Combine(output, assembly + ".dll");
    }

    private static void Echo(string? line)
    {
        if (!string.IsNullOrEmpty(line))
        {
            Console.WriteLine($"  [app] {line}");
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private async Task WaitUntilReadyAsync(CancellationToken cancellationToken)
    {
        using var client = new HttpClient { BaseAddress = Address, Timeout = TimeSpan.FromSeconds(5) };
        var deadline = DateTime.UtcNow.AddMinutes(2);
        while (DateTime.UtcNow < deadline)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"The app exited with code {_process.ExitCode.ToString(CultureInfo.InvariantCulture)} while starting.");
            }

            try
            {
                using var response = await client.GetAsync(new Uri("/health/ready", UriKind.Relative), cancellationToken);
                if (response.IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                // Slow first answer; try again.
            }

            await Task.Delay(500, cancellationToken);
        }

        throw new TimeoutException("The app was not ready within two minutes.");
    }
}
