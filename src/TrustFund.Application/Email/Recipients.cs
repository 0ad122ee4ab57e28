using Microsoft.EntityFrameworkCore;
using TrustFund.Application.Common;

namespace TrustFund.Application.Email;

/// <summary>Who receives the emails about a record.</summary>
public static class Recipients
{
    /// <summary>Every active member of an organisation with an email address.</summary>
    public static async Task<IReadOnlyList<EmailRecipient>> OfOrganisationAsync(ITrustFundDb db, Guid organisationId, CancellationToken cancellationToken)
    {
        var members = await db.Users.AsNoTracking()
            .Where(u => u.OrganisationId == organisationId && u.IsActive && u.Email != null)
            .OrderBy(u => u.Email)
            .Select(u => new { u.Email, u.DisplayName, u.PreferredCulture })
            .ToListAsync(cancellationToken);
        return [.. members.Select(m => new EmailRecipient(m.Email!, string.IsNullOrWhiteSpace(m.DisplayName) ? m.Email! : m.DisplayName, m.PreferredCulture))];
    }
}
