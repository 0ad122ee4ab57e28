namespace TrustFund.Domain.Calls;

/// <summary>Lifecycle of a call for proposals.</summary>
public enum CallStatus
{
    Draft,
    Published,
    Closed,
    Decided,
    Archived,
}
