namespace TrustFund.Domain.GranteeReports;

/// <summary>Lifecycle of a grantee report. Overdue is not a status: it is derived from the due date.</summary>
public enum ReportStatus
{
    Due,
    Submitted,
    RevisionRequested,
    Accepted,
}
