using System.Text;
using Microsoft.Data.Sqlite;

namespace TrustFund.Web.Tests.Protection;

/// <summary>What someone who copied the database files would read, bypassing the app entirely.</summary>
public static class RawDatabase
{
    /// <summary>
    /// Where any of <paramref name="secrets"/> appears: every text and blob value of every column of
    /// every table (read with SQLite directly), and the raw bytes of the database file and its WAL and
    /// shared-memory files (UTF-8 and UTF-16). Empty when none is found.
    /// </summary>
    public static async Task<List<string>> FindAsync(string databaseFile, params string[] secrets)
    {
        var found = new List<string>();
        await using (var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = databaseFile, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString()))
        {
            await connection.OpenAsync();
            var tables = await ListAsync(connection, "SELECT name FROM sqlite_master WHERE type = 'table'");
            Assert.That(tables, Does.Contain("Organisations").And.Contain("AspNetUserTokens"), "the scan reads the app's tables");
            foreach (var table in tables)
            {
                var columns = await ListAsync(connection, $"SELECT name FROM pragma_table_info('{table.Replace("'", "''", StringComparison.Ordinal)}')");
                foreach (var column in columns)
                {
                    await using var command = connection.CreateCommand();
                    command.CommandText = $"SELECT \"{column}\" FROM \"{table}\"";
                    await using var reader = await command.ExecuteReaderAsync();
                    while (await reader.ReadAsync())
                    {
                        var text = reader.IsDBNull(0) ? null : reader.GetValue(0) switch
                        {
                            string s => s,
                            byte[] b => Encoding.UTF8.GetString(b) + Encoding.Unicode.GetString(b),
                            var other => Convert.ToString(other, System.Globalization.CultureInfo.InvariantCulture),
                        };
                        found.AddRange(secrets.Where(s => text?.Contains(s, StringComparison.OrdinalIgnoreCase) == true).Select(s => $"{table}.{column}: {s}"));
                    }
                }
            }
        }

        foreach (var file in new[] { databaseFile, databaseFile + "-wal", databaseFile + "-shm" }.Where(File.Exists))
        {
            byte[] bytes;
            await using (var stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete))
            using (var copy = new MemoryStream())
            {
                await stream.CopyToAsync(copy);
                bytes = copy.ToArray();
            }

            foreach (var secret in secrets)
            {
                if (bytes.AsSpan().IndexOf(Encoding.UTF8.GetBytes(secret)) >= 0 || bytes.AsSpan().IndexOf(Encoding.Unicode.GetBytes(secret)) >= 0)
                {
                    found.Add($"{Path.GetFileName(file)} bytes: {secret}");
                }
            }
        }

        return found;
    }

    private static async Task<List<string>> ListAsync(SqliteConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await using var reader = await command.ExecuteReaderAsync();
        var names = new List<string>();
        while (await reader.ReadAsync())
        {
            names.Add(reader.GetString(0));
        }

        return names;
    }
}
