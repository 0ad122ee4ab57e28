namespace TrustFund.Domain.Calls;

/// <summary>Where each assistance type sits under the mandate.</summary>
public static class AssistanceTypes
{
    public static AssistanceHeading HeadingOf(AssistanceType type) => type switch
    {
        AssistanceType.ShelterAndSafeAccommodation or AssistanceType.FoodAndMaterialAid or AssistanceType.MedicalCare
            or AssistanceType.PsychosocialSupport or AssistanceType.FamilyTracingAndReunification
            or AssistanceType.RepatriationAndReturn or AssistanceType.RescueAndEmergencyRemoval => AssistanceHeading.Humanitarian,
        AssistanceType.LegalAidAndRepresentation or AssistanceType.AccessToJustice or AssistanceType.IdentificationAndReferral => AssistanceHeading.Legal,
        AssistanceType.LivelihoodAndEconomicEmpowerment or AssistanceType.VocationalTraining or AssistanceType.Education
            or AssistanceType.CashOrInKindSupport or AssistanceType.SocialReintegration => AssistanceHeading.Financial,
    };
}
