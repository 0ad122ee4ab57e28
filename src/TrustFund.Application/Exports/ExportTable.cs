namespace TrustFund.Application.Exports;

/// <summary>The file formats an export is written in.</summary>
public enum ExportFormat
{
    Csv,
    Xlsx,
}

/// <summary>
/// A table to export: its name (the download's file name without extension), the header row, and the
/// rows read one at a time from the database as the file is written. A cell is text, a number
/// (<see cref="int"/> or <see cref="decimal"/>), a date (<see cref="DateOnly"/>), a moment
/// (<see cref="DateTime"/> in UTC) or null.
/// </summary>
public sealed record ExportTable(string Name, IReadOnlyList<string> Headers, IAsyncEnumerable<object?[]> Rows)
{
    /// <summary>
    /// The same table with its header row in the reader's language: each of the exports' own column
    /// names is passed to <paramref name="translate"/>; names that come from the data (a call's rubric
    /// criteria) stay as their authors wrote them. The cells are not translated: numbers, ISO dates and
    /// status codes read the same in every language, so files from several readers combine.
    /// </summary>
    public ExportTable WithHeadersIn(Func<string, string> translate) =>
        this with { Headers = [.. Headers.Select(h => ExportHeaders.Words.Contains(h) ? translate(h) : h)] };
}

/// <summary>Every column name the exports write themselves, in English (the catalogue's keys).</summary>
public static class ExportHeaders
{
    public static IReadOnlySet<string> Words { get; } = new HashSet<string>(
        [.. ExportApplications.Headers, .. ExportGrants.Headers, .. ExportLedger.Headers, .. ExportReviews.LeadingHeaders, ExportReviews.AllCriteriaHeader, .. ExportReviews.TrailingHeaders],
        StringComparer.Ordinal);
}

/// <summary>Reads an export format from an address (<c>csv</c> or <c>xlsx</c>).</summary>
public static class ExportFormats
{
    public static ExportFormat? Parse(string? text) => text?.ToLowerInvariant() switch
    {
        "csv" => ExportFormat.Csv,
        "xlsx" => ExportFormat.Xlsx,
        _ => null,
    };
}
