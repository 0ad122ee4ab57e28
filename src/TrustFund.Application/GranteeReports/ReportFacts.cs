using Microsoft.EntityFrameworkCore;
using TrustFund.Application.Common;
using TrustFund.Domain.GranteeReports;
using TrustFund.Domain.Grants;

namespace TrustFund.Application.GranteeReports;

/// <summary>
/// The report facts other use cases read: the release facts of an instalment (for requesting its
/// release and for showing its conditions) and whether a grant's final reports are accepted (for
/// closing it). The rules are <see cref="ReportConditions"/>'s; this reads the grant's reports for them.
/// </summary>
public static class ReportFacts
{
    /// <summary>The release facts of <paramref name="instalmentId"/> of <paramref name="grant"/>, with the manual conditions a fund manager confirms as met.</summary>
    public static async Task<ReleaseFacts> ForReleaseAsync(ITrustFundDb db, Grant grant, Guid instalmentId, IReadOnlyCollection<string> manualConditionsMet, CancellationToken cancellationToken)
    {
        var reports = await ReportsAsync(db, grant.Id, cancellationToken);
        return ReportConditions.Facts(grant, instalmentId, reports, manualConditionsMet);
    }

    /// <summary>Whether the grant has a final report and all its final reports are accepted.</summary>
    public static async Task<bool> FinalReportsAcceptedAsync(ITrustFundDb db, Guid grantId, CancellationToken cancellationToken) =>
        ReportConditions.FinalReportsAccepted(grantId, await ReportsAsync(db, grantId, cancellationToken));

    /// <summary>The grant's reports, read once for showing the conditions of all its instalments; only their status matters, so their submissions are not loaded.</summary>
    public static async Task<List<GranteeReport>> ReportsAsync(ITrustFundDb db, Guid grantId, CancellationToken cancellationToken) =>
        await db.GranteeReports.AsNoTracking().IgnoreAutoIncludes().Where(r => r.GrantId == grantId).ToListAsync(cancellationToken);
}
