using TrustFund.Domain.Calls;
using TrustFund.Domain.Documents;

namespace TrustFund.Domain.Applications;

/// <summary>
/// Facts outside the application that submission depends on: the call, whether the organisation is
/// verified and under which name, the documents available to the application now, and the time.
/// </summary>
public sealed record SubmissionContext(
    Call Call,
    bool OrganisationVerified,
    string OrganisationName,
    IReadOnlyList<SubmittedDocument> Documents,
    DateTime NowUtc)
{
    /// <summary>How many documents of each type are available.</summary>
    public IReadOnlyDictionary<DocumentType, int> AttachedDocuments =>
        Documents.GroupBy(d => d.Type).ToDictionary(g => g.Key, g => g.Count());
}
