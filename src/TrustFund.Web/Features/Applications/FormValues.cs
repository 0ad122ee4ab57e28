using System.Globalization;
using TrustFund.Web.Features.Shared;

namespace TrustFund.Web.Features.Applications;

/// <summary>
/// Reads dates typed into forms, numbers through the one number reader (<see cref="NumberText"/>), and
/// writes them back for editing.
/// </summary>
public static class FormValues
{
    public static bool IsBlank(string? text) => string.IsNullOrWhiteSpace(text);

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

    /// <summary>An amount or quantity as <see cref="NumberText"/> reads it, or null when it is not one unambiguous number.</summary>
    public static decimal? DecimalOrNull(string? text) =>
        NumberText.TryRead(text, CultureInfo.CurrentCulture, 2, decimal.MaxValue, out var value) == NumberReading.Valid ? value : null;

    public static int? WholeNumberOrNull(string? text) =>
        NumberText.TryReadWhole(text, int.MaxValue, out var value) == NumberReading.Valid ? value : null;

    public static DateOnly? DateOrNull(string? text) => TryParseDate(text, out var value) ? value : null;

    /// <summary>An amount as it is written back into an input (no thousands separators, read back the same in any culture).</summary>
    public static string? ForInput(decimal? value) => value is null ? null : NumberText.ForInput(value);

    public static string? ForInput(int? value) => value?.ToString(CultureInfo.CurrentCulture);

    public static string? ForInput(DateOnly? value) => value?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>An amount for reading: "USD 12,345.00" in the visitor's culture.</summary>
    public static string Usd(decimal? value) =>
        value is { } amount ? string.Create(CultureInfo.CurrentCulture, $"USD {amount:N2}") : "–";
}
