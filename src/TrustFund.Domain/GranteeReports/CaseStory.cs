namespace TrustFund.Domain.GranteeReports;

/// <summary>
/// An optional anonymised case story. Given only with both attestations: the person consented to the
/// story being told, and it was de-identified (no name, place or detail that could identify them).
/// </summary>
public sealed record CaseStory(string Text, bool ConsentAttested, bool DeidentificationAttested);
