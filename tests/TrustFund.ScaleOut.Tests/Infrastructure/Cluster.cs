using System.Diagnostics;
using System.Globalization;
using Npgsql;
using TrustFund.EndToEnd.Tests.Infrastructure;
using TrustFund.Web.Tests.Email;

namespace TrustFund.ScaleOut.Tests.Infrastructure;

/// <summary>
/// Two instances of the published app on one fresh PostgreSQL database, sharing Redis and an SMTP server,
/// behind HAProxy on 127.0.0.1 (round robin, health check on <c>/health/ready</c>). Everything listens on
/// free loopback ports and is stopped at the end; the database is dropped.
/// </summary>
public sealed class Cluster : IAsyncDisposable
{
    /// <summary>The per-client sign-in limit the instances run with (lower than the default, so the test stays short).</summary>
    public const int SignInPerClient = 20;

    /// <summary>The per-account sign-in limit (the app's default).</summary>
    public const int SignInPerAccount = 10;

    private static readonly TimeSpan ReadyTimeout = TimeSpan.FromSeconds(150);
    private readonly List<IAsyncDisposable> _owned = [];
    private string? _workFolder;
    private string? _adminConnection;
    private string? _database;

    private Cluster()
    {
    }

    public AppInstance A { get; private set; } = null!;

    public AppInstance B { get; private set; } = null!;

    /// <summary>The load balancer's address.</summary>
    public Uri Balancer { get; private set; } = null!;

    /// <summary>HAProxy's statistics page (CSV at <c>;csv</c>).</summary>
    public Uri Statistics { get; private set; } = null!;

    public TestSmtpServer Smtp { get; private set; } = null!;

    /// <summary>The app's database, for the checks a page cannot show.</summary>
    public string ConnectionString { get; private set; } = null!;

    public TimeSpan StartTime { get; private set; }

    /// <summary>Checks the prerequisites (skipping or, in CI, failing without them), then starts everything.</summary>
    public static async Task<Cluster> StartAsync()
    {
        var postgres = Environment.GetEnvironmentVariable("ConnectionStrings__Postgres");
        var haproxy = Executable("haproxy");
        var redis = Executable("redis-server");
        var missing = new List<string>();
        if (string.IsNullOrWhiteSpace(postgres))
        {
            missing.Add("PostgreSQL (set ConnectionStrings__Postgres, as printed by deploy/provision.sh)");
        }

        if (haproxy is null)
        {
            missing.Add("haproxy (apt-get install haproxy)");
        }

        if (redis is null)
        {
            missing.Add("redis-server (apt-get install redis-server)");
        }

        if (missing.Count > 0)
        {
            Prerequisite.Missing($"The scale-out suite needs {string.Join(", ", missing)}.");
        }

        var cluster = new Cluster();
        try
        {
            var clock = Stopwatch.StartNew();
            await cluster.StartCoreAsync(postgres!, haproxy!, redis!);
            cluster.StartTime = clock.Elapsed;
            return cluster;
        }
        catch
        {
            await cluster.DisposeAsync();
            throw;
        }
    }

    /// <summary>Whether HAProxy reports the server <paramref name="name"/> ("a" or "b") as UP.</summary>
    public async Task<string> ServerStatusAsync(string name)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        var csv = await http.GetStringAsync(new Uri(Statistics, "stats;csv"));
        var line = csv.Split('\n').FirstOrDefault(l => l.StartsWith($"apps,{name},", StringComparison.Ordinal))
            ?? throw new InvalidOperationException($"HAProxy does not list server {name}:{Environment.NewLine}{csv}");
        return line.Split(',')[17];
    }

    /// <summary>Every process's recent output, for failure messages.</summary>
    public string Output() => string.Join(Environment.NewLine, _owned.OfType<AppInstance>().Select(i => i.RecentOutput).Concat(_owned.OfType<ManagedProcess>().Select(p => p.RecentOutput)));

    public async ValueTask DisposeAsync()
    {
        for (var i = _owned.Count - 1; i >= 0; i--)
        {
            await _owned[i].DisposeAsync();
        }

        if (_adminConnection is not null && _database is not null)
        {
            await using var connection = new NpgsqlConnection(_adminConnection);
            await connection.OpenAsync();
            await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{_database}\" WITH (FORCE)", connection);
            await drop.ExecuteNonQueryAsync();
        }

        if (_workFolder is not null)
        {
            try
            {
                Directory.Delete(_workFolder, recursive: true);
            }
            catch (IOException)
            {
                // A leftover temp folder is harmless.
            }
        }
    }

    private async Task StartCoreAsync(string postgres, string haproxy, string redis)
    {
        _workFolder = Directory.CreateTempSubdirectory("trustfund-scaleout-").FullName;
        var publishTask = PublishAsync(Path.Combine(_workFolder, "app"));

        // One fresh database per run.
        var admin = new NpgsqlConnectionStringBuilder(postgres) { Database = "postgres", Pooling = false };
        _adminConnection = admin.ConnectionString;
        _database = $"trustfund_scaleout_{DateTime.UtcNow:yyyyMMddHHmmss}_{Environment.ProcessId}";
        await using (var connection = new NpgsqlConnection(_adminConnection))
        {
            await connection.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE \"{_database}\"", connection);
            await create.ExecuteNonQueryAsync();
        }

        ConnectionString = new NpgsqlConnectionStringBuilder(postgres) { Database = _database }.ConnectionString;

        var redisPort = ManagedProcess.FreeLoopbackPort();
        Own(ManagedProcess.Start("redis-server", redis, ["--port", redisPort.ToString(CultureInfo.InvariantCulture), "--bind", "127.0.0.1", "--save", string.Empty, "--appendonly", "no", "--dir", _workFolder]));
        Smtp = await TestSmtpServer.StartAsync();
        _owned.Add(Smtp);

        var publishFolder = await publishTask;
        var settings = new Dictionary<string, string>
        {
            // Development: the demo accounts and data are seeded into the new database.
            ["ASPNETCORE_ENVIRONMENT"] = "Development",
            ["Logging__LogLevel__Default"] = "Warning",
            ["Database__Provider"] = "PostgreSql",
            ["ConnectionStrings__TrustFund"] = ConnectionString,
            ["Redis__Configuration"] = $"127.0.0.1:{redisPort}",
            ["ForwardedHeaders__KnownProxies__0"] = "127.0.0.1",
            ["Email__Smtp__Host"] = "127.0.0.1",
            ["Email__Smtp__Port"] = Smtp.Port.ToString(CultureInfo.InvariantCulture),
            ["Email__Smtp__Security"] = "None",
            ["Email__DispatcherEnabled"] = "true",
            ["Email__PollInterval"] = "00:00:01",
            ["RateLimits__SignInPerClient__PermitLimit"] = SignInPerClient.ToString(CultureInfo.InvariantCulture),
            ["RateLimits__SignInPerAccount__PermitLimit"] = SignInPerAccount.ToString(CultureInfo.InvariantCulture),
        };

        // A migrates and seeds the new database; B starts on it as it is (as a second replica would).
        A = await AppInstance.StartAsync("A", publishFolder, new Dictionary<string, string>(settings) { ["Database__MigrateOnStartup"] = "true" }, ReadyTimeout);
        _owned.Add(A);
        B = await AppInstance.StartAsync("B", publishFolder, new Dictionary<string, string>(settings) { ["Database__MigrateOnStartup"] = "false" }, ReadyTimeout);
        _owned.Add(B);

        var balancerPort = ManagedProcess.FreeLoopbackPort();
        var statisticsPort = ManagedProcess.FreeLoopbackPort();
        Balancer = new Uri($"http://127.0.0.1:{balancerPort}/");
        Statistics = new Uri($"http://127.0.0.1:{statisticsPort}/");
        var configuration = Path.Combine(_workFolder, "haproxy.cfg");
        await File.WriteAllTextAsync(configuration, HaproxyConfiguration(balancerPort, statisticsPort, A.Port, B.Port));
        Own(ManagedProcess.Start("haproxy", haproxy, ["-f", configuration, "-db"]));
        await WaitAsync(async () => await ServerStatusAsync("a") == "UP" && await ServerStatusAsync("b") == "UP", TimeSpan.FromSeconds(20), "HAProxy did not report both instances UP");
    }

    private static string HaproxyConfiguration(int port, int statisticsPort, int a, int b) => $"""
        global
            maxconn 512

        defaults
            mode http
            timeout connect 2s
            timeout client 30s
            timeout server 30s
            # A request that cannot reach its server (refused, as after a crash) is sent to the other one.
            retries 3
            option redispatch 1

        frontend web
            bind 127.0.0.1:{port}
            option forwardfor
            default_backend apps

        backend apps
            balance roundrobin
            option httpchk GET /health/ready
            http-check expect status 200
            default-server inter 500ms fall 2 rise 2
            server a 127.0.0.1:{a} check
            server b 127.0.0.1:{b} check

        listen stats
            bind 127.0.0.1:{statisticsPort}
            stats enable
            stats uri /stats
            stats refresh 1s

        """;

    /// <summary>
    /// <c>dotnet publish</c> of the web project into <paramref name="folder"/>, in this test assembly's
    /// configuration and from the build that ran before the tests (the project reference builds it), so
    /// publishing copies files rather than compiling again.
    /// </summary>
    private static async Task<string> PublishAsync(string folder)
    {
        var root = RepositoryRoot();
        var configuration = new DirectoryInfo(AppContext.BaseDirectory).Parent?.Name ?? "Debug";
        var project = Path.Combine(root, "src", "TrustFund.Web", "TrustFund.Web.csproj");
        var (code, output) = await ManagedProcess.RunAsync("dotnet", ["publish", project, "-c", configuration, "--no-build", "-o", folder, "-v", "q", "-nologo"], TimeSpan.FromMinutes(5), root);
        if (code != 0)
        {
            // Built in another configuration than the tests (or not at all): build while publishing.
            (code, output) = await ManagedProcess.RunAsync("dotnet", ["publish", project, "-c", configuration, "-o", folder, "-v", "q", "-nologo"], TimeSpan.FromMinutes(10), root);
        }

        Assert.That(code, Is.Zero, $"dotnet publish failed:{Environment.NewLine}{output}");
        return folder;
    }

    private static string RepositoryRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "TrustFund.sln")))
            {
                return folder.FullName;
            }
        }

        throw new DirectoryNotFoundException($"No TrustFund.sln above {AppContext.BaseDirectory}.");
    }

    private static async Task WaitAsync(Func<Task<bool>> condition, TimeSpan timeout, string failure)
    {
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < timeout)
        {
            try
            {
                if (await condition())
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }

            await Task.Delay(200);
        }

        throw new TimeoutException($"{failure} within {timeout.TotalSeconds:0} s.");
    }

    private void Own(ManagedProcess process) => _owned.Add(process);

    /// <summary>The full path of <paramref name="program"/> on PATH or in the Debian folders, or null.</summary>
    private static string? Executable(string program) =>
        (Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Concat(["/usr/sbin", "/usr/bin", "/sbin", "/bin"])
            .Select(folder => Path.Combine(folder, program))
            .FirstOrDefault(File.Exists);
}
