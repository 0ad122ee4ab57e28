using TrustFund.Domain.Calls;

namespace TrustFund.Domain.Applications;

/// <summary>Facts outside the application that submission depends on.</summary>
public sealed record SubmissionContext(
    Call Call,
    bool OrganisationVerified,
    IReadOnlyDictionary<DocumentType, int> AttachedDocuments,
    DateTime NowUtc);
