namespace TrustFund.Domain.Decisions;

/// <summary>Where an application stands after the Board's decisions so far (its latest decision, or none).</summary>
public enum DecisionStanding
{
    Undecided,
    Approved,
    ReserveList,
    NotApproved,
    Deferred,
}
