using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Npgsql;

namespace TrustFund.Web.Tests.Recovery;

/// <summary>
/// A PostgreSQL server of its own (initdb in a temporary folder, its own port), so a test may stop and
/// restart it without disturbing other tests that use the machine's cluster. Run as the postgres user
/// when the tests run as root (PostgreSQL refuses to run as root). Missing binaries ignore the test,
/// or fail it with CI=true.
/// </summary>
internal sealed class PrivatePostgres : IAsyncDisposable
{
    private readonly string _bin;
    private readonly string _folder;
    private readonly string _data;

    private PrivatePostgres(string bin, string folder, int port)
    {
        _bin = bin;
        _folder = folder;
        _data = Path.Combine(folder, "data");
        Port = port;
    }

    public int Port { get; }

    /// <summary>The folder of this server's programs (pg_dump, psql...), for tools run by scripts.</summary>
    public string BinFolder => _bin;

    public string ConnectionString(string database) =>
        new NpgsqlConnectionStringBuilder { Host = "127.0.0.1", Port = Port, Username = "postgres", Database = database, Pooling = false }.ConnectionString;

    public static async Task<PrivatePostgres> StartAsync()
    {
        var bin = Directory.Exists("/usr/lib/postgresql")
            ? Directory.GetDirectories("/usr/lib/postgresql").Select(v => Path.Combine(v, "bin")).Where(b => File.Exists(Path.Combine(b, "initdb"))).Order(StringComparer.Ordinal).LastOrDefault()
            : null;
        if (bin is null)
        {
            Prerequisites.Missing("PostgreSQL's server binaries (initdb, pg_ctl) are not installed (apt-get install postgresql-15).");
        }

        var folder = Directory.CreateTempSubdirectory("trustfund-pg-").FullName;
        var server = new PrivatePostgres(bin!, folder, FreePort());
        if (Environment.UserName == "root")
        {
            await RunAsync("chown", ["postgres:postgres", folder]);
        }

        await server.PgAsync("initdb", ["-D", server._data, "-U", "postgres", "--auth=trust", "-E", "UTF8", "--no-sync"]);
        await server.StartServerAsync();
        return server;
    }

    public Task StartServerAsync() => PgAsync("pg_ctl", ["-D", _data, "-l", Path.Combine(_folder, "server.log"), "-w", "-t", "60", "-o", $"-p {Port} -k {_folder} -c listen_addresses=127.0.0.1 -c fsync=off", "start"]);

    public Task StopServerAsync() => PgAsync("pg_ctl", ["-D", _data, "-m", "fast", "-w", "stop"]);

    public Task RestartServerAsync() => PgAsync("pg_ctl", ["-D", _data, "-m", "fast", "-w", "-t", "60", "-o", $"-p {Port} -k {_folder} -c listen_addresses=127.0.0.1 -c fsync=off", "restart"]);

    /// <summary>Runs psql, pg_dump and the like as the server's owner against this server.</summary>
    public Task<string> ToolAsync(string tool, params string[] arguments) =>
        PgAsync(tool, ["-h", "127.0.0.1", "-p", Port.ToString(System.Globalization.CultureInfo.InvariantCulture), "-U", "postgres", .. arguments]);

    public async ValueTask DisposeAsync()
    {
        try
        {
            await PgAsync("pg_ctl", ["-D", _data, "-m", "immediate", "stop"]);
        }
        catch (InvalidOperationException)
        {
            // Already stopped.
        }

        NpgsqlConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }

    private Task<string> PgAsync(string tool, string[] arguments)
    {
        var path = Path.Combine(_bin, tool);
        return Environment.UserName == "root"
            ? RunAsync("runuser", ["-u", "postgres", "--", path, .. arguments])
            : RunAsync(path, arguments);
    }

    private static async Task<string> RunAsync(string file, string[] arguments)
    {
        var start = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = Path.GetTempPath() };
        arguments.ToList().ForEach(start.ArgumentList.Add);
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return process.ExitCode == 0
            ? await output
            : throw new InvalidOperationException($"{file} {string.Join(' ', arguments)} exited with {process.ExitCode}: {await errors}{await output}");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
