using TrustFund.Application.Applications;
using TrustFund.Domain.Calls;

namespace TrustFund.Application.Calls;

/// <summary>English labels of the call enumerations, the one source of these names: pages pass them through the localizer, and emails (see <see cref="CallTermValues"/>) through the catalogue of the recipient's language.</summary>
public static class CallLabels
{
    public static string Of(WindowType value) => value switch
    {
        WindowType.ShortTerm => "Short-term or emergency",
        WindowType.MediumTerm => "Medium-term",
        WindowType.SpecialWindow => "Special window",
        _ => value.ToString(),
    };

    public static string Of(CallStatus value) => value switch
    {
        CallStatus.Draft => "Draft",
        CallStatus.Published => "Published",
        CallStatus.Closed => "Closed",
        CallStatus.Decided => "Decided",
        CallStatus.Archived => "Archived",
        _ => value.ToString(),
    };

    public static string Of(ExploitationForm value) => value switch
    {
        ExploitationForm.SexualExploitation => "Sexual exploitation",
        ExploitationForm.ForcedLabour => "Forced labour",
        ExploitationForm.DomesticServitude => "Domestic servitude",
        ExploitationForm.ForcedCriminality => "Forced criminality (including online scam centres)",
        ExploitationForm.ForcedBegging => "Forced begging",
        ExploitationForm.ForcedOrChildMarriage => "Forced or child marriage",
        ExploitationForm.RemovalOfOrgans => "Removal of organs",
        ExploitationForm.ChildTraffickingInSport => "Child trafficking in sport",
        ExploitationForm.ProductionOfAbusiveMaterial => "Production of abusive material",
        ExploitationForm.Other => "Other forms",
        _ => value.ToString(),
    };

    public static string Of(AssistanceType value) => value switch
    {
        AssistanceType.ShelterAndSafeAccommodation => "Shelter and safe accommodation",
        AssistanceType.FoodAndMaterialAid => "Food and material aid",
        AssistanceType.MedicalCare => "Medical care",
        AssistanceType.PsychosocialSupport => "Psychosocial support",
        AssistanceType.FamilyTracingAndReunification => "Family tracing and reunification",
        AssistanceType.RepatriationAndReturn => "Repatriation and return",
        AssistanceType.RescueAndEmergencyRemoval => "Rescue and emergency removal",
        AssistanceType.LegalAidAndRepresentation => "Legal aid and representation",
        AssistanceType.AccessToJustice => "Access to justice",
        AssistanceType.IdentificationAndReferral => "Identification and referral",
        AssistanceType.LivelihoodAndEconomicEmpowerment => "Livelihood and economic empowerment",
        AssistanceType.VocationalTraining => "Vocational training",
        AssistanceType.Education => "Education",
        AssistanceType.CashOrInKindSupport => "Cash or in-kind support",
        AssistanceType.SocialReintegration => "Social reintegration",
        _ => value.ToString(),
    };

    public static string Of(AssistanceHeading value) => value switch
    {
        AssistanceHeading.Humanitarian => "Humanitarian assistance",
        AssistanceHeading.Legal => "Legal assistance",
        AssistanceHeading.Financial => "Financial assistance",
        _ => value.ToString(),
    };

    public static string Of(ProposalLanguage value) => value switch
    {
        ProposalLanguage.English => "English",
        ProposalLanguage.French => "French",
        ProposalLanguage.Spanish => "Spanish",
        ProposalLanguage.Arabic => "Arabic",
        ProposalLanguage.Chinese => "Chinese",
        ProposalLanguage.Russian => "Russian",
        _ => value.ToString(),
    };

    /// <summary>A document the call requires: its name as everywhere else, except that a call asks for two reference letters.</summary>
    public static string Of(DocumentType value) =>
        value == DocumentType.ReferenceLetter ? "Two reference letters" : DocumentTypeNames.Of(value);
}
