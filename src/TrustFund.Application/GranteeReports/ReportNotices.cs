using Microsoft.EntityFrameworkCore;
using TrustFund.Application.Accounts;
using TrustFund.Application.Common;
using TrustFund.Application.Email;

namespace TrustFund.Application.GranteeReports;

/// <summary>What the report events' handlers need to know of the grant, and who they write to.</summary>
internal static class ReportNotices
{
    public static async Task<(string Number, Guid OrganisationId, string OrganisationName)> GrantAsync(ITrustFundDb db, Guid grantId, CancellationToken cancellationToken)
    {
        var grant = db.Grants.Local.FirstOrDefault(g => g.Id == grantId) is { } local
            ? new { local.Number, local.OrganisationId }
            : await db.Grants.AsNoTracking().Where(g => g.Id == grantId).Select(g => new { g.Number, g.OrganisationId }).SingleAsync(cancellationToken);
        var organisation = await db.Organisations.AsNoTracking().Where(o => o.Id == grant.OrganisationId).Select(o => o.LegalName).SingleOrDefaultAsync(cancellationToken);
        return (grant.Number, grant.OrganisationId, organisation ?? string.Empty);
    }

    /// <summary>Every active fund manager with an email address (grants have no managers of their own).</summary>
    public static async Task<IReadOnlyList<EmailRecipient>> FundManagersAsync(ITrustFundDb db, CancellationToken cancellationToken)
    {
        var managers = await db.Users.AsNoTracking()
            .Where(u => u.IsActive && u.Email != null)
            .Where(u => db.UserRoles.Any(ur => ur.UserId == u.Id && db.Roles.Any(r => r.Id == ur.RoleId && r.Name == Roles.FundManager)))
            .OrderBy(u => u.Email)
            .Select(u => new { u.Email, u.DisplayName, u.PreferredCulture })
            .ToListAsync(cancellationToken);
        return [.. managers.Select(m => new EmailRecipient(m.Email!, string.IsNullOrWhiteSpace(m.DisplayName) ? m.Email! : m.DisplayName, m.PreferredCulture))];
    }
}
