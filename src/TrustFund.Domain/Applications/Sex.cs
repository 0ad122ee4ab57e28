namespace TrustFund.Domain.Applications;

/// <summary>Sex categories of aggregated beneficiary counts (never individuals).</summary>
public enum Sex
{
    Female,
    Male,
    NonBinaryOrOther,
    Unknown,
}
