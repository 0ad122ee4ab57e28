using TrustFund.Application.Audit;
using TrustFund.Application.Common;
using TrustFund.Domain.Grants;
using TrustFund.Domain.Grants.Events;

namespace TrustFund.Application.Concerns;

/// <summary>Opening a concern is audited with its category and date; the note, for Secretariat staff only, stays out of the trail.</summary>
internal sealed class OnConcernOpened : IDomainEventHandler<ConcernOpened>
{
    private readonly IAuditTrail _audit;
    private readonly ICurrentActor _actor;

    public OnConcernOpened(IAuditTrail audit, ICurrentActor actor)
    {
        _audit = audit;
        _actor = actor;
    }

    public Task HandleAsync(ConcernOpened domainEvent, CancellationToken cancellationToken)
    {
        _audit.Record(
            AuditActions.ConcernOpened,
            $"{_actor.Name ?? "system"} recorded a {domainEvent.Category.ToString().ToLowerInvariant()} concern dated {domainEvent.OpenedOn:yyyy-MM-dd}: the organisation's payments are blocked until it is closed",
            nameof(SafeguardingConcern),
            domainEvent.ConcernId.ToString());
        return Task.CompletedTask;
    }
}
