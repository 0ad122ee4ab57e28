using Microsoft.EntityFrameworkCore;
using TrustFund.Application.Common;
using TrustFund.Domain.Applications;
using TrustFund.Domain.Calls;

namespace TrustFund.Application.Screenings;

/// <summary>
/// The documents screening counts: those the screened version was submitted with, whatever has been
/// uploaded or removed since. A version submitted before documents were recorded with each version
/// counts what was uploaded by its submission (its own attachments and its organisation's documents).
/// </summary>
public static class ScreenedDocuments
{
    public static async Task<IReadOnlyDictionary<DocumentType, int>> CountAsync(ITrustFundDb db, GrantApplication application, ApplicationVersion? version, CancellationToken cancellationToken)
    {
        if (version?.Documents is { } documents)
        {
            return documents.GroupBy(d => d.Type).ToDictionary(g => g.Key, g => g.Count());
        }

        var submittedAt = version?.SubmittedAtUtc ?? application.SubmittedAtUtc ?? DateTime.MaxValue;
        var types = await db.Attachments.AsNoTracking()
            .Where(a => a.OrganisationId == application.OrganisationId && (a.ApplicationId == application.Id || a.ApplicationId == null) && a.UploadedAtUtc <= submittedAt)
            .Select(a => a.DocumentType)
            .ToListAsync(cancellationToken);
        return types.GroupBy(t => t).ToDictionary(g => g.Key, g => g.Count());
    }
}
