using TrustFund.Application.Audit;
using TrustFund.Application.Common;
using TrustFund.Domain.Grants;
using TrustFund.Domain.Grants.Events;

namespace TrustFund.Application.Concerns;

/// <summary>Closing a concern is audited (its outcome stays with the concern, for Secretariat staff).</summary>
internal sealed class OnConcernClosed : IDomainEventHandler<ConcernClosed>
{
    private readonly IAuditTrail _audit;
    private readonly ICurrentActor _actor;

    public OnConcernClosed(IAuditTrail audit, ICurrentActor actor)
    {
        _audit = audit;
        _actor = actor;
    }

    public Task HandleAsync(ConcernClosed domainEvent, CancellationToken cancellationToken)
    {
        _audit.Record(
            AuditActions.ConcernClosed,
            $"{_actor.Name ?? "system"} closed a {domainEvent.Category.ToString().ToLowerInvariant()} concern with a written outcome",
            nameof(SafeguardingConcern),
            domainEvent.ConcernId.ToString());
        return Task.CompletedTask;
    }
}
