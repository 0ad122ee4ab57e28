using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using TrustFund.Application.Email;
using TrustFund.Infrastructure.Persistence;

namespace TrustFund.Web.Features.Organisations;

/// <summary>Who belongs to an organisation: the signed-in applicant's organisation, and emails to all its active members.</summary>
public static class OrganisationMembers
{
    /// <summary>The organisation of the signed-in user, or null for staff and users without one.</summary>
    public static async Task<Guid?> OrganisationOfAsync(TrustFundDbContext db, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        if (!Guid.TryParse(user.FindFirstValue(ClaimTypes.NameIdentifier), out var userId))
        {
            return null;
        }

        return await db.Users.AsNoTracking().Where(u => u.Id == userId).Select(u => u.OrganisationId).SingleOrDefaultAsync(cancellationToken);
    }

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
