using TrustFund.Domain.Calls;
using TrustFund.Domain.Documents;

namespace TrustFund.Domain.Applications;

/// <summary>
/// An immutable copy of an application as it was submitted (first submission, then each
/// resubmission): its content, the call's terms in force at that moment, the organisation's name it
/// was submitted under and the documents it relied on. Screening judges the version on these.
/// </summary>
public sealed class ApplicationVersion
{
    private ApplicationVersion()
    {
        Content = null!;
        SubmittedBy = string.Empty;
        OrganisationName = string.Empty;
    }

    public ApplicationVersion(Guid applicationId, int number, ProposalContent content, DateTime submittedAtUtc, string submittedBy, CallTerms terms, string organisationName, IReadOnlyList<SubmittedDocument> documents)
    {
        Id = Guid.NewGuid();
        ApplicationId = applicationId;
        Number = number;
        Content = content;
        SubmittedAtUtc = submittedAtUtc;
        SubmittedBy = submittedBy;
        Terms = terms;
        OrganisationName = organisationName;
        Documents = documents;
    }

    public Guid Id { get; private set; }

    public Guid ApplicationId { get; private set; }

    /// <summary>1 for the first submission, then 2, 3... for each resubmission.</summary>
    public int Number { get; private set; }

    public ProposalContent Content { get; private set; }

    public DateTime SubmittedAtUtc { get; private set; }

    public string SubmittedBy { get; private set; }

    /// <summary>The call's terms in force when this version was submitted (null for versions submitted before terms were recorded with each version).</summary>
    public CallTerms? Terms { get; private set; }

    /// <summary>The organisation's legal name when this version was submitted.</summary>
    public string OrganisationName { get; private set; }

    /// <summary>The documents this version relied on (null for versions submitted before documents were recorded with each version).</summary>
    public IReadOnlyList<SubmittedDocument>? Documents { get; private set; }

    /// <summary>Whether this submission relied on the document (see <see cref="ReliedOn(IReadOnlyList{SubmittedDocument}?, DateTime, Guid, DateTime)"/>).</summary>
    public bool ReliedOn(Guid attachmentId, DateTime uploadedAtUtc) => ReliedOn(Documents, SubmittedAtUtc, attachmentId, uploadedAtUtc);

    /// <summary>
    /// Whether a submission with these documents relied on an attachment: it is one of them, or, for a
    /// version submitted before documents were recorded with each version, it had been uploaded by then.
    /// </summary>
    public static bool ReliedOn(IReadOnlyList<SubmittedDocument>? documents, DateTime submittedAtUtc, Guid attachmentId, DateTime uploadedAtUtc) =>
        documents is not null
            ? documents.Any(d => d.AttachmentId == attachmentId)
            : uploadedAtUtc <= submittedAtUtc;
}
