namespace TrustFund.Domain.GranteeReports;

/// <summary>A fund manager's review of a submitted version of a report.</summary>
public enum ReportReviewOutcome
{
    Accepted,
    RevisionRequested,
}
