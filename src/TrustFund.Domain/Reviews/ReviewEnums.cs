namespace TrustFund.Domain.Reviews;

/// <summary>Where an assignment stands. Pending: the reviewer has not yet declared whether they have a conflict.</summary>
public enum AssignmentStatus
{
    /// <summary>Assigned; the reviewer sees only title, organisation and country until they declare.</summary>
    Pending,

    /// <summary>No conflict declared; the review is being written (possibly still empty).</summary>
    Draft,

    /// <summary>The review is submitted and locked (a fund manager may reopen it with a reason).</summary>
    Submitted,

    /// <summary>The reviewer declared a conflict and stepped aside.</summary>
    Recused,

    /// <summary>A fund manager took the assignment back before the review was submitted.</summary>
    Removed,
}

/// <summary>The kind of a conflict of interest a reviewer declares.</summary>
public enum ConflictType
{
    Organisational,
    Financial,
    Personal,
    Other,
}

/// <summary>A reviewer's overall recommendation.</summary>
public enum Recommendation
{
    Fund,
    Reserve,
    Reject,
}

/// <summary>Which score orders a call's ranking.</summary>
public enum RankingBasis
{
    /// <summary>The mean of the reviews' weighted scores as given.</summary>
    Raw,

    /// <summary>The mean after each reviewer's scores are normalised within the call.</summary>
    Normalised,
}
