using System.Globalization;

namespace TrustFund.Application.Common;

/// <summary>How the fund writes numbers and dates in each of its languages.</summary>
public static class FundCulture
{
    /// <summary>
    /// The culture as the fund writes numbers and dates in it, on its pages and in its emails. Arabic
    /// keeps its words (month and day names) but writes amounts like "USD 50,000.00" (Western digits, a point before the cents, commas
    /// between thousands, a plain minus), as the fund's accounts and donors do, and dates in the Gregorian
    /// calendar whatever the country's own calendar (Um Al-Qura in Saudi Arabia). Other cultures are
    /// returned as they are.
    /// </summary>
    public static CultureInfo Of(CultureInfo culture)
    {
        if (culture.TwoLetterISOLanguageName == "es")
        {
            return Spanish(culture);
        }

        if (culture.TwoLetterISOLanguageName != "ar")
        {
            return culture;
        }

        var tailored = (CultureInfo)culture.Clone();
        var numbers = tailored.NumberFormat;
        numbers.NumberDecimalSeparator = numbers.CurrencyDecimalSeparator = numbers.PercentDecimalSeparator = ".";
        numbers.NumberGroupSeparator = numbers.CurrencyGroupSeparator = numbers.PercentGroupSeparator = ",";
        numbers.NegativeSign = "-";
        numbers.PositiveSign = "+";
        numbers.PercentSymbol = "%";
        numbers.PerMilleSymbol = "‰";
        numbers.CurrencySymbol = "USD";
        numbers.NativeDigits = ["0", "1", "2", "3", "4", "5", "6", "7", "8", "9"];
        numbers.DigitSubstitution = DigitShapes.None;
        if (tailored.OptionalCalendars.OfType<GregorianCalendar>().FirstOrDefault() is { } gregorian)
        {
            tailored.DateTimeFormat.Calendar = gregorian;
        }

        return CultureInfo.ReadOnly(tailored);
    }

    /// <summary>
    /// Spanish joins a day, its month and its year with "de": "2 de marzo de 2026". Every date the fund
    /// writes has the day before the month ("d MMMM yyyy", with or without a time), the case .NET writes
    /// with the month's genitive name, so the genitive names carry the two "de"s and every such format,
    /// on pages, in emails and in PDFs, reads as Spanish writes it. A month without a day ("MMMM yyyy")
    /// keeps its plain name.
    /// </summary>
    private static CultureInfo Spanish(CultureInfo culture)
    {
        var tailored = (CultureInfo)culture.Clone();
        tailored.DateTimeFormat.MonthGenitiveNames = [.. tailored.DateTimeFormat.MonthNames.Select(m => m.Length == 0 ? m : $"de {m} de")];
        return CultureInfo.ReadOnly(tailored);
    }
}
