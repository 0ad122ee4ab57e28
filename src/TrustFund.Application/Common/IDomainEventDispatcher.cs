using TrustFund.Domain.Common;

namespace TrustFund.Application.Common;

/// <summary>Hands domain events to their handlers; called by the unit of work before it saves.</summary>
public interface IDomainEventDispatcher
{
    Task DispatchAsync(IDomainEvent domainEvent, CancellationToken cancellationToken);
}
