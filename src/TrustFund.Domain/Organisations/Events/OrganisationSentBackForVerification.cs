using TrustFund.Domain.Common;

namespace TrustFund.Domain.Organisations.Events;

/// <summary>A verified organisation changed its legal name or country of registration and waits to be verified again.</summary>
public sealed record OrganisationSentBackForVerification(Guid OrganisationId, string PreviousName, string NewName, string PreviousCountry, string NewCountry) : IDomainEvent;
