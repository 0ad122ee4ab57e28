using TrustFund.Domain.Calls;

namespace TrustFund.Application.Calls;

/// <summary>The plain names of a call's terms, as amendments list them.</summary>
public static class CallTermNames
{
    public static string Of(string term) => term switch
    {
        nameof(CallTerms.Title) => "Title",
        nameof(CallTerms.WindowType) => "Type of window",
        nameof(CallTerms.Description) => "Description",
        nameof(CallTerms.OpensAtUtc) => "Opening date",
        nameof(CallTerms.ClosesAtUtc) => "Closing date",
        nameof(CallTerms.TimeZoneId) => "Time zone",
        nameof(CallTerms.ClarificationDeadlineUtc) => "Deadline for clarification questions",
        nameof(CallTerms.AnswersPublishedOn) => "Date answers are published",
        nameof(CallTerms.MinimumAmount) => "Minimum amount (USD)",
        nameof(CallTerms.MaximumAmount) => "Maximum amount (USD)",
        nameof(CallTerms.MaximumDurationMonths) => "Maximum duration (months)",
        nameof(CallTerms.Envelope) => "Total envelope (USD)",
        nameof(CallTerms.EligibleAreas) => "Eligible regions and countries",
        nameof(CallTerms.PriorityForms) => "Priority forms of exploitation",
        nameof(CallTerms.AllowedAssistance) => "Assistance funded",
        nameof(CallTerms.RegistrationCutoff) => "Registration cut-off date",
        nameof(CallTerms.MinimumYearsOfExperience) => "Minimum years of experience",
        nameof(CallTerms.AcceptedLanguages) => "Languages accepted",
        nameof(CallTerms.RequiredDocuments) => "Required documents",
        nameof(CallTerms.ReviewersPerApplication) => "Reviewers per application",
        nameof(CallTerms.ScoreScaleMaximum) => "Top of the scoring scale",
        nameof(CallTerms.ReviewDays) => "Days to review",
        nameof(CallTerms.DisagreementThreshold) => "Disagreement threshold (points)",
        nameof(CallTerms.MinimumScore) => "Minimum score",
        nameof(CallTerms.ReviewersSeeOtherReviews) => "Reviewers see other reviews after submitting",
        nameof(CallTerms.RankBy) => "Ranking by",
        nameof(CallTerms.TrancheTemplate) => "Instalments (percentages)",
        nameof(CallTerms.Rubric) => "Rubric",
        nameof(CallTerms.AllowsSeveralApplicationsPerOrganisation) => "Several applications per organisation",
        _ => term,
    };
}
