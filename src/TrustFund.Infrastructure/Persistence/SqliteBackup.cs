using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace TrustFund.Infrastructure.Persistence;

/// <summary>
/// The embedded SQLite database: kept in write-ahead-log mode, so readers never wait for a writer and
/// a process killed mid-write leaves a consistent file; and copied while the app runs with
/// <c>VACUUM INTO</c>, which writes one transaction-consistent, compacted file.
/// </summary>
public static class SqliteBackup
{
    /// <summary>Puts the database in WAL mode (a setting stored in the file itself); true when it is.</summary>
    public static async Task<bool> UseWriteAheadLogAsync(TrustFundDbContext db, CancellationToken cancellationToken = default)
    {
        if (!db.Database.IsSqlite())
        {
            return false;
        }

        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            await using var command = db.Database.GetDbConnection().CreateCommand();
            command.CommandText = "PRAGMA journal_mode=WAL";
            return string.Equals(await command.ExecuteScalarAsync(cancellationToken) as string, "wal", StringComparison.OrdinalIgnoreCase);
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    /// <summary>Copies the database of <paramref name="services"/>' context to <paramref name="target"/> (see the overload on a context).</summary>
    public static async Task<long> CopyToAsync(IServiceProvider services, string target, CancellationToken cancellationToken = default) =>
        await CopyToAsync(services.GetRequiredService<TrustFundDbContext>(), target, cancellationToken);

    /// <summary>
    /// Copies the live database to <paramref name="target"/> (which must not exist yet) and checks the
    /// copy with <c>PRAGMA integrity_check</c>. Returns the copy's size in bytes.
    /// </summary>
    public static async Task<long> CopyToAsync(TrustFundDbContext db, string target, CancellationToken cancellationToken = default)
    {
        if (!db.Database.IsSqlite())
        {
            throw new InvalidOperationException(
                $"--backup copies the embedded SQLite database; this app uses {db.Provider}. Back PostgreSQL up with pg_dump (see deploy/backup-restore-drill.sh), SQL Server with BACKUP DATABASE.");
        }

        var path = Path.GetFullPath(target);
        if (File.Exists(path))
        {
            throw new InvalidOperationException($"The backup file {path} already exists; name a new file.");
        }

        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        await db.Database.ExecuteSqlRawAsync("VACUUM INTO {0}", [path], cancellationToken);

        var check = await IntegrityOfAsync(path, cancellationToken);
        return check == "ok"
            ? new FileInfo(path).Length
            : throw new InvalidOperationException($"The backup {path} failed its integrity check: {check}");
    }

    /// <summary>What <c>PRAGMA integrity_check</c> says of a database file ("ok" when sound).</summary>
    public static async Task<string> IntegrityOfAsync(string file, CancellationToken cancellationToken = default)
    {
        var builder = new SqliteConnectionStringBuilder { DataSource = file, Mode = SqliteOpenMode.ReadOnly, Pooling = false };
        await using var connection = new SqliteConnection(builder.ToString());
        await connection.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA integrity_check";
        var lines = new List<string>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            lines.Add(reader.GetString(0));
        }

        return string.Join("; ", lines);
    }
}
