using TrustFund.Domain.Common;

namespace TrustFund.Domain.Calls.Events;

/// <summary>The Secretariat answered a clarification question; <see cref="AmendedPublishedAnswer"/> when it replaced a published answer.</summary>
public sealed record ClarificationAnswered(Guid QuestionId, Guid CallId, bool AmendedPublishedAnswer) : IDomainEvent;
