using System.Globalization;
using TrustFund.Domain.Applications;
using TrustFund.Domain.Calls;
using TrustFund.Domain.Places;

namespace TrustFund.Application.Applications;

/// <summary>Filters, sort and page of the fund managers' applications list, read from the query string.</summary>
public sealed class ApplicationListQuery
{
    public const int PageSize = 25;

    public Guid? Call { get; set; }

    public string? Status { get; set; }

    public string? Country { get; set; }

    public string? Region { get; set; }

    public string? Assistance { get; set; }

    public string? Min { get; set; }

    public string? Max { get; set; }

    public string? Q { get; set; }

    /// <summary><c>submitted</c> (default), <c>amount</c>, <c>title</c> or <c>organisation</c>.</summary>
    public string? Sort { get; set; }

    /// <summary><c>asc</c> or <c>desc</c> (default: newest, largest first; names A to Z).</summary>
    public string? Dir { get; set; }

    /// <summary>The page number shown (the cursors below decide which rows are read).</summary>
    public int Page { get; set; } = 1;

    /// <summary>Cursor of the last row of the previous page: read the page after it.</summary>
    public string? After { get; set; }

    /// <summary>Cursor of the first row of the next page: read the page before it.</summary>
    public string? Before { get; set; }

    /// <summary>Statuses a manager can see: every status but Draft.</summary>
    public static IReadOnlyList<ApplicationStatus> VisibleStatuses { get; } = Enum.GetValues<ApplicationStatus>().Where(s => s != ApplicationStatus.Draft).ToList();

    public static IReadOnlyList<string> Sorts { get; } = ["submitted", "amount", "title", "organisation"];

    public ApplicationStatus? StatusFilter =>
        Enum.TryParse<ApplicationStatus>(Status, out var s) && VisibleStatuses.Contains(s) ? s : null;

    public string? CountryFilter => UnM49.IsCountry(Country) ? Country!.ToUpperInvariant() : null;

    public string? RegionFilter => Region is not null && UnM49.ByCode(Region) is { Type: not PlaceType.Country } ? Region : null;

    public AssistanceType? AssistanceFilter =>
        Enum.TryParse<AssistanceType>(Assistance, out var a) && Enum.IsDefined(a) ? a : null;

    public string SortKey => Sorts.Contains(Sort ?? string.Empty) ? Sort! : "submitted";

    public bool Descending => Dir switch
    {
        "asc" => false,
        "desc" => true,
        _ => SortKey is "submitted" or "amount",
    };

    /// <summary>The smallest amount requested, as read from <see cref="Min"/> by the page (null: no lower bound).</summary>
    public decimal? MinAmount { get; private set; }

    /// <summary>The largest amount requested, as read from <see cref="Max"/> by the page (null: no upper bound).</summary>
    public decimal? MaxAmount { get; private set; }

    /// <summary>Sets the amount bounds read from <see cref="Min"/> and <see cref="Max"/> (the web form reads typed amounts).</summary>
    public ApplicationListQuery WithAmounts(decimal? min, decimal? max)
    {
        MinAmount = min;
        MaxAmount = max;
        return this;
    }

    /// <summary>This query's link with some values changed (null removes a parameter); links go to the first page unless a cursor is given.</summary>
    public string With(string? status = "\0", string? sort = "\0", string? dir = "\0", int? page = null, string? after = null, string? before = null)
    {
        var values = new List<(string, string?)>
        {
            ("call", Call?.ToString()),
            ("status", status == "\0" ? Status : status),
            ("country", Country),
            ("region", Region),
            ("assistance", Assistance),
            ("min", Min),
            ("max", Max),
            ("q", Q),
            ("sort", sort == "\0" ? Sort : sort),
            ("dir", dir == "\0" ? Dir : dir),
            ("page", (page ?? 1) > 1 && (after ?? before) is not null ? page!.Value.ToString(CultureInfo.InvariantCulture) : null),
            ("after", after),
            ("before", before),
        };
        var query = string.Join("&", values.Where(v => !string.IsNullOrEmpty(v.Item2)).Select(v => $"{v.Item1}={Uri.EscapeDataString(v.Item2!)}"));
        return "/Manage/Applications" + (query.Length > 0 ? "?" + query : string.Empty);
    }

    /// <summary>The filters, status and order of this list as a query string (no page): what its export is made with.</summary>
    public string Filters()
    {
        var link = With();
        var start = link.IndexOf('?', StringComparison.Ordinal);
        return start >= 0 ? link[(start + 1)..] : string.Empty;
    }
}
