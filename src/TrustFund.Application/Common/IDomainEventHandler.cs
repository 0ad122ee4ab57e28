using TrustFund.Domain.Common;

namespace TrustFund.Application.Common;

/// <summary>
/// Reacts to a domain event inside the unit of work that raised it, before it is saved: what it adds
/// (audit entries, outbox emails) is written in the same transaction as the change, or not at all.
/// </summary>
public interface IDomainEventHandler<in TEvent>
    where TEvent : IDomainEvent
{
    Task HandleAsync(TEvent domainEvent, CancellationToken cancellationToken);
}
