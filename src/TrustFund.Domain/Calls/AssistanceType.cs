namespace TrustFund.Domain.Calls;

/// <summary>Kinds of aid to victims, grouped under the mandate's three headings (see <see cref="AssistanceTypes"/>).</summary>
public enum AssistanceType
{
    ShelterAndSafeAccommodation,
    FoodAndMaterialAid,
    MedicalCare,
    PsychosocialSupport,
    FamilyTracingAndReunification,
    RepatriationAndReturn,
    RescueAndEmergencyRemoval,
    LegalAidAndRepresentation,
    AccessToJustice,
    IdentificationAndReferral,
    LivelihoodAndEconomicEmpowerment,
    VocationalTraining,
    Education,
    CashOrInKindSupport,
    SocialReintegration,
}
