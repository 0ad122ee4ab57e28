using TrustFund.Application.Email;
using TrustFund.Domain.Grants;

namespace TrustFund.Application.Payments;

/// <summary>A release condition in words, as a localization key; a manual condition is its own text, in quotes.</summary>
public static class ConditionWords
{
    /// <summary>The English words of a kind of condition (null for a manual condition, which carries its own text).</summary>
    public static string? Of(ReleaseConditionKind kind) => kind switch
    {
        ReleaseConditionKind.AgreementSigned => "the agreement is signed by both parties",
        ReleaseConditionKind.BankDetailsVerified => "the organisation's bank details are verified",
        ReleaseConditionKind.InterimReportAccepted => "the interim report is accepted",
        ReleaseConditionKind.FinalReportAccepted => "the final report is accepted",
        _ => null,
    };

    /// <summary>The condition as an email writes it in its language.</summary>
    public static object Of(ReleaseCondition condition) =>
        Of(condition.Kind) is { } words ? new EmailText(words) : condition.Describe();
}
