using Microsoft.EntityFrameworkCore;
using TrustFund.Application.Accounts;
using TrustFund.Application.Common;
using TrustFund.Application.Files;

namespace TrustFund.Application.Applications;

/// <summary>
/// A document of an application (or of its organisation) downloaded through the application's own
/// pages. The applying organisation's members download any of their documents; a fund manager only
/// what a submitted version relied on, audited, by the rule of <see cref="DownloadApplicationDocument"/>;
/// anyone else, or a document reached through another application, is not found.
/// </summary>
public sealed record DownloadOwnApplicationDocument(Guid ApplicationId, Guid AttachmentId) : IUseCase<DocumentDownload>;

internal sealed class DownloadOwnApplicationDocumentHandler : IUseCaseHandler<DownloadOwnApplicationDocument, DocumentDownload>
{
    private readonly ITrustFundDb _db;
    private readonly RecordAccess _access;
    private readonly ICurrentActor _actor;
    private readonly IFileStore _files;
    private readonly IUseCaseHandler<DownloadApplicationDocument, DocumentDownload> _managers;

    public DownloadOwnApplicationDocumentHandler(
        ITrustFundDb db,
        RecordAccess access,
        ICurrentActor actor,
        IFileStore files,
        IUseCaseHandler<DownloadApplicationDocument, DocumentDownload> managers)
    {
        _db = db;
        _access = access;
        _actor = actor;
        _files = files;
        _managers = managers;
    }

    public async Task<DocumentDownload> HandleAsync(DownloadOwnApplicationDocument request, CancellationToken cancellationToken)
    {
        if (_actor.User.IsInRole(Roles.FundManager))
        {
            return await _managers.HandleAsync(new DownloadApplicationDocument(request.ApplicationId, request.AttachmentId), cancellationToken);
        }

        var application = await _db.Applications.AsNoTracking().SingleOrDefaultAsync(a => a.Id == request.ApplicationId, cancellationToken) ?? throw new NotFoundException();
        await _access.EnsureAsync(ApplicationAccess.Of(application), ApplicationOperations.ReadDocuments);
        var attachment = await _db.Attachments.AsNoTracking()
            .SingleOrDefaultAsync(
                a => a.Id == request.AttachmentId && a.OrganisationId == application.OrganisationId && (a.ApplicationId == application.Id || a.ApplicationId == null),
                cancellationToken) ?? throw new NotFoundException();
        var content = await _files.ReadAsync(attachment.StoredFileKey, cancellationToken) ?? throw new NotFoundException();
        return new DocumentDownload(content, attachment.ContentType, attachment.FileName);
    }
}
