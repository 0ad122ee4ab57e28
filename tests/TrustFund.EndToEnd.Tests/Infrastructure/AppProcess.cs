using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace TrustFund.EndToEnd.Tests.Infrastructure;

/// <summary>
/// The real app as its own process (<c>dotnet TrustFund.Web.dll</c>) on a free loopback port, in the
/// Development environment so the demo data is seeded, over a throw-away SQLite file and mail folder.
/// </summary>
public sealed class AppProcess : IAsyncDisposable
{
    private const int OutputLinesKept = 300;

    private readonly Process _process;
    private readonly string _workFolder;
    private readonly ConcurrentQueue<string> _output = new();

    private AppProcess(Process process, string workFolder, Uri baseAddress)
    {
        _process = process;
        _workFolder = workFolder;
        BaseAddress = baseAddress;
    }

    public Uri BaseAddress { get; }

    /// <summary>The folder the app writes each email into as an .eml file (its outbox dispatcher runs every few seconds).</summary>
    public string MailFolder => Path.Combine(_workFolder, "mail");

    /// <summary>The app's last lines of console output, for failure messages.</summary>
    public string RecentOutput => string.Join(Environment.NewLine, _output);

    /// <summary>Starts the app and waits until <c>/health/ready</c> answers 200.</summary>
    public static async Task<AppProcess> StartAsync(TimeSpan readyTimeout)
    {
        var (assembly, contentRoot) = LocateWebApp();
        var workFolder = Directory.CreateTempSubdirectory("trustfund-e2e-").FullName;
        var port = FreeLoopbackPort();
        var baseAddress = new Uri($"http://127.0.0.1:{port}");

        var startInfo = new ProcessStartInfo(DotnetHost())
        {
            WorkingDirectory = contentRoot,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        startInfo.ArgumentList.Add(assembly);
        startInfo.ArgumentList.Add("--urls");
        startInfo.ArgumentList.Add(baseAddress.ToString().TrimEnd('/'));
        startInfo.Environment["ASPNETCORE_ENVIRONMENT"] = "Development";
        startInfo.Environment["ASPNETCORE_CONTENTROOT"] = contentRoot;
        startInfo.Environment["Database__Provider"] = "Sqlite";
        startInfo.Environment["Database__MigrateOnStartup"] = "true";
        startInfo.Environment["ConnectionStrings__TrustFund"] = $"Data Source={Path.Combine(workFolder, "trustfund.db")}";
        startInfo.Environment["Email__PickupFolder"] = Path.Combine(workFolder, "mail");
        startInfo.Environment["Email__Smtp__Host"] = string.Empty;
        startInfo.Environment["Email__DispatcherEnabled"] = "true";
        startInfo.Environment["Email__PollInterval"] = "00:00:01";
        // Every test signs in from the same loopback address: the per-client sign-in limit (meant against password
        // spraying) would refuse the suite's own sign-ins partway through; the per-account limit stays as configured.
        startInfo.Environment["RateLimits__SignInPerClient__PermitLimit"] = "1000";
        // Static files as a published app serves them (compressed, cached for a year under fingerprinted addresses),
        // not re-read from wwwroot at every request as during development from a build's manifest.
        startInfo.Environment["ReloadStaticAssetsAtRuntime"] = "false";
        // The journey registers an organisation in each language, each sending a confirmation email.
        startInfo.Environment["RateLimits__AccountEmailsPerClient__PermitLimit"] = "100";
        for (var i = 0; i < Cultures.All.Count; i++)
        {
            startInfo.Environment[$"Localization__Cultures__{i}"] = Cultures.All[i];
        }

        startInfo.Environment["DOTNET_NOLOGO"] = "1";

        var process = new Process { StartInfo = startInfo, EnableRaisingEvents = true };
        var app = new AppProcess(process, workFolder, baseAddress);
        process.OutputDataReceived += (_, e) => app.Keep(e.Data);
        process.ErrorDataReceived += (_, e) => app.Keep(e.Data);
        if (!process.Start())
        {
            throw new InvalidOperationException($"Could not start {startInfo.FileName} {assembly}.");
        }

        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            await app.WaitUntilReadyAsync(readyTimeout);
        }
        catch
        {
            await app.DisposeAsync();
            throw;
        }

        return app;
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
                using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
                await _process.WaitForExitAsync(timeout.Token);
            }
        }
        catch (InvalidOperationException)
        {
            // Never started or already gone.
        }
        finally
        {
            _process.Dispose();
        }

        try
        {
            Directory.Delete(_workFolder, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp folder is harmless.
        }
    }

    private void Keep(string? line)
    {
        if (line is null)
        {
            return;
        }

        _output.Enqueue(line);
        while (_output.Count > OutputLinesKept && _output.TryDequeue(out _))
        {
        }
    }

    private async Task WaitUntilReadyAsync(TimeSpan timeout)
    {
        using var http = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(5) };
        var deadline = Stopwatch.StartNew();
        string lastProblem = "no answer yet";
        while (deadline.Elapsed < timeout)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException(
                    $"The app exited with code {_process.ExitCode} before it was ready.{Environment.NewLine}{RecentOutput}");
            }

            try
            {
                using var response = await http.GetAsync(new Uri("/health/ready", UriKind.Relative));
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    return;
                }

                lastProblem = $"/health/ready answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}";
            }
            catch (HttpRequestException e)
            {
                lastProblem = e.Message;
            }
            catch (TaskCanceledException)
            {
                lastProblem = "/health/ready did not answer within 5 s";
            }

            await Task.Delay(250);
        }

        throw new TimeoutException(
            $"The app at {BaseAddress} was not ready after {timeout.TotalSeconds:0} s ({lastProblem}).{Environment.NewLine}{RecentOutput}");
    }

    /// <summary>
    /// The web project's own build output (the test project references it, so it is built in the same
    /// configuration) and, as <c>dotnet run</c> does, the project folder as content root so wwwroot is served
    /// from disk in any environment.
    /// </summary>
    private static (string Assembly, string ContentRoot) LocateWebApp()
    {
        var testOutput = AppContext.BaseDirectory;
        var framework = new DirectoryInfo(testOutput).Name;
        var configuration = new DirectoryInfo(testOutput).Parent?.Name ?? "Debug";
        var webProject = FindWebProject(testOutput);
        if (webProject is not null)
        {
            var ownOutput = Path.Combine(webProject, "bin", configuration, framework, "TrustFund.Web.dll");
            if (File.Exists(ownOutput))
            {
                return (ownOutput, webProject);
            }
        }

        var copied = Path.Combine(testOutput, "TrustFund.Web.dll");
        if (File.Exists(copied))
        {
            return (copied, webProject ?? testOutput);
        }

        throw new FileNotFoundException($"TrustFund.Web.dll was found neither in src/TrustFund.Web/bin/{configuration}/{framework} nor in {testOutput}.");
    }

    private static string? FindWebProject(string start)
    {
        for (var folder = new DirectoryInfo(start); folder is not null; folder = folder.Parent)
        {
            var candidate = Path.Combine(folder.FullName, "src", "TrustFund.Web");
            if (File.Exists(Path.Combine(candidate, "TrustFund.Web.csproj")))
            {
                return candidate;
            }
        }

        return null;
    }

    private static string DotnetHost() =>
        Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host && File.Exists(host) ? host : "dotnet";

    private static int FreeLoopbackPort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        try
        {
            return ((IPEndPoint)listener.LocalEndpoint).Port;
        }
        finally
        {
            listener.Stop();
        }
    }
}
