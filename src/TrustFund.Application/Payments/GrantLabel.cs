using Microsoft.EntityFrameworkCore;
using TrustFund.Application.Common;

namespace TrustFund.Application.Payments;

/// <summary>How audit entries and emails name a grant: its number, read from the unit of work when the grant is in it.</summary>
internal static class GrantLabel
{
    public static async Task<(string Number, Guid OrganisationId)> OfAsync(ITrustFundDb db, Guid grantId, CancellationToken cancellationToken)
    {
        if (db.Grants.Local.FirstOrDefault(g => g.Id == grantId) is { } tracked)
        {
            return (tracked.Number, tracked.OrganisationId);
        }

        var stored = await db.Grants.AsNoTracking().Where(g => g.Id == grantId).Select(g => new { g.Number, g.OrganisationId }).SingleAsync(cancellationToken);
        return (stored.Number, stored.OrganisationId);
    }
}
