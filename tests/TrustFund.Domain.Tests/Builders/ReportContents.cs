using TrustFund.Domain.Applications;
using TrustFund.Domain.Calls;
using TrustFund.Domain.Common;
using TrustFund.Domain.GranteeReports;

namespace TrustFund.Domain.Tests.Builders;

/// <summary>Report contents that meet every rule, to change one thing at a time.</summary>
public static class ReportContents
{
    /// <summary>
    /// 30 persons: by sex and age 10 + 15 + 4 + 1; by nationality 20 Nigerian (566), 6 Ghanaian (288),
    /// 1 stateless, 3 unknown; 22 new and 8 continuing; assistance and forms each at most 30.
    /// </summary>
    public static VictimCounts ConsistentVictims() => new()
    {
        BySexAndAge =
        [
            new(Sex.Female, AgeBand.Age18To24, 10),
            new(Sex.Female, AgeBand.Age25To59, 15),
            new(Sex.Male, AgeBand.Age12To17, 4),
            new(Sex.Unknown, AgeBand.Age0To11, 1),
        ],
        ByExploitationForm =
        [
            new(ExploitationForm.SexualExploitation, 18),
            new(ExploitationForm.ForcedLabour, 12),
            new(ExploitationForm.DomesticServitude, 3),
        ],
        ByAssistanceType =
        [
            new(AssistanceType.ShelterAndSafeAccommodation, 20),
            new(AssistanceType.MedicalCare, 25),
            new(AssistanceType.LegalAidAndRepresentation, 30),
        ],
        ByNationality = [new("566", 20), new("288", 6)],
        Stateless = 1,
        NationalityUnknown = 3,
        UniquePersons = 30,
        NewPersons = 22,
        ContinuingPersons = 8,
    };

    /// <summary>Content that meets every rule and holds no personal data.</summary>
    public static ReportContent Valid() => new()
    {
        Narrative = new NarrativeReport(
            "The shelter housed 30 survivors against 25 planned; USD 12,500.00 went to rent.",
            "Referrals from labour inspectors were slow between 2026-03-15 and 30/04/2026.",
            "One attempted contact by a recruiter at the shelter; police informed, no one harmed.",
            "Early legal aid shortens shelter stays."),
        Financial = new FinancialReport([new FinancialLine("Shelter rent", Money.Usd(10_000m), Money.Usd(9_500m))], Money.Usd(12_000m)),
        Victims = ConsistentVictims(),
    };
}
