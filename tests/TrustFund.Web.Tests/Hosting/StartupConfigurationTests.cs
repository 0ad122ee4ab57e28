using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using TrustFund.Web.Tests.Infrastructure;

namespace TrustFund.Web.Tests.Hosting;

public sealed class StartupConfigurationTests
{
    [TestCase("Oracle")]
    [TestCase("MySql")]
    [TestCase("Postgres")]
    public void Start_UnknownDatabaseProvider_StopsWithTheValidNames(string provider)
    {
        using var app = new TrustFundApp(new Dictionary<string, string?> { ["Database:Provider"] = provider });

        var error = Assert.Catch(() => _ = app.Server)!;

        var messages = string.Join(" | ", Chain(error).Select(e => e.Message));
        Assert.That(messages, Does.Contain($"Unknown database provider '{provider}' in setting Database:Provider. Valid providers: Sqlite, PostgreSql, SqlServer."));
    }

    [TestCase("postgresql")]
    [TestCase(" SQLITE ")]
    public void Start_ProviderNameInAnyCase_IsAccepted(string provider)
    {
        var settings = new Dictionary<string, string?> { ["Database:Provider"] = provider };
        if (provider.Trim().Equals("postgresql", StringComparison.OrdinalIgnoreCase))
        {
            settings["ConnectionStrings:TrustFund"] = $"Host=127.0.0.1;Port={ClosedPort()};Username=trustfund;Password=unused;Timeout=3";
        }

        using var app = new TrustFundApp(settings);

        Assert.That(() => _ = app.Server, Throws.Nothing);
    }

    private static IEnumerable<TestCaseData> UnreachableDatabases()
    {
        yield return new TestCaseData("PostgreSql", $"Host=127.0.0.1;Port={ClosedPort()};Database=trustfund;Username=trustfund;Password=unused;Timeout=3")
            .SetArgDisplayNames("PostgreSql on a closed port");
        yield return new TestCaseData("Sqlite", "Data Source=/proc/trustfund-no-such-folder/trustfund.db")
            .SetArgDisplayNames("Sqlite in a missing read-only folder");
    }

    [TestCaseSource(nameof(UnreachableDatabases))]
    public async Task Start_UnreachableDatabase_StartsLogsCriticalAndIsLiveButNotReady(string provider, string connectionString)
    {
        var logs = new LogCapture();
        using var baseApp = new TrustFundApp(new Dictionary<string, string?>
        {
            ["Database:Provider"] = provider,
            ["ConnectionStrings:TrustFund"] = connectionString,
        });
        using var app = baseApp.WithWebHostBuilder(b => b.ConfigureTestServices(s => s.AddSingleton<ILoggerProvider>(logs)));
        using var client = app.CreateClient();

        var live = await client.GetAsync(new Uri("/health/live", UriKind.Relative));
        var ready = await client.GetAsync(new Uri("/health/ready", UriKind.Relative));

        var critical = logs.Lines.Where(l => l.Level == LogLevel.Critical).ToList();
        using var report = JsonDocument.Parse(await ready.Content.ReadAsStringAsync());
        var check = report.RootElement.GetProperty("checks").EnumerateArray().Single();
        Assert.Multiple(() =>
        {
            Assert.That(critical, Has.Count.EqualTo(1), "one critical line at start-up");
            Assert.That(critical.FirstOrDefault()?.Category, Is.EqualTo("TrustFund.Startup"));
            Assert.That(critical.FirstOrDefault()?.Message, Does.StartWith($"The {provider} database could not be reached or migrated: "));
            Assert.That(critical.FirstOrDefault()?.Message, Does.Contain("/health/ready answers 503").And.Contain("check ConnectionStrings:TrustFund").And.Not.Contain(".."));
            Assert.That(live.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(ready.StatusCode, Is.EqualTo(HttpStatusCode.ServiceUnavailable));
            Assert.That(ready.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/json"));
            Assert.That(report.RootElement.GetProperty("status").GetString(), Is.EqualTo("Unhealthy"));
            Assert.That(check.GetProperty("name").GetString(), Is.EqualTo("database"));
            Assert.That(check.GetProperty("description").GetString(), Does.StartWith($"The {provider} database cannot be reached"));
        });
    }

    [Test]
    public async Task HealthReady_MigratedDatabase_IsOkAndSaysSo()
    {
        using var app = await new TrustFundApp().StartAsync();
        using var client = app.CreateClient();

        var ready = await client.GetAsync(new Uri("/health/ready", UriKind.Relative));

        using var report = JsonDocument.Parse(await ready.Content.ReadAsStringAsync());
        Assert.Multiple(() =>
        {
            Assert.That(ready.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(report.RootElement.GetProperty("status").GetString(), Is.EqualTo("Healthy"));
            Assert.That(
                report.RootElement.GetProperty("checks")[0].GetProperty("description").GetString(),
                Is.EqualTo("The Sqlite database is reachable and up to date."));
        });
    }

    [Test]
    public async Task HealthReady_DatabaseWithoutMigrations_IsUnavailableAndCountsThem()
    {
        var file = Path.Combine(Path.GetTempPath(), $"trustfund-unmigrated-{Guid.NewGuid():N}.db");
        await File.WriteAllBytesAsync(file, []);
        try
        {
            using var app = new TrustFundApp(new Dictionary<string, string?>
            {
                ["ConnectionStrings:TrustFund"] = $"Data Source={file}",
                ["Database:MigrateOnStartup"] = "false",
            });
            using var client = app.CreateClient();

            var ready = await client.GetAsync(new Uri("/health/ready", UriKind.Relative));

            var body = await ready.Content.ReadAsStringAsync();
            Assert.Multiple(() =>
            {
                Assert.That(ready.StatusCode, Is.EqualTo(HttpStatusCode.ServiceUnavailable));
                Assert.That(body, Does.Match("The Sqlite database lacks [0-9]+ migration\\(s\\)"));
            });
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            File.Delete(file);
        }
    }

    private static IEnumerable<Exception> Chain(Exception error)
    {
        for (var e = error; e is not null; e = e.InnerException)
        {
            yield return e;
        }
    }

    /// <summary>A local port that nothing listens on: bound, read and released.</summary>
    private static int ClosedPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}
