using System.Globalization;
using Microsoft.Extensions.Localization;
using TrustFund.Domain.Common;
using TrustFund.Domain.Places;

namespace TrustFund.Application.Email;

/// <summary>
/// A catalogue text put into an email ("approved", "Note: {0}"), translated into the email's language, with its
/// own arguments (isolated in a right-to-left language, see <see cref="EmailIsolation"/>).
/// </summary>
public sealed record EmailText(string Key, params object?[] Arguments) : ILocalizedText
{
    public string Write(IStringLocalizer text, CultureInfo culture) =>
        Arguments.Length == 0 ? text[Key].Value : string.Format(culture, text[Key].Value, [.. Arguments.Select(a => EmailIsolation.Argument(a, Written(a, text, culture), culture))]);

    /// <summary>
    /// An argument as the email's language writes it: a part that writes itself, an amount as
    /// "USD 1 234,50" (the currency always named), a day as "31 mars 2026"; anything else as it is.
    /// </summary>
    public static object? Written(object? argument, IStringLocalizer text, CultureInfo culture) => argument switch
    {
        ILocalizedText part => part.Write(text, culture),
        Money amount => amount.ToString(culture),
        DateOnly day => day.ToString("d MMMM yyyy", culture),
        _ => argument,
    };
}

/// <summary>A list of parts, each written in the email's language, joined the language's way: "a, b and c", "a, b et c", "a، b وc".</summary>
public sealed record EmailList(IReadOnlyList<object> Items) : ILocalizedText
{
    public string Write(IStringLocalizer text, CultureInfo culture) =>
        Join([.. Items.Select(i => Convert.ToString(EmailText.Written(i, text, culture), culture) ?? string.Empty)], culture);

    /// <summary>Joins <paramref name="items"/> as a sentence of <paramref name="culture"/>'s language does (CLDR "standard" list patterns).</summary>
    public static string Join(IReadOnlyList<string> items, CultureInfo culture)
    {
        var and = culture.TwoLetterISOLanguageName switch
        {
            "fr" => " et ",
            "es" => " y ",
            "ar" => " و",
            _ => " and ",
        };
        return items.Count switch
        {
            0 => string.Empty,
            1 => items[0],
            _ => string.Join(Separator(culture), items.Take(items.Count - 1)) + and + items[^1],
        };
    }

    /// <summary>What stands between two items of a list in <paramref name="culture"/>'s language: "، " in Arabic, ", " otherwise.</summary>
    public static string Separator(CultureInfo culture) => culture.TwoLetterISOLanguageName == "ar" ? "، " : ", ";
}

/// <summary>A country (ISO 3166 alpha-3 code) named in the email's language from the UN M49 names; the code itself when unknown.</summary>
public sealed record EmailCountry(string? Iso3) : ILocalizedText
{
    public string Write(IStringLocalizer text, CultureInfo culture) => Countries.NameOf(Iso3, culture.TwoLetterISOLanguageName);
}

/// <summary>A count with its words in the form the email's language gives that count (see <see cref="Common.Plural"/>).</summary>
public sealed record EmailCount(long Count, string One, string Other) : ILocalizedText
{
    public string Write(IStringLocalizer text, CultureInfo culture) => Common.Plural.Format(text, culture, Count, One, Other);
}

/// <summary>Parts written in the email's language, one a line.</summary>
public sealed record EmailLines(IReadOnlyList<object> Lines) : ILocalizedText
{
    public string Write(IStringLocalizer text, CultureInfo culture) =>
        string.Join("\n", Lines.Select(l => Convert.ToString(EmailText.Written(l, text, culture), culture)));
}
