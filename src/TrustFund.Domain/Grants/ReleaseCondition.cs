using TrustFund.Domain.Common;

namespace TrustFund.Domain.Grants;

/// <summary>What must be true before an instalment's release can be requested.</summary>
public enum ReleaseConditionKind
{
    AgreementSigned,
    BankDetailsVerified,
    InterimReportAccepted,
    FinalReportAccepted,

    /// <summary>A condition written by the fund manager (for example "Audit report received").</summary>
    Manual,
}

/// <summary>
/// One release condition of an instalment. <see cref="Text"/> is the wording of a manual condition
/// and empty for the others.
/// </summary>
public sealed record ReleaseCondition(ReleaseConditionKind Kind, string Text)
{
    public const int TextMaxLength = 300;

    public static ReleaseCondition AgreementSigned { get; } = new(ReleaseConditionKind.AgreementSigned, string.Empty);

    public static ReleaseCondition BankDetailsVerified { get; } = new(ReleaseConditionKind.BankDetailsVerified, string.Empty);

    public static ReleaseCondition InterimReportAccepted { get; } = new(ReleaseConditionKind.InterimReportAccepted, string.Empty);

    public static ReleaseCondition FinalReportAccepted { get; } = new(ReleaseConditionKind.FinalReportAccepted, string.Empty);

    /// <summary>A written condition; its wording is required.</summary>
    public static ReleaseCondition Manual(string text)
    {
        var trimmed = (text ?? string.Empty).Trim();
        if (trimmed.Length == 0 || trimmed.Length > TextMaxLength)
        {
            throw new RulesViolatedException([new RuleViolation("Conditions", new LocalText("Write the manual condition in 1 to {0} characters.", TextMaxLength))]);
        }

        return new ReleaseCondition(ReleaseConditionKind.Manual, trimmed);
    }

    /// <summary>Whether the release of a grant may skip this condition with a written justification.</summary>
    /// <remarks>
    /// An unsigned agreement or unverified bank details are never overridden: money sent without them
    /// cannot be recovered, whereas a late report can still be chased.
    /// </remarks>
    public bool CanBeOverridden => Kind is not (ReleaseConditionKind.AgreementSigned or ReleaseConditionKind.BankDetailsVerified);

    /// <summary>The condition in words, translatable (a manual condition is the fund's own text, quoted).</summary>
    public LocalText InWords() => Kind == ReleaseConditionKind.Manual ? new LocalText("\"{0}\"", Text) : new LocalText(Describe());

    /// <summary>The condition in words, for checklists: "the interim report is accepted".</summary>
    public string Describe() => Kind switch
    {
        ReleaseConditionKind.AgreementSigned => "the agreement is signed by both parties",
        ReleaseConditionKind.BankDetailsVerified => "the organisation's bank details are verified",
        ReleaseConditionKind.InterimReportAccepted => "the interim report is accepted",
        ReleaseConditionKind.FinalReportAccepted => "the final report is accepted",
        ReleaseConditionKind.Manual => $"\"{Text}\"",
    };
}
