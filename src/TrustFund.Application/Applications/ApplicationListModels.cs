using TrustFund.Domain.Applications;

namespace TrustFund.Application.Applications;

/// <summary>One application as the fund managers' list reads it (a projection the database filters and sorts).</summary>
public sealed class ApplicationListEntry
{
    public Guid Id { get; init; }

    public string? Reference { get; init; }

    public string Title { get; init; } = string.Empty;

    public ApplicationStatus Status { get; init; }

    public decimal? AmountRequested { get; init; }

    public DateTime? SubmittedAtUtc { get; init; }

    public Guid CallId { get; init; }

    /// <summary>The call's code: not read with the row but filled in from the calls the list knows (see <see cref="IApplicationList"/>).</summary>
    public string CallCode { get; set; } = string.Empty;

    public Guid OrganisationId { get; init; }

    public string OrganisationName { get; init; } = string.Empty;

    public string CountryIndex { get; init; } = string.Empty;

    public string AssistanceIndex { get; init; } = string.Empty;
}

/// <summary>A call in the list's filter.</summary>
public sealed record CallOption(Guid Id, string Code, string Title);

/// <summary>
/// The fund managers' list: filters as typed, one page of rows, counts per status, and the cursors of
/// the previous and next pages (null where there is none).
/// </summary>
public sealed record ApplicationListModel(
    ApplicationListQuery Query,
    IReadOnlyList<ApplicationListEntry> Rows,
    int Total,
    int Page,
    int PageCount,
    IReadOnlyDictionary<ApplicationStatus, int> CountsByStatus,
    IReadOnlyList<CallOption> Calls,
    string? PreviousCursor,
    string? NextCursor);
