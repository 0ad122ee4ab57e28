namespace TrustFund.Domain.Applications;

/// <summary>Lifecycle of a grant application.</summary>
public enum ApplicationStatus
{
    Draft,
    Submitted,
    InformationRequested,
    Eligible,
    Ineligible,
    UnderReview,
    Reviewed,
    Approved,
    ReserveList,
    NotApproved,
    Withdrawn,
}
