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
public sealed record ExportTable(string Name, IReadOnlyList<string> Headers, IAsyncEnumerable<object?[]> Rows);

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
