using Microsoft.EntityFrameworkCore;
using TrustFund.Application.Email;
using TrustFund.Infrastructure.Persistence;

namespace TrustFund.Web.Features.Organisations;

/// <summary>Emails to all of an organisation's active members and the last change of a record, for the application pages that still read the database directly.</summary>
public static class OrganisationMembers
{
    /// <summary>Queues the same email to every active member of the organisation (written with the next save).</summary>
    public static async Task<int> EmailAllAsync(TrustFundDbContext db, IEmailOutbox outbox, Guid organisationId, string subject, string text, CancellationToken cancellationToken)
    {
        var addresses = await db.Users.AsNoTracking()
            .Where(u => u.OrganisationId == organisationId && u.IsActive && u.Email != null)
            .Select(u => u.Email!)
            .ToListAsync(cancellationToken);
        foreach (var address in addresses)
        {
            outbox.Enqueue(new EmailMessage(address, subject, text));
        }

        return addresses.Count;
    }

    /// <summary>Who last changed an aggregate and when, from the audit trail (for stale-edit messages).</summary>
    public static async Task<(string Who, DateTime WhenUtc)?> LastChangeAsync(TrustFundDbContext db, string entityType, Guid id, CancellationToken cancellationToken)
    {
        var key = id.ToString();
        var entry = await db.AuditEntries.AsNoTracking()
            .Where(e => e.EntityType == entityType && e.EntityId == key)
            .OrderByDescending(e => e.Sequence)
            .Select(e => new { e.ActorName, e.OccurredAtUtc })
            .FirstOrDefaultAsync(cancellationToken);
        return entry is null ? null : (entry.ActorName ?? "someone", entry.OccurredAtUtc);
    }
}
