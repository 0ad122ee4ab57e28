using TrustFund.Domain.Applications;
using TrustFund.Domain.Calls;

namespace TrustFund.Domain.GranteeReports;

/// <summary>The categories of victims' counts in plain words, for messages.</summary>
public static class Words
{
    /// <summary>"female", "non-binary or other", "unknown sex".</summary>
    public static string Of(Sex sex) => sex switch
    {
        Sex.Female => "female",
        Sex.Male => "male",
        Sex.NonBinaryOrOther => "non-binary or other",
        Sex.Unknown => "unknown sex",
    };

    /// <summary>"0-11" to "60+".</summary>
    public static string Of(AgeBand ageBand) => ageBand switch
    {
        AgeBand.Age0To11 => "0-11",
        AgeBand.Age12To17 => "12-17",
        AgeBand.Age18To24 => "18-24",
        AgeBand.Age25To59 => "25-59",
        AgeBand.Age60Plus => "60+",
    };

    /// <summary>"forced or child marriage".</summary>
    public static string Of(ExploitationForm form) => form switch
    {
        ExploitationForm.SexualExploitation => "sexual exploitation",
        ExploitationForm.ForcedLabour => "forced labour",
        ExploitationForm.DomesticServitude => "domestic servitude",
        ExploitationForm.ForcedCriminality => "forced criminality",
        ExploitationForm.ForcedBegging => "forced begging",
        ExploitationForm.ForcedOrChildMarriage => "forced or child marriage",
        ExploitationForm.RemovalOfOrgans => "removal of organs",
        ExploitationForm.ChildTraffickingInSport => "child trafficking in sport",
        ExploitationForm.ProductionOfAbusiveMaterial => "production of abusive material",
        ExploitationForm.Other => "other forms of exploitation",
    };

    /// <summary>"shelter and safe accommodation".</summary>
    public static string Of(AssistanceType type) => type switch
    {
        AssistanceType.ShelterAndSafeAccommodation => "shelter and safe accommodation",
        AssistanceType.FoodAndMaterialAid => "food and material aid",
        AssistanceType.MedicalCare => "medical care",
        AssistanceType.PsychosocialSupport => "psychosocial support",
        AssistanceType.FamilyTracingAndReunification => "family tracing and reunification",
        AssistanceType.RepatriationAndReturn => "repatriation and return",
        AssistanceType.RescueAndEmergencyRemoval => "rescue and emergency removal",
        AssistanceType.LegalAidAndRepresentation => "legal aid and representation",
        AssistanceType.AccessToJustice => "access to justice",
        AssistanceType.IdentificationAndReferral => "identification and referral",
        AssistanceType.LivelihoodAndEconomicEmpowerment => "livelihood and economic empowerment",
        AssistanceType.VocationalTraining => "vocational training",
        AssistanceType.Education => "education",
        AssistanceType.CashOrInKindSupport => "cash or in-kind support",
        AssistanceType.SocialReintegration => "social reintegration",
    };
}
