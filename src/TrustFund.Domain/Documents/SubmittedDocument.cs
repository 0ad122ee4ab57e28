using TrustFund.Domain.Calls;

namespace TrustFund.Domain.Documents;

/// <summary>
/// A document as a submitted version relied on: which attachment, its type, name, size and hash. The
/// attachment's bytes are kept while any version refers to it, even if the organisation removes it.
/// </summary>
public sealed record SubmittedDocument(Guid AttachmentId, DocumentType Type, string FileName, long SizeBytes, string Sha256, bool OrganisationLevel)
{
    /// <summary>The document as it stands in <paramref name="attachment"/>.</summary>
    public static SubmittedDocument Of(Attachment attachment) =>
        new(attachment.Id, attachment.DocumentType, attachment.FileName, attachment.SizeBytes, attachment.Sha256, attachment.ApplicationId is null);
}
