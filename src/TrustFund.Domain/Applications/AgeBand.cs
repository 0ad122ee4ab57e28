namespace TrustFund.Domain.Applications;

/// <summary>Age bands of aggregated beneficiary counts.</summary>
public enum AgeBand
{
    Age0To11,
    Age12To17,
    Age18To24,
    Age25To59,
    Age60Plus,
}
