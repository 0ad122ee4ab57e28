using System.Diagnostics;
using TrustFund.Web.Tests.Hosting;

namespace TrustFund.Web.Tests.Recovery;

/// <summary>
/// deploy/backup-restore-drill.sh against a PostgreSQL server of the test's own, holding the demo
/// data and sign-ins: dump, restore into a new database, the app ready on the copy, the audit chain
/// verified from first to last. Runs with CI=true.
/// </summary>
[NonParallelizable]
public sealed class RestoreDrillTests
{
    [Test]
    public async Task Drill_RestoresADatabaseWithDataThatTheAppStartsOnAndWhoseAuditChainVerifies()
    {
        if (!Prerequisites.OnCi)
        {
            Assert.Ignore("Runs with CI=true: it starts its own PostgreSQL server.");
        }

        await using var postgres = await PrivatePostgres.StartAsync();
        await postgres.ToolAsync("createdb", "trustfund");
        await using (var app = AppServer.Start(PostgresRecoveryTests.Settings(postgres)))
        {
            await app.WaitForReadinessAsync(200, TimeSpan.FromSeconds(120));
            await using var load = new SignInLoad(app.Address, workers: 2);
            await load.WaitForSignInsAsync(3, TimeSpan.FromSeconds(60));
        }

        var entries = int.Parse((await postgres.ToolAsync("psql", "-X", "-A", "-t", "-d", "trustfund", "-c", "SELECT count(*) FROM \"AuditEntries\"")).Trim(), System.Globalization.CultureInfo.InvariantCulture);
        var backups = Directory.CreateTempSubdirectory("trustfund-drill-").FullName;
        var start = new ProcessStartInfo("bash") { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(DeploymentFiles.PathOf("deploy", "backup-restore-drill.sh"));
        start.Environment["PATH"] = $"{postgres.BinFolder}:{Environment.GetEnvironmentVariable("PATH")}";
        start.Environment["PGHOST"] = "127.0.0.1";
        start.Environment["PGPORT"] = postgres.Port.ToString(System.Globalization.CultureInfo.InvariantCulture);
        start.Environment["PGUSER"] = "postgres";
        start.Environment["SOURCE_DB"] = "trustfund";
        start.Environment["BACKUP_DIR"] = backups;
        start.Environment["TRUSTFUND_APP"] = AppServer.WebAssembly();
        start.Environment["DRILL_PORT"] = AppServer.FreePort().ToString(System.Globalization.CultureInfo.InvariantCulture);

        var watch = Stopwatch.StartNew();
        using var drill = Process.Start(start)!;
        var output = drill.StandardOutput.ReadToEndAsync();
        var errors = drill.StandardError.ReadToEndAsync();
        await drill.WaitForExitAsync();
        var report = await output + await errors;
        TestContext.Out.WriteLine($"drill took {watch.Elapsed.TotalSeconds:0.0} s over {entries} audit entries:{Environment.NewLine}{report}");
        var databases = await postgres.ToolAsync("psql", "-X", "-A", "-t", "-d", "postgres", "-c", "SELECT datname FROM pg_database");
        var dumps = Directory.GetFiles(backups, "*.dump");
        Directory.Delete(backups, recursive: true);

        Assert.Multiple(() =>
        {
            Assert.That(entries, Is.GreaterThan(1), "the source holds audited changes");
            Assert.That(drill.ExitCode, Is.Zero, report);
            Assert.That(report, Does.Contain($"Audit chain intact: {entries:N0} entries verified from the first to the last."));
            Assert.That(report, Does.Contain("was ready in"));
            Assert.That(dumps, Has.Length.EqualTo(1), "the dump is kept as the backup");
            Assert.That(databases, Does.Not.Contain("_drill_"), "the restored copy is dropped afterwards");
        });
    }
}
