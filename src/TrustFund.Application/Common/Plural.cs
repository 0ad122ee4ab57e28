using System.Globalization;
using Microsoft.Extensions.Localization;

namespace TrustFund.Application.Common;

/// <summary>The CLDR plural categories a language chooses a counted word's form by.</summary>
public enum PluralCategory
{
    Zero,
    One,
    Two,
    Few,
    Many,
    Other,
}

/// <summary>
/// Counted words in the reader's language. English has one form for 1 and another for every other
/// count; French and Spanish choose between "one" and "other", Arabic between six forms (CLDR plural
/// rules). Each form is a catalogue key: the English plural text prefixed with its category
/// ("plural few|{0} applications"); the English forms are given by the code.
/// </summary>
public static class Plural
{
    /// <summary>The prefix of the catalogue key of a category's form: "plural few|".</summary>
    public static string Prefix(PluralCategory category) => "plural " + category.ToString().ToLowerInvariant() + "|";

    /// <summary>The catalogue key of the form of <paramref name="other"/> (the English plural text) for <paramref name="category"/>.</summary>
    public static string Key(PluralCategory category, string other) => Prefix(category) + other;

    /// <summary>The categories a language's translations must give (CLDR, integers only).</summary>
    public static IReadOnlyList<PluralCategory> CategoriesOf(CultureInfo culture) => culture.TwoLetterISOLanguageName switch
    {
        "ar" => [PluralCategory.Zero, PluralCategory.One, PluralCategory.Two, PluralCategory.Few, PluralCategory.Many, PluralCategory.Other],
        _ => [PluralCategory.One, PluralCategory.Other],
    };

    /// <summary>The CLDR plural category of the whole number <paramref name="count"/> in <paramref name="culture"/>'s language.</summary>
    public static PluralCategory CategoryOf(CultureInfo culture, long count)
    {
        var n = Math.Abs(count);
        switch (culture.TwoLetterISOLanguageName)
        {
            case "ar":
                var last = n % 100;
                return n switch
                {
                    0 => PluralCategory.Zero,
                    1 => PluralCategory.One,
                    2 => PluralCategory.Two,
                    _ when last is >= 3 and <= 10 => PluralCategory.Few,
                    _ when last is >= 11 and <= 99 => PluralCategory.Many,
                    _ => PluralCategory.Other,
                };
            case "fr":
                // i = 0,1: zero and one take the singular in French.
                return n <= 1 ? PluralCategory.One : PluralCategory.Other;
            default:
                return n == 1 ? PluralCategory.One : PluralCategory.Other;
        }
    }

    /// <summary>
    /// <paramref name="count"/> with its words in <paramref name="culture"/>'s language: the form of
    /// the count's category, with <c>{0}</c> the count written in the culture ("1 234 demandes").
    /// English (and a language without the form) takes <paramref name="one"/> or <paramref name="other"/>.
    /// </summary>
    public static string Format(IStringLocalizer text, CultureInfo culture, long count, string one, string other)
    {
        var form = text[Key(CategoryOf(culture, count), other)];
        var pattern = form.ResourceNotFound ? (count == 1 ? one : other) : form.Value;
        return string.Format(culture, pattern, count.ToString("N0", culture));
    }
}
