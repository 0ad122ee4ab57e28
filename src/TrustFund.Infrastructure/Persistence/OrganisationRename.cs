namespace TrustFund.Infrastructure.Persistence;

/// <summary>An organisation's legal name changed by a save.</summary>
internal sealed record OrganisationRename(Guid OrganisationId, string OldName, string NewName);
