namespace TrustFund.Domain.Organisations;

/// <summary>Where an organisation stands in the Secretariat's verification.</summary>
public enum OrganisationStatus
{
    PendingVerification,
    Verified,
    Rejected,
    Suspended,
}
