using TrustFund.Application.GranteeReports;
using TrustFund.Domain.GranteeReports;

namespace TrustFund.Web.Features.GranteeReports;

/// <summary>The schedule of a grant's reports.</summary>
public sealed record SchedulePage(GrantReportsView View);

/// <summary>
/// One report: the grantee's form (while it is due or sent back), or the submitted version read-only
/// with the fund manager's review forms. <see cref="Findings"/>: what the personal-data screening
/// flags in the form as typed (after a check or a refused submission).
/// </summary>
public sealed record ReportPage(ReportView View, ReportInput Input, IReadOnlyList<PersonalDataFinding> Findings, RevisionInput Revision)
{
    public string Action => $"/Grants/{View.Grant.Id:D}/Reports/{View.ReportId:D}";

    /// <summary>The findings in one field of the form (its model key).</summary>
    public IEnumerable<PersonalDataFinding> FindingsIn(string key) => Findings.Where(f => Input.FieldOf(f.Field) == key);
}

/// <summary>One submitted version, read-only.</summary>
public sealed record VersionPage(ReportView View);

/// <summary>The reports needing attention: the fund managers' queue, or the grantee's own reports.</summary>
public sealed record QueuePage(ReportQueue Queue);
