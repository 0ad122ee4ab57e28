using TrustFund.Domain.Common;

namespace TrustFund.Domain.Calls.Events;

/// <summary>A call without applications was deleted.</summary>
public sealed record CallDeleted(Guid CallId, string Code, string Title) : IDomainEvent;
