using TrustFund.Domain.Common;

namespace TrustFund.Domain.Calls.Events;

/// <summary>An organisation asked a clarification question about a call.</summary>
public sealed record ClarificationAsked(Guid QuestionId, Guid CallId, Guid OrganisationId) : IDomainEvent;
