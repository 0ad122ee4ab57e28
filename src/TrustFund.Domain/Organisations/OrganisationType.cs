namespace TrustFund.Domain.Organisations;

/// <summary>Kinds of applicant organisation.</summary>
public enum OrganisationType
{
    Ngo,
    CommunityBased,
    FaithBased,
    SurvivorLed,
    WomenLed,
}
