using TrustFund.Domain.Applications;

namespace TrustFund.Application.Documents;

/// <summary>What an application's status says of its screening (some are screened without a recorded screening, by <c>RecordEligibility</c>).</summary>
internal static class ScreeningOutcomes
{
    /// <summary>Eligible or ineligible once screened; null while awaiting screening, or for a draft or a withdrawn application.</summary>
    public static ScreeningOutcome? Of(ApplicationStatus status) => status switch
    {
        ApplicationStatus.Ineligible => ScreeningOutcome.Ineligible,
        ApplicationStatus.Eligible or ApplicationStatus.UnderReview or ApplicationStatus.Reviewed
            or ApplicationStatus.Approved or ApplicationStatus.ReserveList or ApplicationStatus.NotApproved => ScreeningOutcome.Eligible,
        _ => null,
    };
}
