using FluentValidation;
using Microsoft.EntityFrameworkCore;
using TrustFund.Application.Audit;
using TrustFund.Application.Common;
using TrustFund.Application.Files;
using TrustFund.Domain.Calls;
using TrustFund.Domain.Common;
using TrustFund.Domain.Documents;

namespace TrustFund.Application.Organisations;

/// <summary>An applicant uploads an organisation-level document (checked by content), offered to every application.</summary>
public sealed record UploadOrganisationDocument(DocumentType Type, string FileName, byte[] Content) : IUseCase<UploadedDocument>;

/// <summary>The stored document's name, or that the same file was already there as this type.</summary>
public sealed record UploadedDocument(string FileName, bool AlreadyUploaded);

internal sealed class UploadOrganisationDocumentValidator : AbstractValidator<UploadOrganisationDocument>
{
    public UploadOrganisationDocumentValidator()
    {
        RuleFor(x => x.Type).IsInEnum().WithMessage("Choose the type of document.");
        RuleFor(x => x.Content).NotEmpty().WithName("File").OverridePropertyName("File").WithMessage("The file is empty.");
    }
}

internal sealed class UploadOrganisationDocumentHandler : IUseCaseHandler<UploadOrganisationDocument, UploadedDocument>
{
    /// <summary>The form field the file's problems belong to.</summary>
    public const string FileField = "File";

    private readonly ITrustFundDb _db;
    private readonly ICurrentActor _actor;
    private readonly RecordAccess _access;
    private readonly IFileStore _files;
    private readonly IAuditTrail _audit;
    private readonly TimeProvider _clock;

    public UploadOrganisationDocumentHandler(ITrustFundDb db, ICurrentActor actor, RecordAccess access, IFileStore files, IAuditTrail audit, TimeProvider clock)
    {
        _db = db;
        _actor = actor;
        _access = access;
        _files = files;
        _audit = audit;
        _clock = clock;
    }

    public async Task<UploadedDocument> HandleAsync(UploadOrganisationDocument request, CancellationToken cancellationToken)
    {
        var organisationId = await OwnOrganisation.IdAsync(_db, _actor, _access, cancellationToken);
        var inspection = UploadedFiles.Inspect(request.FileName, request.Content);
        if (inspection.Kind is not { } kind)
        {
            throw new RefusedException(Problem.For(FileField, inspection.Text ?? new LocalText("The file cannot be accepted.")));
        }

        var hash = OrganisationDocuments.Sha256Of(request.Content);
        var offered = OrganisationDocuments.Offered(_db, organisationId);
        if (await offered.AnyAsync(a => a.DocumentType == request.Type && a.Sha256 == hash, cancellationToken))
        {
            return new UploadedDocument(UploadedFiles.SafeName(request.FileName, kind), AlreadyUploaded: true);
        }

        var used = await offered.SumAsync(a => a.SizeBytes, cancellationToken);
        if (used + request.Content.LongLength > UploadedFiles.MaximumApplicationBytes)
        {
            throw new RefusedException(Problem.For(FileField, "Your organisation's documents would exceed 50 MB in total. Remove an old document first."));
        }

        var key = await _files.AddAsync(request.Content, cancellationToken);
        var attachment = Attachment.Record(
            organisationId,
            null,
            request.Type,
            UploadedFiles.SafeName(request.FileName, kind),
            UploadedFiles.ContentTypeOf(kind),
            request.Content.LongLength,
            hash,
            key,
            _clock.GetUtcNow().UtcDateTime,
            _actor.Name ?? "system");
        _db.Attachments.Add(attachment);
        _audit.Record(AuditActions.OrganisationDocumentUploaded, $"Organisation document {attachment.FileName} ({request.Type}) uploaded", nameof(Attachment), attachment.Id.ToString());
        await _db.SaveChangesAsync(cancellationToken);
        return new UploadedDocument(attachment.FileName, AlreadyUploaded: false);
    }
}
