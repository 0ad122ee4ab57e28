using Microsoft.EntityFrameworkCore;
using TrustFund.Application.Accounts;
using TrustFund.Application.Common;
using TrustFund.Application.Files;

namespace TrustFund.Application.Applications;

/// <summary>
/// A document of an application (or of its organisation) downloaded by the applying organisation's
/// members or by fund managers; anyone else, or a document reached through another application, is not found.
/// </summary>
public sealed record DownloadApplicationDocument(Guid ApplicationId, Guid AttachmentId) : IUseCase<DownloadedDocument>;

/// <summary>The file's bytes, its content type and its name.</summary>
public sealed record DownloadedDocument(byte[] Content, string ContentType, string FileName);

internal sealed class DownloadApplicationDocumentHandler : IUseCaseHandler<DownloadApplicationDocument, DownloadedDocument>
{
    private readonly ITrustFundDb _db;
    private readonly RecordAccess _access;
    private readonly ICurrentActor _actor;
    private readonly IFileStore _files;

    public DownloadApplicationDocumentHandler(ITrustFundDb db, RecordAccess access, ICurrentActor actor, IFileStore files)
    {
        _db = db;
        _access = access;
        _actor = actor;
        _files = files;
    }

    public async Task<DownloadedDocument> HandleAsync(DownloadApplicationDocument request, CancellationToken cancellationToken)
    {
        var application = await _db.Applications.AsNoTracking().SingleOrDefaultAsync(a => a.Id == request.ApplicationId, cancellationToken) ?? throw new NotFoundException();
        if (!_actor.User.IsInRole(Roles.FundManager))
        {
            await _access.EnsureAsync(ApplicationAccess.Of(application), ApplicationOperations.ReadDocuments);
        }

        var attachment = await _db.Attachments.AsNoTracking()
            .SingleOrDefaultAsync(
                a => a.Id == request.AttachmentId && a.OrganisationId == application.OrganisationId && (a.ApplicationId == application.Id || a.ApplicationId == null),
                cancellationToken) ?? throw new NotFoundException();
        var content = await _files.ReadAsync(attachment.StoredFileKey, cancellationToken) ?? throw new NotFoundException();
        return new DownloadedDocument(content, attachment.ContentType, attachment.FileName);
    }
}
