using TrustFund.Domain.Common;

namespace TrustFund.Domain.Calls.Events;

/// <summary>A call was opened to applicants.</summary>
public sealed record CallPublished(Guid CallId, string Code) : IDomainEvent;
