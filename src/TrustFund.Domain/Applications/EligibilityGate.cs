namespace TrustFund.Domain.Applications;

/// <summary>The pass/fail gates of eligibility screening, in the order they are checked.</summary>
public enum EligibilityGate
{
    OnTime,
    AmountWithinLimits,
    DurationWithinLimits,
    RegisteredBeforeCutoff,
    Experience,
    DocumentsComplete,
    UnppPartnerId,
    OrganisationVerified,
    AllowedLanguage,
    NonProfit,
    RegisteredInImplementingCountry,
    BankAccountInOwnName,
    NotIntermediary,
    DirectAssistanceToVictims,
}
