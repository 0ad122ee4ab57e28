namespace TrustFund.Domain.Grants;

/// <summary>What an amendment to a grant agreement changes.</summary>
public enum AmendmentKind
{
    /// <summary>A later end date, same money.</summary>
    NoCostExtension,

    /// <summary>New budget lines; the total stays the same unless an increase is approved.</summary>
    BudgetRevision,
}

/// <summary>Where an amendment stands: Pending -> Approved | Refused.</summary>
public enum AmendmentStatus
{
    Pending,
    Approved,
    Refused,
}

/// <summary>Which party asked for an amendment.</summary>
public enum RequestingSide
{
    /// <summary>The organisation holding the grant.</summary>
    Grantee,

    /// <summary>The fund's Secretariat.</summary>
    FundManager,
}
