using System.Globalization;

namespace TrustFund.Web.Features.Applications;

/// <summary>
/// Reads numbers and dates typed into forms: in the visitor's culture first, then in the invariant
/// culture (so "1500.50" works everywhere), and writes them back for editing.
/// </summary>
public static class FormValues
{
    private const NumberStyles AmountStyles = NumberStyles.AllowLeadingWhite | NumberStyles.AllowTrailingWhite
        | NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint | NumberStyles.AllowThousands;

    private const NumberStyles WholeStyles = NumberStyles.AllowLeadingWhite | NumberStyles.AllowTrailingWhite
        | NumberStyles.AllowLeadingSign | NumberStyles.AllowThousands;

    public static bool IsBlank(string? text) => string.IsNullOrWhiteSpace(text);

    /// <summary>Reads a decimal number (amount or quantity); the caller checks sign and decimals.</summary>
    public static bool TryParseDecimal(string? text, out decimal value)
    {
        value = 0;
        if (IsBlank(text) || text!.Length > 40)
        {
            return false;
        }

        var trimmed = text.Trim();
        return decimal.TryParse(trimmed, AmountStyles, CultureInfo.CurrentCulture, out value)
            || decimal.TryParse(trimmed, AmountStyles, CultureInfo.InvariantCulture, out value);
    }

    /// <summary>Whether <paramref name="value"/> has at most two decimals.</summary>
    public static bool HasAtMostTwoDecimals(decimal value) => decimal.Round(value, 2) == value;

    public static bool TryParseWholeNumber(string? text, out int value)
    {
        value = 0;
        if (IsBlank(text) || text!.Length > 20)
        {
            return false;
        }

        var trimmed = text.Trim();
        return int.TryParse(trimmed, WholeStyles, CultureInfo.CurrentCulture, out value)
            || int.TryParse(trimmed, WholeStyles, CultureInfo.InvariantCulture, out value);
    }

    /// <summary>Reads a date as the browser's date field sends it (yyyy-MM-dd) or in the visitor's culture.</summary>
    public static bool TryParseDate(string? text, out DateOnly value)
    {
        value = default;
        if (IsBlank(text) || text!.Length > 40)
        {
            return false;
        }

        var trimmed = text.Trim();
        return DateOnly.TryParseExact(trimmed, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out value)
            || DateOnly.TryParse(trimmed, CultureInfo.CurrentCulture, DateTimeStyles.None, out value);
    }

    public static decimal? DecimalOrNull(string? text) => TryParseDecimal(text, out var value) ? value : null;

    public static int? WholeNumberOrNull(string? text) => TryParseWholeNumber(text, out var value) ? value : null;

    public static DateOnly? DateOrNull(string? text) => TryParseDate(text, out var value) ? value : null;

    /// <summary>An amount as it is written back into an input (no thousands separators).</summary>
    public static string? ForInput(decimal? value) => value?.ToString("0.##", CultureInfo.CurrentCulture);

    public static string? ForInput(int? value) => value?.ToString(CultureInfo.CurrentCulture);

    public static string? ForInput(DateOnly? value) => value?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>An amount for reading: "USD 12,345.00" in the visitor's culture.</summary>
    public static string Usd(decimal? value) =>
        value is { } amount ? string.Create(CultureInfo.CurrentCulture, $"USD {amount:N2}") : "–";
}
