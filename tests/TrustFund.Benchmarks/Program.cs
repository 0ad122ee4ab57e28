using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting.Internal;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using TrustFund.Benchmarks;
using TrustFund.Domain.Applications;
using TrustFund.Domain.Grants;
using TrustFund.Infrastructure;
using TrustFund.Infrastructure.Demo;
using TrustFund.Infrastructure.Persistence;

BenchmarkArguments arguments;
try
{
    arguments = BenchmarkArguments.Parse(args);
}
catch (ArgumentException ex)
{
    Console.Error.WriteLine(ex.Message);
    Console.Error.WriteLine("Usage: dotnet run -c Release --project tests/TrustFund.Benchmarks -- [--provider Sqlite|PostgreSql] [--scale small|large] [--duration SECONDS] [--fresh] [--generate-only] [--connection CONNECTION-STRING] [--pages NAME,NAME] [--export] [--pdf]");
    return 2;
}

if (!arguments.GenerateOnly && !arguments.Export && !arguments.Pdf && !WrkRun.IsInstalled())
{
    Console.Error.WriteLine("wrk is not installed. On Debian or Ubuntu: sudo apt-get install wrk");
    return 2;
}

using var cancellation = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    cancellation.Cancel();
};
var token = cancellation.Token;
const int WarmUpSeconds = 5;
var root = FindRepositoryRoot();
var connectionString = ConnectionString(arguments, root);
Console.WriteLine($"TrustFund benchmark: {arguments.Provider}, scale {arguments.Scale.Name}, {arguments.DurationSeconds} s per run, {WrkRun.Connections} connections, {WrkRun.Threads} threads");

await PrepareDatabaseAsync(arguments, connectionString, token);
if (arguments.GenerateOnly)
{
    return 0;
}

Console.WriteLine("Publishing the app and the baselines in Release...");
var appDll = await AppProcess.PublishAsync(root, token);
var baselinesDll = await AppProcess.PublishBaselinesAsync(root, token);
await using var app = await AppProcess.StartAsync(appDll, baselinesDll, arguments.Provider, connectionString, token);
Console.WriteLine($"App running at {app.Address} (pid {app.ProcessId})");
if (arguments.Export)
{
    return await ExportBenchmarks.RunAsync(app, token);
}

if (arguments.Pdf)
{
    return await PdfBenchmarks.RunAsync(app, arguments.Provider, connectionString, arguments.DurationSeconds, token);
}

var values = await PlaceholderValuesAsync(arguments.Provider, connectionString, token);
var measured = Pages.Measured.Where(p => arguments.OnlyPages is null || arguments.OnlyPages.Contains(p.Name)).ToList();
var sessions = new Dictionary<string, SignedInClient>();
var cookies = new Dictionary<string, (string Cookie, Stopwatch Age)>();
var anonymous = new SignedInClient(app.Address);
try
{
    foreach (var account in measured.Select(p => p.Account).OfType<string>().Distinct())
    {
        var client = new SignedInClient(app.Address);
        await client.SignInAsync(account, DemoData.Password, token);
        sessions[account] = client;
    }

    var pages = new List<BenchPage>();
    foreach (var page in Pages.Baselines.Concat(measured))
    {
        var path = values.Aggregate(page.Path, (path, v) => path.Replace(v.Key, v.Value, StringComparison.Ordinal));
        if (page.FollowNext > 0)
        {
            var (deep, followed) = await (page.Account is null ? anonymous : sessions[page.Account]).FollowNextAsync(path, page.FollowNext, token);
            Console.WriteLine($"  {page.Name}: page {followed + 1} reached by following {followed} next-page links");
            path = deep;
        }

        pages.Add(page with { Path = path });
    }

    var statements = new Dictionary<string, int?>();
    foreach (var page in pages)
    {
        var client = page.Account is null ? anonymous : sessions[page.Account];
        (HttpStatusCode Status, int? Statements) probe = default;
        for (var i = 0; i < 3; i++)
        {
            probe = await client.ProbeAsync(page.Path, token);
        }

        if (probe.Status != HttpStatusCode.OK)
        {
            throw new InvalidOperationException($"{page.Name} ({page.Path}) answered {(int)probe.Status}, not 200: the benchmark would measure an error page.");
        }

        statements[page.Name] = probe.Statements;
    }

    // The runtime compiles hot methods again, optimised, after they have run for a while: after 2-s
    // warm-ups the JIT still took 13% of the app's CPU time in the first round and /bench/json served a
    // third of its later rate, so the first round measured the compiler. Each page now warms for 5 s.
    Console.WriteLine("Warming up...");
    foreach (var page in pages)
    {
        await RunAsync(page, WarmUpSeconds);
        await DrainAsync();
    }

    var runs = pages.ToDictionary(p => p.Name, _ => new List<(WrkRun Run, double MemoryMb)>());
    const int rounds = 3;
    for (var round = 1; round <= rounds; round++)
    {
        foreach (var page in RoundOrder(pages, Pages.Baselines.Count, round, rounds))
        {
            var run = await RunAsync(page, arguments.DurationSeconds);
            var memory = app.ResidentMemoryMb();
            await DrainAsync();
            runs[page.Name].Add((run, memory));
            Console.WriteLine($"  round {round}: {page.Name,-24} {run.Rps,9:F0} req/s  p95 {run.P95Ms,7:F1} ms  errors {run.Errors}  RSS {memory:F0} MB");
        }
    }

    var json = Median(runs[Pages.Json].Select(r => r.Run.Rps));
    var fortunes = Median(runs[Pages.Fortunes].Select(r => r.Run.Rps));
    var results = pages.Select(p =>
    {
        var r = runs[p.Name];
        var rps = Median(r.Select(x => x.Run.Rps));
        double? Completed(double value, int decimals) => rps > 0 ? Math.Round(value, decimals) : null;
        double? Ratio(double baseline) => rps > 0 && baseline > 0 ? Math.Round(rps / baseline, 3) : null;
        return new PageResult(
            p.Name,
            Math.Round(rps, 1),
            Completed(Median(r.Select(x => x.Run.P50Ms)), 2),
            Completed(Median(r.Select(x => x.Run.P95Ms)), 2),
            Completed(Median(r.Select(x => x.Run.P99Ms)), 2),
            (long)Median(r.Select(x => (double)x.Run.Errors)),
            Ratio(json),
            Ratio(fortunes),
            statements[p.Name],
            Math.Round(Median(r.Select(x => x.MemoryMb)), 0),
            p.ComparedTo,
            RoundRatios(p, runs) is { Count: > 0 } ratios ? Math.Round(Median(ratios), 3) : null);
    }).ToList();

    PrintTable(results, arguments, app.ResidentMemoryMb("VmHWM"));
    foreach (var page in pages.Where(p => RoundRatios(p, runs).Count > 0))
    {
        var perRound = string.Join(", ", RoundRatios(page, runs).Select(r => r.ToString("F3", CultureInfo.InvariantCulture)));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{page.Name} / {page.ComparedTo}: {results.Single(r => r.Name == page.Name).RatioToComparedPage:F3} (median of the rounds: {perRound}; the two pages run back to back in each round)"));
    }

    if (arguments.OnlyPages is null || arguments.OnlyPages.Contains(Pages.AutoAssignment))
    {
        if (!sessions.TryGetValue(Pages.Manager, out var manager))
        {
            sessions[Pages.Manager] = manager = new SignedInClient(app.Address);
            await manager.SignInAsync(Pages.Manager, DemoData.Password, token);
        }

        await MeasureAutoAssignmentAsync(app, manager, values["{unassignedCall}"], token);
    }

    var output = Path.Combine(Directory.GetCurrentDirectory(), "bench-results.json");
    await File.WriteAllTextAsync(output, JsonSerializer.Serialize(results, new JsonSerializerOptions(JsonSerializerDefaults.Web) { WriteIndented = true }), token);
    Console.WriteLine($"Results written to {output}");
    return 0;
}
finally
{
    anonymous.Dispose();
    foreach (var client in sessions.Values)
    {
        client.Dispose();
    }
}

// The auto-assignment preview of the call whose eligible applications wait for reviewers: the whole
// request (reading the applications, reviewers, loads and exclusions, planning, rendering), timed one
// request at a time, with the app's memory before the first and after the last.
static async Task MeasureAutoAssignmentAsync(AppProcess app, SignedInClient manager, string callId, CancellationToken cancellationToken)
{
    var path = $"/Manage/Calls/{callId}/Reviewers/Auto";
    var before = app.ResidentMemoryMb();
    var times = new List<double>();
    for (var i = 0; i < 7; i++)
    {
        var watch = Stopwatch.StartNew();
        var (status, _) = await manager.ProbeAsync(path, cancellationToken);
        times.Add(watch.Elapsed.TotalMilliseconds);
        if (status != HttpStatusCode.OK)
        {
            throw new InvalidOperationException($"The auto-assignment preview ({path}) answered {(int)status}.");
        }
    }

    var after = app.ResidentMemoryMb();
    var sorted = times.Order().ToList();
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{Pages.AutoAssignment}: {DataGenerator.Reviewers} reviewers, median {Median(times):F0} ms over {times.Count} requests (min {sorted[0]:F0}, max {sorted[^1]:F0}; first {times[0]:F0}); RSS {before:F0} MB before, {after:F0} MB after (growth {after - before:F0} MB)"));
}

// Requests/s of a page over those of the page it is compared with, round by round (empty when it is
// compared with none, or that page was not measured).
static List<double> RoundRatios(BenchPage page, Dictionary<string, List<(WrkRun Run, double MemoryMb)>> runs) =>
    page.ComparedTo is { } other && runs.TryGetValue(other, out var references)
        ? runs[page.Name].Zip(references, (run, reference) => reference.Run.Rps > 0 ? run.Run.Rps / reference.Run.Rps : 0).ToList()
        : [];

// wrk replays one cookie and cannot store the one the app renews. A browser keeps the renewed cookie, so its
// session is re-checked against the database once a minute; wrk's would be re-checked on every request once
// the cookie is a minute old. So each run uses a cookie that stays under a minute old until the run ends:
// the one of the account's last sign-in if it is young enough (a page and the page it is compared with then
// run one right after the other), otherwise a fresh sign-in.
async Task<WrkRun> RunAsync(BenchPage page, int seconds)
{
    string? cookie = null;
    if (page.Account is { } account)
    {
        if (!cookies.TryGetValue(account, out var signedIn) || signedIn.Age.Elapsed + TimeSpan.FromSeconds(seconds + 10) > TimeSpan.FromMinutes(1))
        {
            using var fresh = new SignedInClient(app.Address);
            await fresh.SignInAsync(account, DemoData.Password, token);
            signedIn = (fresh.CookieHeader, Stopwatch.StartNew());
            cookies[account] = signedIn;
        }

        cookie = signedIn.Cookie;
    }

    return await WrkRun.RunAsync(new Uri(app.Address, page.Path), cookie, seconds, token);
}

/// <summary>
/// The pages of one round: the baselines first, then the measured pages rotated by a third of their
/// number each round, so that no page always runs in the same place. A page compared with another runs
/// next to it, after it in odd rounds and before it in even rounds, so that their ratio comes from runs
/// made seconds apart: on the shared machine one page's requests/s moved by up to 20% between rounds,
/// and page 100 of the list measured 0.79 to 0.89 x the first page in runs where it always ran right
/// after it, 0.93 x with the two swapped.
/// </summary>
static IEnumerable<BenchPage> RoundOrder(IReadOnlyList<BenchPage> pages, int baselines, int round, int rounds)
{
    var measuredPages = pages.Skip(baselines).ToList();
    bool ComparedWithAMeasuredPage(BenchPage page) => page.ComparedTo is { } other && measuredPages.Any(p => p.Name == other);
    var units = measuredPages.Where(p => !ComparedWithAMeasuredPage(p)).Select(p =>
    {
        var unit = new List<BenchPage> { p };
        foreach (var compared in measuredPages.Where(c => c.ComparedTo == p.Name))
        {
            unit.Insert(round % 2 == 1 ? unit.Count : 0, compared);
        }

        return unit;
    }).ToList();
    var shift = units.Count == 0 ? 0 : (round - 1) * ((units.Count + rounds - 1) / rounds) % units.Count;
    return pages.Take(baselines).Concat(units.Skip(shift).Concat(units.Take(shift)).SelectMany(u => u));
}

// Requests wrk abandoned at the end of a run keep the app busy; the next run starts once it answers again.
async Task DrainAsync()
{
    var watch = Stopwatch.StartNew();
    while (watch.Elapsed < TimeSpan.FromMinutes(2))
    {
        var probe = Stopwatch.StartNew();
        await anonymous.ProbeAsync("/bench/json", token);
        if (probe.ElapsedMilliseconds < 200)
        {
            return;
        }

        await Task.Delay(500, token);
    }
}

static double Median(IEnumerable<double> values)
{
    var sorted = values.Order().ToList();
    return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[(sorted.Count / 2) - 1] + sorted[sorted.Count / 2]) / 2;
}

static void PrintTable(List<PageResult> results, BenchmarkArguments arguments, double peakMemoryMb)
{
    Console.WriteLine();
    Console.WriteLine($"{arguments.Provider}, scale {arguments.Scale.Name}, {WrkRun.Connections} connections, medians of 3 rounds of {arguments.DurationSeconds} s");
    Console.WriteLine();
    Console.WriteLine("| Page | req/s | p50 ms | p95 ms | p99 ms | errors | x json | x fortunes | SQL/req | RSS MB |");
    Console.WriteLine("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
    foreach (var r in results)
    {
        // A run in which no request finished within its duration has no latency to show.
        static string Figure(double? value, string format) => value?.ToString(format, CultureInfo.InvariantCulture) ?? "-";
        var rps = r.Rps > 0 ? Figure(r.Rps, "F0") : "none completed";
        var sql = r.SqlPerRequest?.ToString(CultureInfo.InvariantCulture) ?? "-";
        Console.WriteLine($"| {r.Name} | {rps} | {Figure(r.P50Ms, "F1")} | {Figure(r.P95Ms, "F1")} | {Figure(r.P99Ms, "F1")} | {r.Errors} | {Figure(r.RatioToJson, "F3")} | {Figure(r.RatioToFortunes, "F2")} | {sql} | {r.MemoryMb.ToString("F0", CultureInfo.InvariantCulture)} |");
    }

    Console.WriteLine();
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Peak app memory (VmHWM): {peakMemoryMb:F0} MB"));
}

static string FindRepositoryRoot()
{
    foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
    {
        for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "TrustFund.sln")))
            {
                return dir.FullName;
            }
        }
    }

    throw new InvalidOperationException("Run the benchmark from the TrustFund repository.");
}

static string ConnectionString(BenchmarkArguments arguments, string root)
{
    if (arguments.Connection is { } given)
    {
        return given;
    }

    if (arguments.Provider == DatabaseProvider.PostgreSql)
    {
        return Environment.GetEnvironmentVariable("TRUSTFUND_BENCH_POSTGRES")
            ?? throw new InvalidOperationException("PostgreSql needs --connection or TRUSTFUND_BENCH_POSTGRES (a database the benchmark may drop and recreate).");
    }

    var folder = Path.Combine(root, "artifacts", "bench");
    Directory.CreateDirectory(folder);
    return $"Data Source={Path.Combine(folder, $"trustfund-{arguments.Scale.Name}.db")}";
}

static async Task PrepareDatabaseAsync(BenchmarkArguments arguments, string connectionString, CancellationToken cancellationToken)
{
    TrustFundDbContext NewContext() => new(DbContextOptionsFactory.Create(arguments.Provider, connectionString));
    await using (var db = NewContext())
    {
        if (!arguments.Fresh && await db.Database.CanConnectAsync(cancellationToken)
            && !(await db.Database.GetPendingMigrationsAsync(cancellationToken)).Any()
            && await db.Applications.CountAsync(cancellationToken) >= arguments.Scale.Applications
            && await db.ReviewAssignments.AnyAsync(cancellationToken)
            && await db.Grants.AnyAsync(cancellationToken))
        {
            Console.WriteLine("Reusing the generated data set (--fresh regenerates it).");
            await PrintCountsAsync(db, cancellationToken);
            return;
        }

        Console.WriteLine("Generating the data set...");
        await db.Database.EnsureDeletedAsync(cancellationToken);
    }

    var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
    {
        ["Database:Provider"] = arguments.Provider.ToString(),
        ["ConnectionStrings:TrustFund"] = connectionString,
        ["Email:DispatcherEnabled"] = "false",
    }).Build();
    var services = new ServiceCollection()
        .AddLogging(logging => logging.SetMinimumLevel(LogLevel.Warning))
        .AddSingleton<IConfiguration>(configuration);
    services.AddTrustFundInfrastructure(configuration, new HostingEnvironment { EnvironmentName = "Production", ApplicationName = "TrustFund.Benchmarks", ContentRootPath = AppContext.BaseDirectory });
    services.AddTrustFundIdentity();
    await using var provider = services.BuildServiceProvider();
    var watch = Stopwatch.StartNew();
    if (!await DatabaseStartup.MigrateAsync(provider, NullLogger.Instance, cancellationToken))
    {
        throw new InvalidOperationException("The benchmark database could not be migrated.");
    }

    await DemoData.SeedAsync(provider, cancellationToken);
    Console.WriteLine($"  migrated and demo accounts added in {watch.Elapsed.TotalSeconds:F1} s");
    await new DataGenerator(NewContext, arguments.Scale, TimeProvider.System.GetUtcNow().UtcDateTime).GenerateAsync(cancellationToken);
    await using var done = NewContext();
    await PrintCountsAsync(done, cancellationToken);
}

static async Task PrintCountsAsync(TrustFundDbContext db, CancellationToken cancellationToken)
{
    var calls = await db.Calls.CountAsync(cancellationToken);
    var organisations = await db.Organisations.CountAsync(cancellationToken);
    var users = await db.Users.CountAsync(cancellationToken);
    var applications = await db.Applications.CountAsync(cancellationToken);
    var audit = await db.AuditEntries.CountAsync(cancellationToken);
    var grants = await db.Grants.CountAsync(cancellationToken);
    var instalments = await db.Grants.SelectMany(g => g.Instalments).CountAsync(cancellationToken);
    var payments = await db.Grants.SelectMany(g => g.Ledger).CountAsync(e => e.Kind == LedgerEntryKind.Payment, cancellationToken);
    var reports = await db.GranteeReports.CountAsync(cancellationToken);
    Console.WriteLine($"  rows: {calls} calls, {organisations} organisations, {users} users, {applications} applications, {audit} audit entries");
    Console.WriteLine($"  grants: {grants} grants, {instalments} instalments, {payments} payments, {reports} reports");
}

static async Task<Dictionary<string, string>> PlaceholderValuesAsync(DatabaseProvider provider, string connectionString, CancellationToken cancellationToken)
{
    await using var db = new TrustFundDbContext(DbContextOptionsFactory.Create(provider, connectionString));
    var application = await db.Applications.AsNoTracking()
        .Where(a => a.Status == ApplicationStatus.Eligible)
        .OrderBy(a => a.Reference)
        .Select(a => a.Id)
        .FirstAsync(cancellationToken);
    var calls = await db.Calls.AsNoTracking()
        .Where(c => c.Code == DataGenerator.ReviewedCallCode || c.Code == DataGenerator.UnassignedCallCode)
        .ToDictionaryAsync(c => c.Code, c => c.Id, cancellationToken);

    // An active grant with payments, requests and reports, for the grant's pages.
    var grant = await db.Grants.AsNoTracking()
        .Where(g => g.Status == GrantStatus.Active && g.Ledger.Count >= 3)
        .OrderBy(g => g.Number)
        .Select(g => g.Id)
        .FirstAsync(cancellationToken);
    return new Dictionary<string, string>
    {
        ["{application}"] = application.ToString(),
        ["{grant}"] = grant.ToString(),
        ["{reviewedCall}"] = calls[DataGenerator.ReviewedCallCode].ToString(),
        ["{unassignedCall}"] = calls[DataGenerator.UnassignedCallCode].ToString(),
    };
}
