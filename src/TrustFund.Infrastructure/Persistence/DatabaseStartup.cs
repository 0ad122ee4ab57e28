using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using TrustFund.Infrastructure.Protection;

namespace TrustFund.Infrastructure.Persistence;

/// <summary>
/// Applies pending migrations at start-up, then protects any value still stored in plain text from
/// before encryption at rest; an unreachable database is logged, not fatal.
/// </summary>
public static class DatabaseStartup
{
    /// <summary>
    /// Migrates the database. Returns false (after a clear log line) when the database cannot be
    /// reached, so the app still starts and <c>/health/ready</c> answers 503 with the reason.
    /// </summary>
    public static async Task<bool> MigrateAsync(IServiceProvider services, ILogger logger, CancellationToken cancellationToken = default)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TrustFundDbContext>();
        try
        {
            await SqliteBackup.UseWriteAheadLogAsync(db, cancellationToken);
            var pending = (await db.Database.GetPendingMigrationsAsync(cancellationToken)).ToList();
            if (pending.Count > 0)
            {
                logger.LogInformation("Applying {Count} database migration(s) on {Provider}: {Migrations}", pending.Count, db.Provider, string.Join(", ", pending));
                await db.Database.MigrateAsync(cancellationToken);
            }

            if (scope.ServiceProvider.GetService<IDataProtectionProvider>() is { } dataProtection
                && await PlaintextSweep.ProtectAsync(db, dataProtection, cancellationToken) is > 0 and var protectedCount)
            {
                logger.LogInformation("Encrypted {Count} value(s) stored in plain text before encryption at rest", protectedCount);
            }

            return true;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogCritical(
                ex,
                "The {Provider} database could not be reached or migrated: {Reason}. TrustFund keeps running and /health/ready answers 503 until the database is available; check ConnectionStrings:TrustFund.",
                db.Provider,
                ex.GetBaseException().Message.TrimEnd('.'));
            return false;
        }
    }
}
