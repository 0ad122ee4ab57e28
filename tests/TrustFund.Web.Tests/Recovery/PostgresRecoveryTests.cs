using System.Diagnostics;
using Npgsql;

namespace TrustFund.Web.Tests.Recovery;

/// <summary>
/// PostgreSQL stopped and started again under a load of writes, on a server of the test's own: the
/// app answers 503 on /health/ready while the database is away and 200 after, recovers without a
/// restart, and the audit chain still verifies. Runs with CI=true (it starts its own PostgreSQL and
/// the app as processes, about 30 s).
/// </summary>
[NonParallelizable]
public sealed class PostgresRecoveryTests
{
    [Test]
    public async Task DatabaseRestartedUnderLoad_ReadinessFollowsItAndTheAppRecoversWithoutARestart()
    {
        if (!Prerequisites.OnCi)
        {
            Assert.Ignore("Runs with CI=true: it starts its own PostgreSQL server and stops it under load.");
        }

        await using var postgres = await PrivatePostgres.StartAsync();
        await postgres.ToolAsync("createdb", "trustfund");
        var settings = Settings(postgres);
        await using var app = AppServer.Start(settings);
        await app.WaitForReadinessAsync(200, TimeSpan.FromSeconds(120));
        var processId = app.ProcessId;

        double stoppedAt, startedAt, readyAgainAt, end;
        TimeSpan unready, ready;
        SignInLoad load;
        await using (load = new SignInLoad(app.Address, workers: 4))
        {
            await load.WaitForSignInsAsync(4, TimeSpan.FromSeconds(60));
            stoppedAt = load.Now;
            await postgres.StopServerAsync();
            unready = await app.WaitForReadinessAsync(503, TimeSpan.FromSeconds(15));
            await Task.Delay(TimeSpan.FromSeconds(2));
            var downStatus = await app.ReadinessAsync();
            Assert.That(downStatus, Is.EqualTo(503), "still unready while the database is down");

            var restart = Stopwatch.StartNew();
            await postgres.StartServerAsync();
            startedAt = load.Now;
            ready = await app.WaitForReadinessAsync(200, TimeSpan.FromSeconds(30));
            readyAgainAt = load.Now;
            TestContext.Out.WriteLine($"PostgreSQL started in {restart.Elapsed.TotalSeconds - ready.TotalSeconds:0.00} s; /health/ready 200 {ready.TotalSeconds:0.00} s after that");
            await Task.Delay(TimeSpan.FromSeconds(4));
            end = load.Now;
        }

        var answers = load.Answers.ToList();
        var firstSignInAfter = answers.Where(a => a.At >= startedAt && a.Status == 302).Select(a => a.At).DefaultIfEmpty(double.NaN).Min();
        var settled = answers.Where(a => a.At >= readyAgainAt + 1).ToList();
        TestContext.Out.WriteLine(
            $"{answers.Count} sign-ins attempted: {answers.Count(a => a.Status == 302)} succeeded, {answers.Count(a => a.At >= stoppedAt && a.At < startedAt && a.Status != 302)} failed while the database was down; " +
            $"/health/ready 503 {unready.TotalSeconds:0.00} s after the stop; first sign-in {firstSignInAfter - startedAt:0.00} s after the start; " +
            $"after that, {settled.Count(a => a.Status == 302)} of {settled.Count} succeeded");

        await using var verify = AppServer.Start(settings, "--verify-audit");
        var verified = await verify.ExitAsync(TimeSpan.FromSeconds(60));

        Assert.Multiple(() =>
        {
            Assert.That(app.HasExited, Is.False, "the app was not restarted");
            Assert.That(app.ProcessId, Is.EqualTo(processId));
            Assert.That(answers.Count(a => a.At < stoppedAt && a.Status == 302), Is.GreaterThan(0), "load before the stop");
            Assert.That(firstSignInAfter - startedAt, Is.LessThan(10), "sign-ins work again soon after the database is back");
            Assert.That(settled, Is.Not.Empty);
            Assert.That(settled.Select(a => a.Status), Is.All.EqualTo(302), "once ready, every sign-in succeeds: no broken connection is handed out");
            Assert.That(end, Is.GreaterThan(readyAgainAt));
            Assert.That(verified.ExitCode, Is.Zero, verified.Output);
        });
    }

    internal static Dictionary<string, string> Settings(PrivatePostgres postgres) => new()
    {
        ["ASPNETCORE_ENVIRONMENT"] = "Development",
        ["Database__Provider"] = "PostgreSql",
        ["Database__MigrateOnStartup"] = "true",
        ["ConnectionStrings__TrustFund"] = new NpgsqlConnectionStringBuilder(postgres.ConnectionString("trustfund")) { Pooling = true }.ConnectionString,
        ["Email__PickupFolder"] = Path.Combine(Path.GetTempPath(), $"trustfund-pg-mail-{Guid.NewGuid():N}"),
    };
}
