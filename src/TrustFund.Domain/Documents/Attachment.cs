using TrustFund.Domain.Calls;

namespace TrustFund.Domain.Documents;

/// <summary>
/// A document an organisation uploaded: either kept at organisation level (reused by every
/// application, e.g. the registration certificate) or attached to one application. Removing an
/// organisation-level document hides it from new applications; submitted versions that relied on it
/// keep it (its bytes are deleted only when no version refers to it).
/// </summary>
public sealed class Attachment
{
    private Attachment()
    {
        FileName = string.Empty;
        ContentType = string.Empty;
        Sha256 = string.Empty;
        UploadedBy = string.Empty;
    }

    public Guid Id { get; private set; }

    public Guid OrganisationId { get; private set; }

    /// <summary>Null for an organisation-level document.</summary>
    public Guid? ApplicationId { get; private set; }

    public DocumentType DocumentType { get; private set; }

    /// <summary>Sanitised name offered on download.</summary>
    public string FileName { get; private set; }

    /// <summary>Content type recognised from the bytes, not from the upload's claim.</summary>
    public string ContentType { get; private set; }

    public long SizeBytes { get; private set; }

    public string Sha256 { get; private set; }

    /// <summary>Key of the bytes in the file store.</summary>
    public Guid StoredFileKey { get; private set; }

    public DateTime UploadedAtUtc { get; private set; }

    public string UploadedBy { get; private set; }

    /// <summary>When the organisation removed the document (null while it is offered to applications).</summary>
    public DateTime? RemovedAtUtc { get; private set; }

    public string? RemovedBy { get; private set; }

    public bool IsRemoved => RemovedAtUtc is not null;

    /// <summary>Records an upload that has already passed inspection.</summary>
    public static Attachment Record(
        Guid organisationId,
        Guid? applicationId,
        DocumentType documentType,
        string fileName,
        string contentType,
        long sizeBytes,
        string sha256,
        Guid storedFileKey,
        DateTime uploadedAtUtc,
        string uploadedBy) =>
        new()
        {
            Id = Guid.NewGuid(),
            OrganisationId = organisationId,
            ApplicationId = applicationId,
            DocumentType = documentType,
            FileName = fileName,
            ContentType = contentType,
            SizeBytes = sizeBytes,
            Sha256 = sha256,
            StoredFileKey = storedFileKey,
            UploadedAtUtc = uploadedAtUtc,
            UploadedBy = uploadedBy,
        };

    /// <summary>Hides the document from new applications; what submitted versions recorded stays.</summary>
    public void Remove(string removedBy, DateTime nowUtc)
    {
        if (IsRemoved)
        {
            throw new Common.DomainException("document.removed", "This document has already been removed.");
        }

        RemovedAtUtc = nowUtc;
        RemovedBy = removedBy;
    }
}
