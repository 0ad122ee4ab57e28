namespace TrustFund.Domain.Common;

/// <summary>
/// Base of every aggregate: a stable identifier, an optimistic-concurrency version that the
/// persistence layer renews on every save (so a stale edit is refused instead of silently winning),
/// and the domain events raised since the last save.
/// </summary>
public abstract class AggregateRoot
{
    private List<IDomainEvent>? _events;

    /// <summary>Identity of the aggregate.</summary>
    public Guid Id { get; protected set; } = Guid.NewGuid();

    /// <summary>Concurrency token, renewed by the persistence layer on every save.</summary>
    public Guid Version { get; private set; } = Guid.NewGuid();

    /// <summary>Gives the aggregate a new version; called by the persistence layer when it saves a change.</summary>
    public void RenewVersion() => Version = Guid.NewGuid();

    /// <summary>The events raised and not yet dispatched, oldest first.</summary>
    public IReadOnlyList<IDomainEvent> PendingEvents() => _events is null ? [] : [.. _events];

    /// <summary>Hands over the events raised so far (for dispatch) and forgets them.</summary>
    public IReadOnlyList<IDomainEvent> TakeEvents()
    {
        var events = PendingEvents();
        _events?.Clear();
        return events;
    }

    /// <summary>Records that something happened, for dispatch with the next save.</summary>
    protected void Raise(IDomainEvent domainEvent) => (_events ??= []).Add(domainEvent);
}
