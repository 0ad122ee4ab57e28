using TrustFund.Application.Audit;
using TrustFund.Infrastructure.Persistence;

namespace TrustFund.Infrastructure.Audit;

internal sealed class AuditTrail : IAuditTrail
{
    private readonly TrustFundDbContext _db;

    public AuditTrail(TrustFundDbContext db)
    {
        _db = db;
    }

    public void Record(string action, string summary, string? entityType = null, string? entityId = null) =>
        _db.AddAudit(action, summary, entityType, entityId);

    public async Task RecordNowAsync(string action, string summary, string? entityType = null, string? entityId = null, CancellationToken cancellationToken = default)
    {
        _db.AddAudit(action, summary, entityType, entityId);
        await _db.SaveChangesAsync(cancellationToken);
    }
}
