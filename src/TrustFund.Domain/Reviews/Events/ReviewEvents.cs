using TrustFund.Domain.Common;

namespace TrustFund.Domain.Reviews.Events;

/// <summary>A reviewer was assigned to an application.</summary>
public sealed record ReviewerAssigned(Guid AssignmentId, Guid CallId, Guid ApplicationId, Guid ReviewerId, DateOnly DueOn) : IDomainEvent;

/// <summary>A reviewer declared a conflict of interest and stepped aside.</summary>
public sealed record ConflictDeclared(Guid AssignmentId, Guid CallId, Guid ApplicationId, Guid OrganisationId, Guid ReviewerId, string ReviewerName, ConflictType Type, string Note) : IDomainEvent;

/// <summary>A reviewer submitted their review.</summary>
public sealed record ReviewSubmitted(Guid AssignmentId, Guid CallId, Guid ApplicationId, Guid ReviewerId, decimal WeightedScore) : IDomainEvent;

/// <summary>A fund manager reopened a submitted review, with a reason.</summary>
public sealed record ReviewReopened(Guid AssignmentId, Guid CallId, Guid ApplicationId, Guid ReviewerId, string Reason) : IDomainEvent;

/// <summary>A fund manager took back an assignment whose review was not submitted.</summary>
public sealed record AssignmentRemoved(Guid AssignmentId, Guid CallId, Guid ApplicationId, Guid ReviewerId) : IDomainEvent;
