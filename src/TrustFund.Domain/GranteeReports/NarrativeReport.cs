namespace TrustFund.Domain.GranteeReports;

/// <summary>
/// The narrative part of a report. Safety incidents are described without identities: the fund
/// never needs to know who a victim is (the text is screened for personal data).
/// </summary>
public sealed record NarrativeReport(string ResultsAgainstPlan, string Challenges, string SafetyIncidents, string Lessons)
{
    public static NarrativeReport Empty { get; } = new(string.Empty, string.Empty, string.Empty, string.Empty);
}
