namespace TrustFund.Application.Common;

/// <summary>How a use case ended.</summary>
public enum OutcomeKind
{
    /// <summary>Carried out.</summary>
    Done,

    /// <summary>The record does not exist, or the person may not know it exists.</summary>
    NotFound,

    /// <summary>A rule or the input's shape refused it; nothing was saved.</summary>
    Refused,

    /// <summary>The record changed after the person opened it; nothing was saved.</summary>
    Stale,
}
