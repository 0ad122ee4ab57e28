using TrustFund.Domain.Common;

namespace TrustFund.Domain.Applications.Events;

/// <summary>An application was submitted (or resubmitted after a request for information) as version <see cref="VersionNumber"/>.</summary>
public sealed record ApplicationSubmitted(Guid ApplicationId, Guid CallId, Guid OrganisationId, string Reference, int VersionNumber, bool Resubmission, string SubmittedBy) : IDomainEvent;
