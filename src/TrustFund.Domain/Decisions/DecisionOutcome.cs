namespace TrustFund.Domain.Decisions;

/// <summary>What the Board of Trustees decided on one ranked application at a session.</summary>
public enum DecisionOutcome
{
    /// <summary>Funded, for an amount at most the request, possibly with conditions.</summary>
    Approved,

    /// <summary>Good but unfunded for now: may be approved at a later session while funds remain.</summary>
    ReserveList,

    /// <summary>Not funded; final.</summary>
    NotApproved,

    /// <summary>The Board will decide at a later session.</summary>
    Deferred,
}
