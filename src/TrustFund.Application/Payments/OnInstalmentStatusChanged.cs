using TrustFund.Application.Audit;
using TrustFund.Application.Common;
using TrustFund.Domain.Grants;
using TrustFund.Domain.Grants.Events;

namespace TrustFund.Application.Payments;

/// <summary>Putting an instalment on hold, taking it off hold and cancelling it are audited, with the reason.</summary>
internal sealed class OnInstalmentStatusChanged : IDomainEventHandler<InstalmentStatusChanged>
{
    private readonly ITrustFundDb _db;
    private readonly IAuditTrail _audit;

    public OnInstalmentStatusChanged(ITrustFundDb db, IAuditTrail audit)
    {
        _db = db;
        _audit = audit;
    }

    public async Task HandleAsync(InstalmentStatusChanged domainEvent, CancellationToken cancellationToken)
    {
        var (number, _) = await GrantLabel.OfAsync(_db, domainEvent.GrantId, cancellationToken);
        var instalment = $"instalment {domainEvent.Number} of grant {number}";
        var reason = string.IsNullOrEmpty(domainEvent.Reason) ? string.Empty : $": {domainEvent.Reason}";
        var (action, summary) = domainEvent.Status switch
        {
            InstalmentStatus.OnHold => (AuditActions.InstalmentPutOnHold, $"{domainEvent.By} put {instalment} on hold{reason}"),
            InstalmentStatus.Cancelled => (AuditActions.InstalmentCancelled, $"{domainEvent.By} cancelled {instalment}{reason}"),
            _ => (AuditActions.InstalmentTakenOffHold, $"{domainEvent.By} took {instalment} off hold (back to {domainEvent.Status.ToString().ToLowerInvariant()})"),
        };
        _audit.Record(action, summary, nameof(Grant), domainEvent.GrantId.ToString());
    }
}
