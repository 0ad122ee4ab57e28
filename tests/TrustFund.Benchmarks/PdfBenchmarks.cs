using System.Diagnostics;
using System.Globalization;
using System.Net;
using Microsoft.EntityFrameworkCore;
using TrustFund.Domain.Grants;
using TrustFund.Infrastructure.Demo;
using TrustFund.Infrastructure.Persistence;

namespace TrustFund.Benchmarks;

/// <summary>
/// The PDF documents, timed request by request against the published app with its warm browser
/// (<c>--pdf</c>): award letters printed by two clients at once (as many as the app's default
/// <c>Pdf:MaxConcurrentRenders</c>) for the run's duration, as letters per second and the p90 of their
/// times; then the portfolio report of every grant (1,000 at the <c>pdf</c> scale), one at a time.
/// Three rounds of each, after a warm-up; the medians and the spread of the rounds are printed.
/// </summary>
public static class PdfBenchmarks
{
    private const int Rounds = 3;
    private const int Clients = 2;
    private const int PortfolioRequests = 5;

    public static async Task<int> RunAsync(AppProcess app, DatabaseProvider provider, string connectionString, int durationSeconds, CancellationToken cancellationToken)
    {
        List<Guid> grants;
        int grantCount;
        await using (var db = new TrustFundDbContext(DbContextOptionsFactory.Create(provider, connectionString)))
        {
            grants = await db.Grants.AsNoTracking().Where(g => g.Status == GrantStatus.Active).OrderBy(g => g.Number).Select(g => g.Id).Take(200).ToListAsync(cancellationToken);
            grantCount = await db.Grants.CountAsync(cancellationToken);
        }

        if (grants.Count == 0)
        {
            Console.Error.WriteLine("No active grant to print: generate the data set first (--scale pdf).");
            return 2;
        }

        var clients = new List<SignedInClient>();
        try
        {
            for (var i = 0; i < Clients; i++)
            {
                var client = new SignedInClient(app.Address);
                await client.SignInAsync("manager@trustfund.test", DemoData.Password, cancellationToken);
                clients.Add(client);
            }

            Console.WriteLine("Warming up the browser...");
            foreach (var grant in grants.Take(6))
            {
                await TimeAsync(clients[0], $"/grants/{grant}/award-letter.pdf", cancellationToken);
            }

            await TimeAsync(clients[0], "/reports/portfolio.pdf", cancellationToken);

            var letterRounds = new List<(double PerSecond, double P90Ms, int Letters)>();
            for (var round = 1; round <= Rounds; round++)
            {
                var result = await AwardLettersAsync(clients, grants, durationSeconds, cancellationToken);
                letterRounds.Add(result);
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  round {round}: award letters {result.PerSecond,6:F1}/s  p90 {result.P90Ms,6:F0} ms  ({result.Letters} letters in {durationSeconds} s, {Clients} clients)"));
            }

            var portfolioRounds = new List<(double MedianMs, double MaxMs, int? Statements)>();
            for (var round = 1; round <= Rounds; round++)
            {
                var times = new List<double>();
                int? statements = null;
                for (var i = 0; i < PortfolioRequests; i++)
                {
                    var (ms, sql) = await TimeAsync(clients[0], "/reports/portfolio.pdf", cancellationToken);
                    times.Add(ms);
                    statements = sql;
                }

                portfolioRounds.Add((Median(times), times.Max(), statements));
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  round {round}: portfolio of {grantCount} grants  median {Median(times),6:F0} ms  max {times.Max(),6:F0} ms  ({PortfolioRequests} requests; SQL statements {statements?.ToString(CultureInfo.InvariantCulture) ?? "-"})"));
            }

            Console.WriteLine();
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Award letters: median {Median(letterRounds.Select(r => r.PerSecond)):F1}/s (rounds {string.Join(", ", letterRounds.Select(r => r.PerSecond.ToString("F1", CultureInfo.InvariantCulture)))}), p90 median {Median(letterRounds.Select(r => r.P90Ms)):F0} ms (rounds {string.Join(", ", letterRounds.Select(r => r.P90Ms.ToString("F0", CultureInfo.InvariantCulture)))}); target >= 10/s, p90 <= 250 ms"));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Portfolio report ({grantCount} grants): median {Median(portfolioRounds.Select(r => r.MedianMs)):F0} ms (round medians {string.Join(", ", portfolioRounds.Select(r => r.MedianMs.ToString("F0", CultureInfo.InvariantCulture)))}); target < 2,500 ms"));
            return 0;
        }
        finally
        {
            foreach (var client in clients)
            {
                client.Dispose();
            }
        }
    }

    /// <summary>Each client prints award letters one after the other, over the grants in turn, until the time is up.</summary>
    private static async Task<(double PerSecond, double P90Ms, int Letters)> AwardLettersAsync(List<SignedInClient> clients, List<Guid> grants, int seconds, CancellationToken cancellationToken)
    {
        var times = new List<double>();
        var next = 0;
        var watch = Stopwatch.StartNew();
        var until = TimeSpan.FromSeconds(seconds);
        await Task.WhenAll(clients.Select(async client =>
        {
            while (watch.Elapsed < until)
            {
                var grant = grants[Interlocked.Increment(ref next) % grants.Count];
                var (ms, _) = await TimeAsync(client, $"/grants/{grant}/award-letter.pdf", cancellationToken);
                lock (times)
                {
                    times.Add(ms);
                }
            }
        }));
        var elapsed = watch.Elapsed.TotalSeconds;
        var sorted = times.Order().ToList();
        var p90 = sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(sorted.Count * 0.9) - 1)];
        return (times.Count / elapsed, p90, times.Count);
    }

    private static async Task<(double Ms, int? Statements)> TimeAsync(SignedInClient client, string path, CancellationToken cancellationToken)
    {
        var watch = Stopwatch.StartNew();
        var (status, statements) = await client.ProbeAsync(path, cancellationToken);
        var ms = watch.Elapsed.TotalMilliseconds;
        if (status != HttpStatusCode.OK)
        {
            throw new InvalidOperationException($"{path} answered {(int)status}, not 200: the benchmark would time an error page.");
        }

        return (ms, statements);
    }

    private static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[(sorted.Count / 2) - 1] + sorted[sorted.Count / 2]) / 2;
    }
}
