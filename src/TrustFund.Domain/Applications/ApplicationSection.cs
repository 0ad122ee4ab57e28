namespace TrustFund.Domain.Applications;

/// <summary>The sections of the application form; the submission checklist links to them.</summary>
public enum ApplicationSection
{
    Project,
    Beneficiaries,
    Assistance,
    Budget,
    Documents,
    Declarations,
    Eligibility,
}
