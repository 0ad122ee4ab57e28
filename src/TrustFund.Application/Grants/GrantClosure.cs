using Microsoft.EntityFrameworkCore;
using TrustFund.Application.Common;
using TrustFund.Domain.Common;
using TrustFund.Domain.GranteeReports;

namespace TrustFund.Application.Grants;

/// <summary>
/// What closing a grant depends on beyond the grant itself: whether its final reports are accepted,
/// and the unspent balance the accepted final financial report shows (funds received less spent),
/// which must be refunded or written off before the grant closes.
/// </summary>
public sealed record ClosureFacts(int FinalReports, int FinalReportsAccepted, Money UnspentBalance)
{
    public bool FinalReportsAreAccepted => FinalReports > 0 && FinalReportsAccepted == FinalReports;

    public static async Task<ClosureFacts> ReadAsync(ITrustFundDb db, Guid grantId, CancellationToken cancellationToken)
    {
        var finals = await db.GranteeReports.AsNoTracking()
            .Include(r => r.Submissions)
            .Where(r => r.GrantId == grantId && r.Kind == ReportKind.Final)
            .ToListAsync(cancellationToken);
        var accepted = finals.Where(r => r.IsAccepted).ToList();
        var unspent = accepted.Sum(r => Math.Max(0m, r.LatestSubmission?.Content.Financial.Balance ?? 0m));
        return new ClosureFacts(finals.Count, accepted.Count, Money.FromStored(unspent));
    }
}
