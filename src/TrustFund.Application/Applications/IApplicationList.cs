namespace TrustFund.Application.Applications;

/// <summary>
/// Reads the fund managers' list of submitted applications: one page in the chosen order (keyset
/// paging past a cursor), the counts per status and the calls of the filter. Tuned for the list's
/// performance targets, so it lives in Infrastructure.
/// </summary>
public interface IApplicationList
{
    Task<ApplicationListModel> ReadAsync(ApplicationListQuery query, CancellationToken cancellationToken);

    /// <summary>
    /// Every row the list's filters and status select, in the list's order, read one at a time from the
    /// database (for exports: no page, no counts, nothing tracked).
    /// </summary>
    IAsyncEnumerable<ApplicationListEntry> ReadAllAsync(ApplicationListQuery query, CancellationToken cancellationToken);
}
