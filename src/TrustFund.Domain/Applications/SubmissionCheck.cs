using TrustFund.Domain.Common;

namespace TrustFund.Domain.Applications;

/// <summary>One rule of submission, with the section and field it concerns and whether it is met.</summary>
public sealed record SubmissionCheck(ApplicationSection Section, string Field, LocalText Text, bool Passed)
{
    /// <summary>The rule in English.</summary>
    public string Message => Text.ToString();
}
