using System.Diagnostics;
using Microsoft.Data.Sqlite;
using TrustFund.Infrastructure.Persistence;

namespace TrustFund.Web.Tests.Recovery;

/// <summary>
/// The embedded SQLite database under a running app: copied online with <c>--backup</c>, and sound
/// after the app is killed (SIGKILL) in the middle of writes.
/// </summary>
[NonParallelizable]
public sealed class SqliteRecoveryTests
{
    private string _folder = null!;

    [SetUp]
    public void CreateFolder() => _folder = Directory.CreateTempSubdirectory("trustfund-sqlite-drill-").FullName;

    [TearDown]
    public void RemoveFolder()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }

    [Test]
    public async Task Backup_WhileTheAppWrites_IsAConsistentCopyWhoseAuditChainVerifies()
    {
        var settings = Settings();
        await using var app = AppServer.Start(settings);
        await app.WaitForReadinessAsync(200, TimeSpan.FromSeconds(90));
        var copy = Path.Combine(_folder, "backups", "trustfund-copy.db");
        (int ExitCode, string Output) backup;
        await using (var load = new SignInLoad(app.Address, workers: 3))
        {
            await load.WaitForSignInsAsync(3, TimeSpan.FromSeconds(60));
            var watch = Stopwatch.StartNew();
            await using var command = AppServer.Start(settings, "--backup", copy);
            backup = await command.ExitAsync(TimeSpan.FromSeconds(60));
            TestContext.Out.WriteLine($"--backup took {watch.Elapsed.TotalSeconds:0.0} s while {load.SignedIn} sign-ins were written");
        }

        await using var verify = AppServer.Start(new Dictionary<string, string>(settings) { ["ConnectionStrings__TrustFund"] = $"Data Source={copy}" }, "--verify-audit");
        var verified = await verify.ExitAsync(TimeSpan.FromSeconds(60));
        var integrity = File.Exists(copy) ? await SqliteBackup.IntegrityOfAsync(copy) : "no copy";

        Assert.Multiple(() =>
        {
            Assert.That(backup.ExitCode, Is.Zero, backup.Output);
            Assert.That(backup.Output, Does.Contain("integrity check ok"));
            Assert.That(integrity, Is.EqualTo("ok"));
            Assert.That(verified.ExitCode, Is.Zero, verified.Output);
            Assert.That(verified.Output, Does.Contain("Audit chain intact"));
        });
    }

    [Test]
    public async Task Backup_ToAnExistingFile_IsRefusedWithTheReason()
    {
        var existing = Path.Combine(_folder, "already-there.db");
        await File.WriteAllTextAsync(existing, "keep me");

        await using var command = AppServer.Start(Settings(), "--backup", existing);
        var (exitCode, output) = await command.ExitAsync(TimeSpan.FromSeconds(60));
        var kept = await File.ReadAllTextAsync(existing);

        Assert.Multiple(() =>
        {
            Assert.That(exitCode, Is.EqualTo(1));
            Assert.That(output, Does.Contain("already exists"));
            Assert.That(kept, Is.EqualTo("keep me"));
        });
    }

    [Test]
    public async Task KilledDuringWrites_TheDatabaseIsSoundAndTheAppStartsOnIt()
    {
        var settings = Settings();
        var database = Path.Combine(_folder, "trustfund.db");
        int signedIn;
        await using (var app = AppServer.Start(settings))
        {
            await app.WaitForReadinessAsync(200, TimeSpan.FromSeconds(90));
            await using var load = new SignInLoad(app.Address, workers: 4);
            await load.WaitForSignInsAsync(4, TimeSpan.FromSeconds(60));
            await Task.Delay(TimeSpan.FromMilliseconds(300));
            await app.KillAsync();
            signedIn = load.SignedIn;
        }

        var integrity = await SqliteBackup.IntegrityOfAsync(database);
        string journal;
        await using (var connection = new SqliteConnection($"Data Source={database};Pooling=False"))
        {
            await connection.OpenAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = "PRAGMA journal_mode";
            journal = (string)(await command.ExecuteScalarAsync())!;
        }

        await using var restarted = AppServer.Start(settings);
        var ready = await restarted.WaitForReadinessAsync(200, TimeSpan.FromSeconds(90));
        await restarted.KillAsync();
        await using var verify = AppServer.Start(settings, "--verify-audit");
        var verified = await verify.ExitAsync(TimeSpan.FromSeconds(60));
        TestContext.Out.WriteLine($"killed after {signedIn} sign-ins; integrity_check: {integrity}; ready again in {ready.TotalSeconds:0.0} s; {verified.Output}");

        Assert.Multiple(() =>
        {
            Assert.That(signedIn, Is.GreaterThan(0), "writes were under way when the app was killed");
            Assert.That(integrity, Is.EqualTo("ok"));
            Assert.That(journal, Is.EqualTo("wal"));
            Assert.That(verified.ExitCode, Is.Zero, verified.Output);
        });
    }

    private Dictionary<string, string> Settings() => new()
    {
        ["ASPNETCORE_ENVIRONMENT"] = "Development",
        ["Database__Provider"] = "Sqlite",
        ["Database__MigrateOnStartup"] = "true",
        ["ConnectionStrings__TrustFund"] = $"Data Source={Path.Combine(_folder, "trustfund.db")}",
        ["Email__PickupFolder"] = Path.Combine(_folder, "mail"),
    };
}
