using TrustFund.Domain.Common;

namespace TrustFund.Domain.Calls.Events;

/// <summary>A call stopped accepting submissions.</summary>
public sealed record CallClosed(Guid CallId, string Code) : IDomainEvent;
