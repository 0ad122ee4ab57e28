namespace TrustFund.Domain.Grants;

/// <summary>The kind of concern recorded against an organisation.</summary>
public enum ConcernCategory
{
    Safeguarding,
    Misconduct,
    Fraud,
    Other,
}

/// <summary>Where a concern stands: Open -> Closed (with a written outcome).</summary>
public enum ConcernStatus
{
    Open,
    Closed,
}
