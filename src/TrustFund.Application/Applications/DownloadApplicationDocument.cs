using System.Globalization;
using Microsoft.EntityFrameworkCore;
using TrustFund.Application.Audit;
using TrustFund.Application.Common;
using TrustFund.Application.Files;
using TrustFund.Domain.Applications;
using TrustFund.Domain.Documents;

namespace TrustFund.Application.Applications;

/// <summary>
/// A fund manager downloads a document of a submitted application: only one a submitted version relied
/// on (a document attached to the next, unsubmitted draft is the organisation's own). Each download is
/// audited.
/// </summary>
public sealed record DownloadApplicationDocument(Guid ApplicationId, Guid AttachmentId) : IUseCase<DocumentDownload>;

/// <summary>A document's bytes, type and name, to send as a download.</summary>
public sealed record DocumentDownload(byte[] Content, string ContentType, string FileName);

internal sealed class DownloadApplicationDocumentHandler : IUseCaseHandler<DownloadApplicationDocument, DocumentDownload>
{
    private readonly ITrustFundDb _db;
    private readonly RecordAccess _access;
    private readonly IFileStore _files;
    private readonly IAuditTrail _audit;

    public DownloadApplicationDocumentHandler(ITrustFundDb db, RecordAccess access, IFileStore files, IAuditTrail audit)
    {
        _db = db;
        _access = access;
        _files = files;
        _audit = audit;
    }

    public async Task<DocumentDownload> HandleAsync(DownloadApplicationDocument request, CancellationToken cancellationToken)
    {
        var application = await _db.Applications.AsNoTracking().Include(a => a.Versions)
            .SingleOrDefaultAsync(a => a.Id == request.ApplicationId, cancellationToken) ?? throw new NotFoundException();
        await _access.EnsureAsync(ApplicationAccess.Of(application), ApplicationOperations.ReadDocuments);
        var attachment = await _db.Attachments.AsNoTracking().SingleOrDefaultAsync(
            a => a.Id == request.AttachmentId && a.OrganisationId == application.OrganisationId && (a.ApplicationId == application.Id || a.ApplicationId == null),
            cancellationToken);
        if (attachment is null || !SubmittedWith(application, attachment))
        {
            throw new NotFoundException();
        }

        var bytes = await _files.ReadAsync(attachment.StoredFileKey, cancellationToken) ?? throw new NotFoundException();
        _audit.Record(
            AuditActions.ApplicationDocumentDownloaded,
            $"Document {attachment.FileName} of {application.Reference ?? application.Title} downloaded",
            nameof(GrantApplication),
            application.Id.ToString("D", CultureInfo.InvariantCulture));
        await _db.SaveChangesAsync(cancellationToken);
        return new DocumentDownload(bytes, attachment.ContentType, attachment.FileName);
    }

    /// <summary>Whether a submitted version relied on the document.</summary>
    private static bool SubmittedWith(GrantApplication application, Attachment attachment) =>
        application.Versions.Any(v => v.ReliedOn(attachment.Id, attachment.UploadedAtUtc));
}
