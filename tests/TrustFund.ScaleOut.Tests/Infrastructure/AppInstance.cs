using System.Diagnostics;
using System.Net;

namespace TrustFund.ScaleOut.Tests.Infrastructure;

/// <summary>One instance of the published app (<c>dotnet TrustFund.Web.dll</c>) on its own loopback port.</summary>
public sealed class AppInstance : IAsyncDisposable
{
    private readonly ManagedProcess _process;

    private AppInstance(string name, ManagedProcess process, Uri address)
    {
        Name = name;
        _process = process;
        Address = address;
    }

    public string Name { get; }

    public Uri Address { get; }

    public int Port => Address.Port;

    public bool HasExited => _process.HasExited;

    public string RecentOutput => _process.RecentOutput;

    public static async Task<AppInstance> StartAsync(string name, string publishFolder, IDictionary<string, string> settings, TimeSpan readyTimeout)
    {
        var port = ManagedProcess.FreeLoopbackPort();
        var address = new Uri($"http://127.0.0.1:{port}/");
        var environment = new Dictionary<string, string>(settings)
        {
            ["ASPNETCORE_URLS"] = $"http://127.0.0.1:{port}",
            ["ASPNETCORE_CONTENTROOT"] = publishFolder,
            ["DOTNET_NOLOGO"] = "1",
        };
        var process = ManagedProcess.Start($"instance {name}", Dotnet(), [Path.Combine(publishFolder, "TrustFund.Web.dll")], environment, publishFolder);
        var instance = new AppInstance(name, process, address);
        try
        {
            await instance.WaitUntilReadyAsync(readyTimeout);
        }
        catch
        {
            await instance.DisposeAsync();
            throw;
        }

        return instance;
    }

    /// <summary>SIGKILL (<c>kill -9</c>).</summary>
    public Task KillAsync() => _process.KillAsync();

    public ValueTask DisposeAsync() => _process.DisposeAsync();

    private async Task WaitUntilReadyAsync(TimeSpan timeout)
    {
        using var http = new HttpClient { BaseAddress = Address, Timeout = TimeSpan.FromSeconds(5) };
        var clock = Stopwatch.StartNew();
        var lastProblem = "no answer yet";
        while (clock.Elapsed < timeout)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"Instance {Name} exited before it was ready.{Environment.NewLine}{RecentOutput}");
            }

            try
            {
                using var response = await http.GetAsync(new Uri("/health/ready", UriKind.Relative));
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    return;
                }

                lastProblem = $"/health/ready answered {(int)response.StatusCode}";
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

        throw new TimeoutException($"Instance {Name} was not ready after {timeout.TotalSeconds:0} s ({lastProblem}).{Environment.NewLine}{RecentOutput}");
    }

    private static string Dotnet() =>
        Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host && File.Exists(host) ? host : "dotnet";
}
