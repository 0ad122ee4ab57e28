using System.Globalization;
using Microsoft.EntityFrameworkCore;
using TrustFund.Application.Audit;
using TrustFund.Application.Common;
using TrustFund.Application.Files;
using TrustFund.Domain.Documents;

namespace TrustFund.Application.Applications;

/// <summary>An applicant removes a document attached to their organisation's draft (its file too); audited.</summary>
public sealed record RemoveDocument(Guid ApplicationId, Guid AttachmentId) : IUseCase<RemovedDocument>;

/// <summary>How the removal ended.</summary>
public enum RemovalResult
{
    Removed,

    /// <summary>Not attached to this application (already removed by a repeated click, or never here).</summary>
    NotAttached,

    /// <summary>The application has been submitted: its documents stay.</summary>
    NotEditable,
}

/// <summary>The removal, with the removed file's name.</summary>
public sealed record RemovedDocument(RemovalResult Result, string? FileName);

internal sealed class RemoveDocumentHandler : IUseCaseHandler<RemoveDocument, RemovedDocument>
{
    private readonly ITrustFundDb _db;
    private readonly RecordAccess _access;
    private readonly IFileStore _files;
    private readonly IAuditTrail _audit;

    public RemoveDocumentHandler(ITrustFundDb db, RecordAccess access, IFileStore files, IAuditTrail audit)
    {
        _db = db;
        _access = access;
        _files = files;
        _audit = audit;
    }

    public async Task<RemovedDocument> HandleAsync(RemoveDocument request, CancellationToken cancellationToken)
    {
        var application = await _db.Applications.AsNoTracking().SingleOrDefaultAsync(a => a.Id == request.ApplicationId, cancellationToken) ?? throw new NotFoundException();
        await _access.EnsureAsync(ApplicationAccess.Of(application), ApplicationOperations.Edit);
        var attachment = await _db.Attachments.SingleOrDefaultAsync(a => a.Id == request.AttachmentId && a.ApplicationId == application.Id, cancellationToken);
        if (attachment is null)
        {
            return new RemovedDocument(RemovalResult.NotAttached, null);
        }

        if (!application.IsEditable)
        {
            return new RemovedDocument(RemovalResult.NotEditable, attachment.FileName);
        }

        _db.Attachments.Remove(attachment);
        await _files.RemoveAsync(attachment.StoredFileKey, cancellationToken);
        _audit.Record(
            AuditActions.ApplicationDocumentRemoved,
            $"{DocumentTypeNames.Of(attachment.DocumentType)} '{attachment.FileName}' removed from application {application.Id}",
            nameof(Attachment),
            attachment.Id.ToString("D", CultureInfo.InvariantCulture));
        await _db.SaveChangesAsync(cancellationToken);
        return new RemovedDocument(RemovalResult.Removed, attachment.FileName);
    }
}
