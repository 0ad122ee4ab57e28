using Microsoft.EntityFrameworkCore;

namespace TrustFund.Infrastructure.Persistence;

/// <summary>
/// Serialises writers of the audit chain inside their transaction, so concurrent requests (and
/// several app instances) never fork the chain. SQLite needs nothing: EF Core opens its
/// transactions with BEGIN IMMEDIATE, which already admits one writer at a time.
/// </summary>
internal static class AuditChainLock
{
    private const long PostgresLockKey = 0x5472_7573_7446_756E; // "TrustFun"

    public static void Acquire(TrustFundDbContext db)
    {
        var sql = Statement(db.Provider);
        if (sql is not null)
        {
            db.Database.ExecuteSqlRaw(sql);
        }
    }

    public static async Task AcquireAsync(TrustFundDbContext db, CancellationToken cancellationToken)
    {
        var sql = Statement(db.Provider);
        if (sql is not null)
        {
            await db.Database.ExecuteSqlRawAsync(sql, cancellationToken);
        }
    }

    private static string? Statement(DatabaseProvider provider) => provider switch
    {
        DatabaseProvider.Sqlite => null,
        DatabaseProvider.PostgreSql => $"SELECT pg_advisory_xact_lock({PostgresLockKey})",
        DatabaseProvider.SqlServer => "EXEC sp_getapplock @Resource = 'TrustFund.AuditChain', @LockMode = 'Exclusive', @LockOwner = 'Transaction', @LockTimeout = 30000",
    };
}
