using System.Globalization;
using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using TrustFund.Application.Audit;
using TrustFund.Application.Common;
using TrustFund.Application.Files;
using TrustFund.Domain.Calls;
using TrustFund.Domain.Documents;

namespace TrustFund.Application.Applications;

/// <summary>
/// An applicant attaches a document of a given type to their organisation's draft: the application's
/// documents add up to at most 50 MB, the content must be a PDF, Word, Excel, JPG or PNG file matching
/// its name. Stored, recorded and audited together.
/// </summary>
public sealed record AttachDocument(Guid ApplicationId, DocumentType Type, string FileName, byte[] Content) : IUseCase<AttachedDocument>;

/// <summary>The stored file's name, or that the application could no longer be changed (nothing stored).</summary>
public sealed record AttachedDocument(bool Attached, string? FileName);

internal sealed class AttachDocumentHandler : IUseCaseHandler<AttachDocument, AttachedDocument>
{
    /// <summary>The field the refusals concern (the file input of the document's type).</summary>
    public const string FileField = "File";

    private readonly ITrustFundDb _db;
    private readonly RecordAccess _access;
    private readonly IFileStore _files;
    private readonly IAuditTrail _audit;
    private readonly ICurrentActor _actor;
    private readonly TimeProvider _clock;

    public AttachDocumentHandler(ITrustFundDb db, RecordAccess access, IFileStore files, IAuditTrail audit, ICurrentActor actor, TimeProvider clock)
    {
        _db = db;
        _access = access;
        _files = files;
        _audit = audit;
        _actor = actor;
        _clock = clock;
    }

    public async Task<AttachedDocument> HandleAsync(AttachDocument request, CancellationToken cancellationToken)
    {
        var application = await _db.Applications.AsNoTracking().SingleOrDefaultAsync(a => a.Id == request.ApplicationId, cancellationToken) ?? throw new NotFoundException();
        await _access.EnsureAsync(ApplicationAccess.Of(application), ApplicationOperations.Edit);
        if (!application.IsEditable)
        {
            return new AttachedDocument(false, null);
        }

        if (request.Content.LongLength > UploadedFiles.MaximumFileBytes)
        {
            throw new RefusedException(Problem.For(FileField, "The file is larger than 10 MB. Each file can be at most 10 MB: make it smaller (for example, scan it at a lower resolution or save it as PDF) and upload it again."));
        }

        var used = await _db.Attachments.Where(a => a.ApplicationId == application.Id).SumAsync(a => (long?)a.SizeBytes, cancellationToken) ?? 0;
        if (used + request.Content.LongLength > UploadedFiles.MaximumApplicationBytes)
        {
            throw new RefusedException(Problem.For(FileField, "The documents of one application can add up to at most 50 MB. Remove a document or make this file smaller."));
        }

        var inspection = UploadedFiles.Inspect(request.FileName, request.Content);
        if (!inspection.Accepted)
        {
            throw new RefusedException(Problem.For(FileField, inspection.Text!));
        }

        var kind = inspection.Kind!.Value;
        var key = await _files.AddAsync(request.Content, cancellationToken);
        var attachment = Attachment.Record(
            application.OrganisationId,
            application.Id,
            request.Type,
            UploadedFiles.SafeName(request.FileName, kind),
            UploadedFiles.ContentTypeOf(kind),
            request.Content.LongLength,
            Convert.ToHexStringLower(SHA256.HashData(request.Content)),
            key,
            _clock.GetUtcNow().UtcDateTime,
            await Applicants.NameOfAsync(_db, _actor, cancellationToken));
        _db.Attachments.Add(attachment);
        _audit.Record(
            AuditActions.ApplicationDocumentAdded,
            $"{DocumentTypeNames.Of(request.Type)} '{attachment.FileName}' attached to application {application.Id}",
            nameof(Attachment),
            attachment.Id.ToString("D", CultureInfo.InvariantCulture));
        await _db.SaveChangesAsync(cancellationToken);
        return new AttachedDocument(true, attachment.FileName);
    }
}
