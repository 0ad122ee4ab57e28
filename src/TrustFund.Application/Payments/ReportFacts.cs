using Microsoft.EntityFrameworkCore;
using TrustFund.Application.Common;
using TrustFund.Domain.GranteeReports;
using TrustFund.Domain.Grants;

namespace TrustFund.Application.Payments;

/// <summary>
/// What the grantee's reports say for an instalment's conditions. The k-th instalment that needs an
/// interim report needs k interim reports accepted (with 40/40/20, the second instalment needs the
/// first interim report); the final report condition needs the final report accepted.
/// </summary>
internal static class ReportFacts
{
    /// <summary>The facts for <paramref name="instalment"/>, with the manual conditions the fund manager confirms as met.</summary>
    public static async Task<ReleaseFacts> ForAsync(ITrustFundDb db, Grant grant, Instalment instalment, IReadOnlyCollection<string> manualConditionsMet, CancellationToken cancellationToken)
    {
        var accepted = await AcceptedAsync(db, grant.Id, cancellationToken);
        return For(grant, instalment, accepted, manualConditionsMet);
    }

    /// <summary>The kinds of the grant's accepted reports, one per report.</summary>
    public static Task<List<ReportKind>> AcceptedAsync(ITrustFundDb db, Guid grantId, CancellationToken cancellationToken) =>
        db.GranteeReports.AsNoTracking()
            .Where(r => r.GrantId == grantId && r.Status == ReportStatus.Accepted)
            .Select(r => r.Kind)
            .ToListAsync(cancellationToken);

    /// <summary>The facts for <paramref name="instalment"/> given the grant's accepted reports.</summary>
    public static ReleaseFacts For(Grant grant, Instalment instalment, IReadOnlyCollection<ReportKind> accepted, IReadOnlyCollection<string> manualConditionsMet)
    {
        var interimNeeded = grant.Instalments.Count(i => i.Number <= instalment.Number && i.Conditions.Contains(ReleaseCondition.InterimReportAccepted));
        var interimAccepted = accepted.Count(k => k == ReportKind.Interim);
        return new ReleaseFacts(
            interimAccepted >= Math.Max(1, interimNeeded),
            accepted.Contains(ReportKind.Final),
            manualConditionsMet);
    }
}
