using System.Diagnostics;
using System.Globalization;
using System.Net;
using TrustFund.Infrastructure.Demo;

namespace TrustFund.Benchmarks;

/// <summary>
/// The applications export as CSV with every submitted application (over 100,000 at <see cref="Scale"/>): one
/// request at a time, a warm-up then three measured runs, each timed from the request to the last byte
/// read, with the app's resident memory sampled every 20 ms during the download (its growth is the peak
/// during the download less the memory just before it). Targets: under 5 s, growth under 200 MB.
/// </summary>
public static class ExportBenchmarks
{
    public const string Path = "/Manage/Applications/export.csv";

    /// <summary>
    /// A data set for the export, and little else: 117,000 applications, of which the generator submits
    /// about 86% (drafts of unverified organisations stay drafts and are not listed), so that more than
    /// 100,000 rows are exported.
    /// </summary>
    public static DataScale Scale { get; } = new("export", 10, 1_000, 2_000, 117_000, 10_000, 200, 300, 1_000);

    public static async Task<int> RunAsync(AppProcess app, CancellationToken cancellationToken)
    {
        using var manager = new SignedInClient(app.Address);
        await manager.SignInAsync("manager@trustfund.test", DemoData.Password, cancellationToken);
        var runs = new List<(double Seconds, long Bytes, long Rows, double BeforeMb, double PeakMb)>();
        for (var i = 0; i < 4; i++)
        {
            var before = app.ResidentMemoryMb();
            var peak = before;
            using var sampling = new CancellationTokenSource();
            var sampler = Task.Run(
                async () =>
                {
                    while (!sampling.IsCancellationRequested)
                    {
                        peak = Math.Max(peak, app.ResidentMemoryMb());
                        await Task.Delay(20, CancellationToken.None);
                    }
                },
                CancellationToken.None);
            var watch = Stopwatch.StartNew();
            var (status, bytes, lines) = await manager.DownloadAsync(Path, cancellationToken);
            var seconds = watch.Elapsed.TotalSeconds;
            await sampling.CancelAsync();
            await sampler;
            peak = Math.Max(peak, app.ResidentMemoryMb());
            if (status != HttpStatusCode.OK)
            {
                throw new InvalidOperationException($"The export ({Path}) answered {(int)status}.");
            }

            var label = i == 0 ? "warm-up" : $"run {i}";
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {label}: {lines - 1:N0} rows, {bytes / 1_048_576.0:F1} MB in {seconds:F2} s; RSS {before:F0} MB before, peak {peak:F0} MB during (growth {peak - before:F0} MB)"));
            if (i > 0)
            {
                runs.Add((seconds, bytes, lines - 1, before, peak));
            }
        }

        var times = runs.Select(r => r.Seconds).Order().ToList();
        var growth = runs.Select(r => r.PeakMb - r.BeforeMb).Order().ToList();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Applications CSV export, {runs[0].Rows:N0} rows: median {times[1]:F2} s (spread {times[0]:F2}-{times[^1]:F2} s; target < 5 s), memory growth median {growth[1]:F0} MB (spread {growth[0]:F0}-{growth[^1]:F0} MB; target < 200 MB)"));
        return times[1] < 5 && growth[1] < 200 ? 0 : 1;
    }
}
