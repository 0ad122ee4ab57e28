using TrustFund.Domain.Common;

namespace TrustFund.Domain.Reviews;

/// <summary>What a reviewer shares with a board member or senior officer of an organisation.</summary>
public enum OfficerMatchKind
{
    /// <summary>The same email address (ignoring case).</summary>
    SameEmail,

    /// <summary>The same name (ignoring case, accents, punctuation and word order).</summary>
    SameName,

    /// <summary>Both the same name and the same email address.</summary>
    SameNameAndEmail,
}

/// <summary>
/// A board member or senior officer a reviewer matches: the officer's name and position as the
/// organisation typed them (the position null when none was given), and what matched. Kept as such on
/// a ruling, and worded in the reader's language only when shown.
/// </summary>
public sealed record OfficerMatch(string Name, string? Position, OfficerMatchKind Kind)
{
    /// <summary>The matches one after the other, separated by semicolons: "Mei Lin (Board member): same email; Awa Ndiaye: same name".</summary>
    public static LocalText Describe(IEnumerable<OfficerMatch> matches)
    {
        ArgumentNullException.ThrowIfNull(matches);
        return LocalText.List(matches.Select(m => m.Describe()), "; ");
    }

    /// <summary>The match as a translatable text, the name and position as typed: "Mei Lin (Board member): same email".</summary>
    public LocalText Describe() => (Kind, string.IsNullOrWhiteSpace(Position)) switch
    {
        (OfficerMatchKind.SameEmail, false) => new LocalText("{0} ({1}): same email", Name, Position),
        (OfficerMatchKind.SameName, false) => new LocalText("{0} ({1}): same name", Name, Position),
        (OfficerMatchKind.SameNameAndEmail, false) => new LocalText("{0} ({1}): same name and email", Name, Position),
        (OfficerMatchKind.SameEmail, true) => new LocalText("{0}: same email", Name),
        (OfficerMatchKind.SameName, true) => new LocalText("{0}: same name", Name),
        _ => new LocalText("{0}: same name and email", Name),
    };

    /// <summary>The match in English, for the audit trail and logs.</summary>
    public override string ToString() => Describe().ToString();
}
