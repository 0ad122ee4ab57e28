using Microsoft.EntityFrameworkCore;
using TrustFund.Application.Common;
using TrustFund.Domain.Common;
using TrustFund.Domain.Grants;

namespace TrustFund.Application.Payments;

/// <summary>The concerns blocking an organisation's payments, as the payment pages name them (category and date, never the note), translatable.</summary>
internal static class OpenConcerns
{
    public static async Task<IReadOnlyList<LocalText>> DescribeAsync(ITrustFundDb db, Guid organisationId, CancellationToken cancellationToken)
    {
        var open = await db.SafeguardingConcerns.AsNoTracking()
            .Where(c => c.OrganisationId == organisationId && c.Status == ConcernStatus.Open)
            .OrderBy(c => c.OpenedOn)
            .ToListAsync(cancellationToken);
        return [.. open.Select(c => c.Text())];
    }
}
