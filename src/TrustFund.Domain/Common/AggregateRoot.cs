namespace TrustFund.Domain.Common;

/// <summary>
/// Base of every aggregate: a stable identifier and an optimistic-concurrency version that the
/// persistence layer renews on every save, so a stale edit is refused instead of silently winning.
/// </summary>
public abstract class AggregateRoot
{
    /// <summary>Identity of the aggregate.</summary>
    public Guid Id { get; protected set; } = Guid.NewGuid();

    /// <summary>Concurrency token, renewed by the persistence layer on every save.</summary>
    public Guid Version { get; private set; } = Guid.NewGuid();

    /// <summary>Gives the aggregate a new version; called by the persistence layer when it saves a change.</summary>
    public void RenewVersion() => Version = Guid.NewGuid();
}
