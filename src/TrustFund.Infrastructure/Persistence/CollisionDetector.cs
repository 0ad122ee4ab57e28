using System.Text.RegularExpressions;
using Microsoft.Data.SqlClient;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using TrustFund.Application.Common;

namespace TrustFund.Infrastructure.Persistence;

/// <summary>
/// Reads write collisions out of each engine's errors. Unique violations are named by the index as
/// the model names it on every engine (SQLite reports only table and columns, so the index is found
/// in the model from them).
/// </summary>
internal sealed partial class CollisionDetector : ICollisionDetector
{
    private const int SqliteBusy = 5;
    private const int SqliteLocked = 6;
    private const int SqliteConstraint = 19;

    private readonly TrustFundDbContext _db;

    public CollisionDetector(TrustFundDbContext db)
    {
        _db = db;
    }

    public Collision? Detect(Exception exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            switch (e)
            {
                case SqliteException { SqliteErrorCode: SqliteBusy or SqliteLocked }:
                    return new Collision(CollisionKind.SerializationFailure, null);
                case SqliteException { SqliteErrorCode: SqliteConstraint } sqlite when SqliteUnique().Match(sqlite.Message) is { Success: true } match:
                    return new Collision(CollisionKind.DuplicateKey, IndexOf(match.Groups["table"].Value, match.Groups["columns"].Value.Split(", ").Select(c => c[(c.IndexOf('.', StringComparison.Ordinal) + 1)..])));
                case PostgresException { SqlState: PostgresErrorCodes.UniqueViolation } postgres:
                    return new Collision(CollisionKind.DuplicateKey, postgres.ConstraintName);
                case PostgresException { SqlState: PostgresErrorCodes.SerializationFailure or PostgresErrorCodes.DeadlockDetected }:
                    return new Collision(CollisionKind.SerializationFailure, null);
                case SqlException { Number: 2601 or 2627 } sqlServer:
                    return new Collision(CollisionKind.DuplicateKey, SqlServerIndex().Match(sqlServer.Message) is { Success: true } index ? index.Groups["name"].Value : null);
                case SqlException { Number: 1205 or 3960 }:
                    return new Collision(CollisionKind.SerializationFailure, null);
            }
        }

        return null;
    }

    [GeneratedRegex("UNIQUE constraint failed: (?<table>[^.']+)\\.(?<columns>[^']+)", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 100)]
    private static partial Regex SqliteUnique();

    [GeneratedRegex("unique (?:index|constraint) '(?<name>[^']+)'", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase, matchTimeoutMilliseconds: 100)]
    private static partial Regex SqlServerIndex();

    private string IndexOf(string table, IEnumerable<string> columns)
    {
        var wanted = columns.Select(c => c.Trim()).ToList();
        var index = _db.Model.GetEntityTypes()
            .Where(t => string.Equals(t.GetTableName(), table, StringComparison.Ordinal))
            .SelectMany(t => t.GetIndexes())
            .FirstOrDefault(i => i.IsUnique && i.Properties.Select(p => p.GetColumnName()).SequenceEqual(wanted, StringComparer.Ordinal));
        return index?.GetDatabaseName() ?? $"{table}({string.Join(", ", wanted)})";
    }
}
