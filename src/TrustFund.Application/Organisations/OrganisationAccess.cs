namespace TrustFund.Application.Organisations;

/// <summary>An organisation as record-level authorization sees it (<see cref="OrganisationAccessHandler"/>).</summary>
public sealed record OrganisationAccess(Guid OrganisationId);
