using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;

namespace TrustFund.Benchmarks;

/// <summary>One bounded <c>wrk</c> run against 127.0.0.1 and its parsed figures.</summary>
public sealed partial record WrkRun(double Rps, double P50Ms, double P95Ms, double P99Ms, long Errors)
{
    public const int Connections = 32;
    public const int Threads = 2;

    // wrk --latency prints 50/75/90/99 only; the done() hook gives p95 too.
    private const string Script = """
        done = function(summary, latency, requests)
          local e = summary.errors
          io.write(string.format("TF_RESULT %f %f %f %f %f %f\n", summary.requests, summary.duration,
            latency:percentile(50), latency:percentile(95), latency:percentile(99),
            e.connect + e.read + e.write + e.status + e.timeout))
        end
        """;

    public static bool IsInstalled() => File.Exists("/usr/bin/wrk") || File.Exists("/usr/local/bin/wrk");

    public static async Task<WrkRun> RunAsync(Uri url, string? cookie, int seconds, CancellationToken cancellationToken)
    {
        if (!url.IsLoopback)
        {
            throw new InvalidOperationException("Load is only ever sent to 127.0.0.1.");
        }

        var script = Path.Combine(Path.GetTempPath(), "trustfund-wrk-report.lua");
        await File.WriteAllTextAsync(script, Script, cancellationToken);
        var start = new ProcessStartInfo("wrk") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in new[] { "-t", Threads.ToString(CultureInfo.InvariantCulture), "-c", Connections.ToString(CultureInfo.InvariantCulture), "-d", $"{seconds}s", "--timeout", "5s", "--latency", "-s", script })
        {
            start.ArgumentList.Add(argument);
        }

        if (cookie is not null)
        {
            start.ArgumentList.Add("-H");
            start.ArgumentList.Add($"Cookie: {cookie}");
        }

        start.ArgumentList.Add(url.ToString());
        using var process = Process.Start(start) ?? throw new InvalidOperationException("wrk did not start.");
        var output = await process.StandardOutput.ReadToEndAsync(cancellationToken);
        await process.WaitForExitAsync(cancellationToken);
        var match = ResultLine().Match(output);
        if (process.ExitCode != 0 || !match.Success)
        {
            throw new InvalidOperationException($"wrk failed ({process.ExitCode}): {output} {await process.StandardError.ReadToEndAsync(cancellationToken)}");
        }

        double Value(int group) => double.Parse(match.Groups[group].Value, CultureInfo.InvariantCulture);
        var seconds2 = Value(2) / 1_000_000;
        return new WrkRun(Value(1) / seconds2, Value(3) / 1000, Value(4) / 1000, Value(5) / 1000, (long)Value(6));
    }

    [GeneratedRegex(@"TF_RESULT ([\d.]+) ([\d.]+) ([\d.]+) ([\d.]+) ([\d.]+) ([\d.]+)")]
    private static partial Regex ResultLine();
}
