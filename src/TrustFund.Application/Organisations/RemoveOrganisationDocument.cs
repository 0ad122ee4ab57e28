using Microsoft.EntityFrameworkCore;
using TrustFund.Application.Audit;
using TrustFund.Application.Common;
using TrustFund.Application.Files;
using TrustFund.Domain.Documents;

namespace TrustFund.Application.Organisations;

/// <summary>
/// An applicant removes an organisation document: new applications no longer see it. A document that a
/// submitted version relied on is only hidden (its record and bytes stay for that version); any other
/// is deleted with its bytes.
/// </summary>
public sealed record RemoveOrganisationDocument(Guid DocumentId) : IUseCase<string>;

internal sealed class RemoveOrganisationDocumentHandler : IUseCaseHandler<RemoveOrganisationDocument, string>
{
    private readonly ITrustFundDb _db;
    private readonly ICurrentActor _actor;
    private readonly RecordAccess _access;
    private readonly IFileStore _files;
    private readonly IAuditTrail _audit;
    private readonly TimeProvider _clock;

    public RemoveOrganisationDocumentHandler(ITrustFundDb db, ICurrentActor actor, RecordAccess access, IFileStore files, IAuditTrail audit, TimeProvider clock)
    {
        _db = db;
        _actor = actor;
        _access = access;
        _files = files;
        _audit = audit;
        _clock = clock;
    }

    /// <returns>The removed document's file name.</returns>
    public async Task<string> HandleAsync(RemoveOrganisationDocument request, CancellationToken cancellationToken)
    {
        var organisationId = await OwnOrganisation.IdAsync(_db, _actor, _access, cancellationToken);
        var attachment = await OrganisationDocuments.Offered(_db, organisationId)
            .SingleOrDefaultAsync(a => a.Id == request.DocumentId, cancellationToken) ?? throw new NotFoundException();
        if (await OrganisationDocuments.UsedBySubmissionAsync(_db, attachment, cancellationToken))
        {
            attachment.Remove(_actor.Name ?? "system", _clock.GetUtcNow().UtcDateTime);
            _audit.Record(AuditActions.OrganisationDocumentRemoved, $"Organisation document {attachment.FileName} ({attachment.DocumentType}) removed; kept for the submitted applications that relied on it", nameof(Attachment), attachment.Id.ToString());
        }
        else
        {
            _db.Attachments.Remove(attachment);
            await _files.RemoveAsync(attachment.StoredFileKey, cancellationToken);
            _audit.Record(AuditActions.OrganisationDocumentRemoved, $"Organisation document {attachment.FileName} ({attachment.DocumentType}) removed", nameof(Attachment), attachment.Id.ToString());
        }

        await _db.SaveChangesAsync(cancellationToken);
        return attachment.FileName;
    }
}
