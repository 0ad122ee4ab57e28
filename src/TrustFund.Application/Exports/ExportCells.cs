using System.Globalization;

namespace TrustFund.Application.Exports;

/// <summary>
/// How a cell reads as text in every export: numbers in the invariant culture (a point before the
/// decimals, no thousands separator), dates and moments in ISO 8601 (moments in UTC), text neutralised
/// against formula injection.
/// </summary>
public static class ExportCells
{
    public static string Text(object? value) => value switch
    {
        null => string.Empty,
        string text => FormulaNeutraliser.Neutralise(text),
        decimal number => number.ToString(CultureInfo.InvariantCulture),
        int number => number.ToString(CultureInfo.InvariantCulture),
        DateOnly date => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        DateTime moment => DateTime.SpecifyKind(moment, DateTimeKind.Utc).ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture),
        IFormattable other => FormulaNeutraliser.Neutralise(other.ToString(null, CultureInfo.InvariantCulture)),
        _ => FormulaNeutraliser.Neutralise(value.ToString() ?? string.Empty),
    };

    /// <summary>The number a cell holds, when it holds one (written as a number where the format has numbers).</summary>
    public static decimal? Number(object? value) => value switch
    {
        decimal number => number,
        int number => number,
        _ => null,
    };
}
