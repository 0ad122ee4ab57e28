using System.Globalization;
using Humanizer;
using TrustFund.Domain.Common;

namespace TrustFund.Web.Features.Shared;

/// <summary>
/// An amount of US dollars written out in the reader's language, as award letters and payment
/// statements state it beside the figures. English keeps the domain's own wording; French, Spanish
/// and Arabic number words come from Humanizer, with the currency agreeing with the number; cents are
/// given in figures in every language, as cheques and agreements write them.
/// </summary>
public static class AmountWords
{
    /// <summary>"quarante-deux mille cinq cents dollars des États-Unis et 50 cents", "فقط خمسون ألف دولار أمريكي لا غير".</summary>
    public static string Usd(decimal amount, CultureInfo culture)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(amount);
        if (decimal.Round(amount, 2) != amount)
        {
            throw new ArgumentException("Amounts have at most two decimals (cents).", nameof(amount));
        }

        var dollars = (long)decimal.Truncate(amount);
        var cents = (int)((amount - dollars) * 100);
        return culture.TwoLetterISOLanguageName switch
        {
            "fr" => French(dollars, cents),
            "es" => Spanish(dollars, cents),
            "ar" => Arabic(dollars, cents),
            _ => AmountInWords.Usd(amount),
        };
    }

    private static string French(long dollars, int cents)
    {
        var words = dollars.ToWords(new CultureInfo("fr"));
        // "un million de dollars", but "un million deux cents dollars".
        var of = words.EndsWith("million", StringComparison.Ordinal) || words.EndsWith("millions", StringComparison.Ordinal)
            || words.EndsWith("milliard", StringComparison.Ordinal) || words.EndsWith("milliards", StringComparison.Ordinal) ? "de " : string.Empty;
        var text = $"{words} {of}{(dollars <= 1 ? "dollar des États-Unis" : "dollars des États-Unis")}";
        return cents == 0 ? text : string.Create(CultureInfo.InvariantCulture, $"{text} et {cents} {(cents == 1 ? "cent" : "cents")}");
    }

    private static string Spanish(long dollars, int cents)
    {
        var words = dollars.ToWords(new CultureInfo("es"));
        // Before a noun "uno" drops its last letter: "un dólar", "veintiún dólares", "treinta y un dólares".
        if (words.EndsWith("veintiuno", StringComparison.Ordinal))
        {
            words = words[..^"veintiuno".Length] + "veintiún";
        }
        else if (words == "uno" || words.EndsWith(" uno", StringComparison.Ordinal))
        {
            words = words[..^"uno".Length] + "un";
        }

        var of = words.EndsWith("millón", StringComparison.Ordinal) || words.EndsWith("millones", StringComparison.Ordinal) ? "de " : string.Empty;
        var text = $"{words} {of}{(dollars == 1 ? "dólar estadounidense" : "dólares estadounidenses")}";
        return cents == 0 ? text : string.Create(CultureInfo.InvariantCulture, $"{text} con {cents} {(cents == 1 ? "centavo" : "centavos")}");
    }

    /// <summary>
    /// The formula Arabic cheques and contracts use, "فقط … دولار أمريكي لا غير" ("only … US dollars,
    /// nothing more"), which keeps the currency's name invariant whatever the number. Humanizer's words
    /// are joined the written way: the conjunction "و" attached to the word it precedes, and "مئتا"
    /// before a counted thousand.
    /// </summary>
    private static string Arabic(long dollars, int cents)
    {
        var words = dollars.ToWords(new CultureInfo("ar")).Replace("و ", "و", StringComparison.Ordinal).Replace("مئتان ألف", "مئتا ألف", StringComparison.Ordinal);
        // The counted noun follows the number: 1 and 2 "سنت", 3 to 10 "سنتات", 11 to 99 "سنتاً".
        var centsText = cents switch
        {
            0 => string.Empty,
            <= 2 => string.Create(CultureInfo.InvariantCulture, $" و{cents} سنت"),
            <= 10 => string.Create(CultureInfo.InvariantCulture, $" و{cents} سنتات"),
            _ => string.Create(CultureInfo.InvariantCulture, $" و{cents} سنتاً"),
        };
        return $"فقط {words} دولار أمريكي{centsText} لا غير";
    }
}
