using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using TrustFund.Infrastructure.Persistence;
using TrustFund.Web.Tests.Infrastructure;

namespace TrustFund.Web.Tests.Audit;

/// <summary>Writes audit entries as a given actor at a given time, through the same chained save the app uses.</summary>
public static class AuditEntries
{
    public static async Task<long> WriteAsync(
        TrustFundApp app,
        DateTime atUtc,
        RecordedActor actor,
        string action,
        string summary,
        string? entityType = null,
        string? entityId = null,
        int count = 1)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var options = scope.ServiceProvider.GetRequiredService<DbContextOptions<TrustFundDbContext>>();
        await using var db = new TrustFundDbContext(options).UseServices(new FakeTimeProvider(new DateTimeOffset(atUtc, TimeSpan.Zero)), actor);
        for (var i = 1; i <= count; i++)
        {
            db.AddAudit(action, count == 1 ? summary : $"{summary} {i}", entityType, entityId);
        }

        await db.SaveChangesAsync();
        return await db.AuditEntries.MaxAsync(e => e.Sequence);
    }
}
