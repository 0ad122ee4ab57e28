using System.Globalization;
using Microsoft.Extensions.Localization;
using TrustFund.Domain.Common;

namespace TrustFund.Web.Features.Shared;

/// <summary>
/// The one reader of numbers typed into forms (amounts in US dollars, quantities, whole numbers). It
/// reads the visitor's culture strictly: the culture's decimal separator, digit groups of three
/// between its group separators, and also the plain form the app writes back into fields (digits and
/// a point, as in "1234.56"). Anything that could be read in more than one way ("98,85" in English,
/// where the comma separates thousands) is refused as ambiguous, never read as another number.
/// </summary>
public static class NumberText
{
    private const int MaximumLength = 40;
    private const string ArabicDecimalSeparator = "\u066B";
    private const string ArabicGroupSeparator = "\u066C";

    /// <summary>Reads an amount in US dollars: zero or more, at most two decimals, at most <see cref="Money.MaximumAmount"/>.</summary>
    public static NumberReading TryReadAmount(string? text, out decimal amount) =>
        TryRead(text, CultureInfo.CurrentCulture, 2, Money.MaximumAmount, out amount);

    /// <summary>True when <paramref name="text"/> is empty (amount null) or an amount read in exactly one way (see <see cref="TryReadAmount"/>).</summary>
    public static bool TryReadOptionalAmount(string? text, out decimal? amount)
    {
        var reading = TryReadAmount(text, out var value);
        amount = reading == NumberReading.Valid ? value : null;
        return reading is NumberReading.Valid or NumberReading.Empty;
    }

    /// <summary>Reads a number with at most <paramref name="decimals"/> decimals, zero or more, at most <paramref name="maximum"/>.</summary>
    public static NumberReading TryRead(string? text, CultureInfo culture, int decimals, decimal maximum, out decimal value)
    {
        value = 0m;
        if (string.IsNullOrWhiteSpace(text))
        {
            return NumberReading.Empty;
        }

        var cleaned = StripCurrency(WesternDigits(text).Trim());
        if (cleaned.Length == 0 || cleaned.Length > MaximumLength)
        {
            return NumberReading.NotANumber;
        }

        var negative = cleaned[0] is '-' or '\u2212';
        if (negative)
        {
            cleaned = cleaned[1..].TrimStart();
        }

        var reading = ReadUnsigned(cleaned, culture, out value);
        if (reading != NumberReading.Valid)
        {
            return reading;
        }

        if (negative && value != 0)
        {
            value = -value;
            return NumberReading.Negative;
        }

        if (decimal.Round(value, decimals) != value)
        {
            return NumberReading.TooManyDecimals;
        }

        return value > maximum ? NumberReading.TooLarge : NumberReading.Valid;
    }

    /// <summary>Reads a whole number, zero or more, at most <paramref name="maximum"/>.</summary>
    public static NumberReading TryReadWhole(string? text, int maximum, out int value)
    {
        var reading = TryRead(text, CultureInfo.CurrentCulture, 0, maximum, out var number);
        value = reading == NumberReading.Valid ? (int)number : 0;
        return reading;
    }

    /// <summary>The amount written back into a form field so that it reads back the same in any culture.</summary>
    public static string ForInput(decimal? amount) => amount?.ToString("0.##", CultureInfo.InvariantCulture) ?? string.Empty;

    /// <summary>The amount as a field shows an example of it in the visitor's culture, like "1,234.56".</summary>
    public static string Example(decimal amount = 1234.56m) => amount.ToString("N2", CultureInfo.CurrentCulture);

    /// <summary>
    /// The message for a refused amount, naming the field (its label, lower case) and the form expected.
    /// Null when the reading is valid or empty (an empty required field is the validator's to report).
    /// </summary>
    public static string? AmountProblem(NumberReading reading, string field, string? typed, IStringLocalizer text) => reading switch
    {
        NumberReading.Valid or NumberReading.Empty => null,
        NumberReading.Ambiguous => text["The {0} \"{1}\" can be read in more than one way. Write it like {2}: {3} before the cents, and nothing or {4} between thousands.", field, typed ?? string.Empty, Example(), Separator(CultureInfo.CurrentCulture.NumberFormat.NumberDecimalSeparator, text), Separator(CultureInfo.CurrentCulture.NumberFormat.NumberGroupSeparator, text)].Value,
        NumberReading.Negative => text["The {0} cannot be negative.", field].Value,
        NumberReading.TooManyDecimals => text["Enter the {0} with at most two decimals (cents), like {1}.", field, Example()].Value,
        NumberReading.TooLarge => text["The {0} is too large.", field].Value,
        NumberReading.NotANumber => text["Enter the {0} in US dollars, like {1}.", field, Example()].Value,
    };

    private static string Separator(string separator, IStringLocalizer text) => separator switch
    {
        "." => text["a point"].Value,
        "," => text["a comma"].Value,
        _ when separator.Trim().Length == 0 => text["a space"].Value,
        _ => $"\"{separator}\"",
    };

    /// <summary>
    /// Arabic-Indic and Persian digits as 0–9, and without the invisible direction marks that text
    /// copied from a right-to-left page carries; the separators are left for the culture to read.
    /// </summary>
    private static string WesternDigits(string text)
    {
        var written = new System.Text.StringBuilder(text.Length);
        foreach (var c in text)
        {
            if (c is >= '\u0660' and <= '\u0669')
            {
                written.Append((char)('0' + (c - '\u0660')));
            }
            else if (c is >= '\u06F0' and <= '\u06F9')
            {
                written.Append((char)('0' + (c - '\u06F0')));
            }
            else if (c is not ('\u200E' or '\u200F' or '\u061C' or '\u2066' or '\u2067' or '\u2068' or '\u2069'))
            {
                written.Append(c);
            }
        }

        return written.ToString();
    }

    private static string StripCurrency(string text)
    {
        foreach (var prefix in new[] { "USD", "US$", "$" })
        {
            if (text.StartsWith(prefix, StringComparison.OrdinalIgnoreCase))
            {
                text = text[prefix.Length..].TrimStart();
            }
        }

        if (text.EndsWith("USD", StringComparison.OrdinalIgnoreCase))
        {
            text = text[..^3].TrimEnd();
        }

        return text;
    }

    private static NumberReading ReadUnsigned(string text, CultureInfo culture, out decimal value)
    {
        value = 0m;
        var format = culture.NumberFormat;
        var decimalSeparator = format.NumberDecimalSeparator;
        var groupSeparator = IsSpace(format.NumberGroupSeparator) ? " " : format.NumberGroupSeparator;
        var normalised = new string([.. text.Select(c => IsSpace(c.ToString()) ? ' ' : c)]);

        if (normalised.All(char.IsAsciiDigit))
        {
            return Parse(normalised, string.Empty, out value);
        }

        // Arabic separators (٫ before the decimals, ٬ between thousands) mean one thing in any language;
        // mixed with a point or a comma they no longer do.
        if (normalised.Contains(ArabicDecimalSeparator, StringComparison.Ordinal) || normalised.Contains(ArabicGroupSeparator, StringComparison.Ordinal))
        {
            return !normalised.Contains('.', StringComparison.Ordinal) && !normalised.Contains(',', StringComparison.Ordinal) && TrySplit(normalised, ArabicDecimalSeparator, ArabicGroupSeparator, out var arabicWhole, out var arabicFraction)
                ? Parse(arabicWhole, arabicFraction, out value)
                : LooksNumeric(normalised) ? NumberReading.Ambiguous : NumberReading.NotANumber;
        }

        // "1.234" where the point may separate thousands: a thousand and more, or one and a bit.
        var point = normalised.IndexOf('.', StringComparison.Ordinal);
        var plain = point > 0 && point == normalised.LastIndexOf('.') && normalised.Remove(point, 1).All(char.IsAsciiDigit);
        if (plain && PointMayGroup(culture) && normalised.Length - point - 1 == 3)
        {
            return NumberReading.Ambiguous;
        }

        // The culture's own way: one decimal separator, groups of three between group separators.
        if (TrySplit(normalised, decimalSeparator, groupSeparator, out var whole, out var fraction))
        {
            return Parse(whole, fraction, out value);
        }

        // The plain way the app writes numbers back into fields: digits, one point, digits.
        if (plain)
        {
            return Parse(normalised[..point], normalised[(point + 1)..], out value);
        }

        return LooksNumeric(normalised) ? NumberReading.Ambiguous : NumberReading.NotANumber;
    }

    /// <summary>
    /// True where people also write a point between thousands: every culture whose decimal separator is
    /// not the point, and Arabic, written with "1.234" for a thousand and more in the Maghreb.
    /// </summary>
    private static bool PointMayGroup(CultureInfo culture) =>
        culture.NumberFormat.NumberDecimalSeparator != "." || culture.TwoLetterISOLanguageName == "ar";

    private static bool TrySplit(string text, string decimalSeparator, string groupSeparator, out string whole, out string fraction)
    {
        whole = text;
        fraction = string.Empty;
        var at = text.IndexOf(decimalSeparator, StringComparison.Ordinal);
        if (at >= 0)
        {
            if (text.IndexOf(decimalSeparator, at + decimalSeparator.Length, StringComparison.Ordinal) >= 0)
            {
                return false;
            }

            whole = text[..at];
            fraction = text[(at + decimalSeparator.Length)..];
            if (fraction.Length == 0 || !fraction.All(char.IsAsciiDigit))
            {
                return false;
            }
        }

        if (whole.Length == 0)
        {
            return false;
        }

        if (whole.All(char.IsAsciiDigit))
        {
            return true;
        }

        var groups = whole.Split(groupSeparator);
        if (groups.Length < 2 || groups[0].Length is < 1 or > 3 || groups.Skip(1).Any(g => g.Length != 3) || !groups.All(g => g.All(char.IsAsciiDigit)))
        {
            return false;
        }

        whole = string.Concat(groups);
        return true;
    }

    private static NumberReading Parse(string whole, string fraction, out decimal value)
    {
        var digits = fraction.Length == 0 ? whole : $"{whole}.{fraction}";
        return decimal.TryParse(digits, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out value)
            ? NumberReading.Valid
            : NumberReading.TooLarge;
    }

    private static bool LooksNumeric(string text) =>
        text.Any(char.IsAsciiDigit) && text.All(c => char.IsAsciiDigit(c) || c is '.' or ',' or ' ' or '\'' or '\u066B' or '\u066C' or '\u060C');

    private static bool IsSpace(string separator) =>
        separator.Length == 1 && (char.IsWhiteSpace(separator[0]) || separator[0] is '\u00A0' or '\u202F');
}
