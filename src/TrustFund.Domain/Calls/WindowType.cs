namespace TrustFund.Domain.Calls;

/// <summary>Kinds of funding window a call can open.</summary>
public enum WindowType
{
    /// <summary>Short-term or emergency grants (e.g. up to USD 20,000 for up to 9 months).</summary>
    ShortTerm,

    /// <summary>Medium-term grants (up to 24 months).</summary>
    MediumTerm,

    /// <summary>A special window restricted to some regions.</summary>
    SpecialWindow,
}
