using TrustFund.Domain.Common;

namespace TrustFund.Domain.Grants.Events;

/// <summary>A concern was recorded against an organisation (its note stays out of the event).</summary>
public sealed record ConcernOpened(Guid ConcernId, Guid OrganisationId, ConcernCategory Category, DateOnly OpenedOn) : IDomainEvent;

/// <summary>A concern was closed with a written outcome.</summary>
public sealed record ConcernClosed(Guid ConcernId, Guid OrganisationId, ConcernCategory Category) : IDomainEvent;
