namespace TrustFund.Application.Concerns;

/// <summary>The concerns against an organisation as record-level authorization sees them (<see cref="ConcernAccessHandler"/>).</summary>
public sealed record ConcernAccess(Guid OrganisationId);
