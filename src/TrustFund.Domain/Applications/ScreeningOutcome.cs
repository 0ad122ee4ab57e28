namespace TrustFund.Domain.Applications;

/// <summary>What eligibility screening concluded.</summary>
public enum ScreeningOutcome
{
    Eligible,
    Ineligible,
}
