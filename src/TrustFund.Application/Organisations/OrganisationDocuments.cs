using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using TrustFund.Application.Common;
using TrustFund.Domain.Documents;

namespace TrustFund.Application.Organisations;

/// <summary>An organisation's own documents (not attached to one application): which are offered, and which a submission relied on.</summary>
internal static class OrganisationDocuments
{
    /// <summary>The organisation-level documents not removed, by type then newest first.</summary>
    public static IQueryable<Attachment> Offered(ITrustFundDb db, Guid organisationId) =>
        db.Attachments.Where(a => a.OrganisationId == organisationId && a.ApplicationId == null && a.RemovedAtUtc == null);

    public static async Task<IReadOnlyList<Attachment>> ListAsync(ITrustFundDb db, Guid organisationId, CancellationToken cancellationToken) =>
        await Offered(db, organisationId).AsNoTracking()
            .OrderBy(a => a.DocumentType).ThenByDescending(a => a.UploadedAtUtc)
            .ToListAsync(cancellationToken);

    /// <summary>
    /// Whether a submitted version of one of the organisation's applications relied on the document.
    /// Versions submitted before submissions recorded their documents count as relying on every
    /// organisation document that existed when they were submitted.
    /// </summary>
    public static async Task<bool> UsedBySubmissionAsync(ITrustFundDb db, Attachment document, CancellationToken cancellationToken)
    {
        var applications = db.Applications.Where(a => a.OrganisationId == document.OrganisationId).Select(a => a.Id);
        var versions = await db.ApplicationVersions.AsNoTracking()
            .Where(v => applications.Contains(v.ApplicationId))
            .Select(v => new { v.Documents, v.SubmittedAtUtc })
            .ToListAsync(cancellationToken);
        return versions.Any(v => v.Documents is { } documents
            ? documents.Any(d => d.AttachmentId == document.Id)
            : v.SubmittedAtUtc >= document.UploadedAtUtc);
    }

    public static string Sha256Of(byte[] content) => Convert.ToHexStringLower(SHA256.HashData(content));
}
