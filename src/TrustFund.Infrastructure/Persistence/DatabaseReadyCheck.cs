using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace TrustFund.Infrastructure.Persistence;

/// <summary>Ready when the database answers and carries every migration; otherwise unhealthy with the reason.</summary>
internal sealed class DatabaseReadyCheck : IHealthCheck
{
    private readonly TrustFundDbContext _db;

    public DatabaseReadyCheck(TrustFundDbContext db)
    {
        _db = db;
    }

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            if (!await _db.Database.CanConnectAsync(cancellationToken))
            {
                return HealthCheckResult.Unhealthy($"The {_db.Provider} database cannot be reached.");
            }

            var pending = (await _db.Database.GetPendingMigrationsAsync(cancellationToken)).Count();
            return pending == 0
                ? HealthCheckResult.Healthy($"The {_db.Provider} database is reachable and up to date.")
                : HealthCheckResult.Unhealthy($"The {_db.Provider} database lacks {pending} migration(s).");
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            return HealthCheckResult.Unhealthy($"The {_db.Provider} database cannot be reached: {ex.GetBaseException().Message}");
        }
    }
}
