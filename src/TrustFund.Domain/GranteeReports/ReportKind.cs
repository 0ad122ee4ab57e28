namespace TrustFund.Domain.GranteeReports;

/// <summary>Which report of a grant: an interim one during the project, or the final one after it ends.</summary>
public enum ReportKind
{
    Interim,
    Final,
}
