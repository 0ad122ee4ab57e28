using TrustFund.Domain.Common;

namespace TrustFund.Domain.Calls.Events;

/// <summary>An answer was made public on the call's page.</summary>
public sealed record ClarificationPublished(Guid QuestionId, Guid CallId) : IDomainEvent;
