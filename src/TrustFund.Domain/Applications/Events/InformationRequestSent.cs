using TrustFund.Domain.Common;

namespace TrustFund.Domain.Applications.Events;

/// <summary>The Secretariat asked the organisation for more information, to be given by <see cref="RespondByUtc"/>.</summary>
public sealed record InformationRequestSent(Guid ApplicationId, Guid OrganisationId, string Message, DateTime RespondByUtc) : IDomainEvent;
