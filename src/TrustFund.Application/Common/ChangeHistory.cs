using Microsoft.EntityFrameworkCore;

namespace TrustFund.Application.Common;

/// <summary>Who last changed a record and when, read from the audit trail (for stale-edit messages).</summary>
public static class ChangeHistory
{
    public static async Task<StaleEdit> LastChangeAsync(ITrustFundDb db, string entityType, Guid entityId, CancellationToken cancellationToken)
    {
        var key = entityId.ToString();
        var last = await db.AuditEntries.AsNoTracking()
            .Where(e => e.EntityType == entityType && e.EntityId == key)
            .OrderByDescending(e => e.Sequence)
            .Select(e => new { e.ActorName, e.OccurredAtUtc })
            .FirstOrDefaultAsync(cancellationToken);
        return new StaleEdit(entityType, entityId, last?.ActorName, last?.OccurredAtUtc);
    }
}
