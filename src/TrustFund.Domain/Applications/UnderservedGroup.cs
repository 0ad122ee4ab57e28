namespace TrustFund.Domain.Applications;

/// <summary>Groups often underserved by assistance.</summary>
public enum UnderservedGroup
{
    PersonsWithDisabilities,
    LgbtqiPersons,
    IndigenousPeoples,
    OlderPersons,
    EthnicMinorities,
}
