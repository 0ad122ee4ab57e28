using Microsoft.EntityFrameworkCore;
using TrustFund.Application.Common;
using TrustFund.Application.Files;

namespace TrustFund.Application.Organisations;

/// <summary>
/// An organisation document's bytes: for its members (no organisation given: their own), or for the
/// Secretariat verifying the organisation named. Removed documents are not offered any more.
/// </summary>
public sealed record DownloadOrganisationDocument(Guid? OrganisationId, Guid DocumentId) : IUseCase<DocumentDownload>;

/// <summary>A stored file offered as a download.</summary>
public sealed record DocumentDownload(string FileName, string ContentType, byte[] Content);

internal sealed class DownloadOrganisationDocumentHandler : IUseCaseHandler<DownloadOrganisationDocument, DocumentDownload>
{
    private readonly ITrustFundDb _db;
    private readonly ICurrentActor _actor;
    private readonly RecordAccess _access;
    private readonly IFileStore _files;

    public DownloadOrganisationDocumentHandler(ITrustFundDb db, ICurrentActor actor, RecordAccess access, IFileStore files)
    {
        _db = db;
        _actor = actor;
        _access = access;
        _files = files;
    }

    public async Task<DocumentDownload> HandleAsync(DownloadOrganisationDocument request, CancellationToken cancellationToken)
    {
        Guid organisationId;
        if (request.OrganisationId is { } named)
        {
            await _access.EnsureAsync(new OrganisationAccess(named), OrganisationOperations.Verify);
            organisationId = named;
        }
        else
        {
            organisationId = await OwnOrganisation.IdAsync(_db, _actor, _access, cancellationToken);
        }

        var attachment = await OrganisationDocuments.Offered(_db, organisationId).AsNoTracking()
            .SingleOrDefaultAsync(a => a.Id == request.DocumentId, cancellationToken) ?? throw new NotFoundException();
        var bytes = await _files.ReadAsync(attachment.StoredFileKey, cancellationToken) ?? throw new NotFoundException();
        return new DocumentDownload(attachment.FileName, attachment.ContentType, bytes);
    }
}
