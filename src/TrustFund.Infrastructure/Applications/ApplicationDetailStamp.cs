namespace TrustFund.Infrastructure.Applications;

/// <summary>
/// What changes when anything on an application's detail page changes: the row versions of the
/// application, its call, its organisation and its screening, the last entry of their history, and the
/// number and newest upload of the documents shown.
/// </summary>
public sealed record ApplicationDetailStamp(
    Guid Application,
    Guid Call,
    Guid Organisation,
    Guid? Screening,
    long? LastHistoryEntry,
    int Documents,
    DateTime? NewestDocument);
