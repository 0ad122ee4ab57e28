using System.Collections.Concurrent;
using System.Globalization;
using System.Resources;
using System.Text;

namespace TrustFund.Web.Hosting;

/// <summary>
/// The one translation catalogue of the application: <c>Resources/SharedResource.&lt;culture&gt;.resx</c>,
/// keyed by the English text. A key without a translation is shown in English. The pseudo-localization
/// culture (Development only) accents and lengthens every text instead of translating it.
/// </summary>
public static class Catalogue
{
    /// <summary>The pseudo-localization culture: every text accented, lengthened and bracketed.</summary>
    public const string PseudoCulture = "qps-ploc";

    /// <summary>The base name of the catalogue's embedded resources.</summary>
    public const string BaseName = "TrustFund.Web.Resources.SharedResource";

    private static readonly ResourceManager Resources = new(BaseName, typeof(Catalogue).Assembly);

    private static readonly ConcurrentDictionary<string, ResourceSet?> Sets = new(StringComparer.Ordinal);

    // Each letter of Plain is written as the letter at the same place in Accented.
    private const string Plain = "abcdefghijklmnoprstuwyzACDEINOSUYZ";
    private const string Accented = "áƀçðéƒĝĥíĵķĺɱñöþŕšţüŵýžÅÇÐÉÎÑÖŠÜÝŽ";

    /// <summary>Whether <paramref name="culture"/> is the pseudo-localization culture.</summary>
    public static bool IsPseudo(CultureInfo culture) =>
        string.Equals(culture.Name, PseudoCulture, StringComparison.OrdinalIgnoreCase);

    /// <summary>The text of <paramref name="key"/> in the current UI culture; its English when it has no translation.</summary>
    public static string Text(string key) => Find(key, CultureInfo.CurrentUICulture) ?? English(key);

    /// <summary>
    /// The English text of a key. A key may start with a context ending in '|' ("report status|Submitted",
    /// "plural few|{0} applications"), so that one English word used for different nouns gets the form
    /// each noun asks for in other languages; the English shown is the part after the '|'.
    /// </summary>
    public static string English(string key) => key.IndexOf('|', StringComparison.Ordinal) is var bar and >= 0 ? key[(bar + 1)..] : key;

    /// <summary>
    /// The translation of <paramref name="key"/> in <paramref name="culture"/> (or its parent culture),
    /// or null when there is none. Resource names are case-insensitive, so two keys that differ only in
    /// case ("Amount requested", "amount requested") share one entry: the lower-case key gets the
    /// translation with its first letter lower-cased.
    /// </summary>
    public static string? Find(string key, CultureInfo culture)
    {
        if (IsPseudo(culture))
        {
            return Pseudo(English(key));
        }

        for (var c = culture; c.Name.Length > 0; c = c.Parent)
        {
            if (SetOf(c) is not { } set)
            {
                continue;
            }

            if (set.GetString(key) is { Length: > 0 } exact)
            {
                return exact;
            }

            if (set.GetString(key, ignoreCase: true) is { Length: > 0 } other)
            {
                return key.Length > 0 && char.IsLower(key[0]) && char.IsUpper(other[0])
                    ? char.ToLower(other[0], c) + other[1..]
                    : other;
            }
        }

        return null;
    }

    // English has no resources of its own (the key is the text): looking it up finds no set, once.
    private static ResourceSet? SetOf(CultureInfo culture) =>
        Sets.GetOrAdd(culture.Name, _ =>
        {
            try
            {
                return Resources.GetResourceSet(culture, createIfNotExists: true, tryParents: false);
            }
            catch (MissingManifestResourceException)
            {
                return null;
            }
        });

    /// <summary>
    /// "Save" → "[Šávé ··]": letters accented, about 40% longer, bracketed, while placeholders
    /// (<c>{0}</c>, <c>{1:N0}</c>) and markup (<c>&lt;strong&gt;</c>) stay as they are.
    /// </summary>
    public static string Pseudo(string text)
    {
        var result = new StringBuilder(text.Length * 2);
        result.Append('[');
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            var close = c switch { '{' => '}', '<' => '>', _ => '\0' };
            if (close != '\0' && text.IndexOf(close, i) is var end and > 0 && end - i < 40)
            {
                result.Append(text, i, end - i + 1);
                i = end;
                continue;
            }

            result.Append(Plain.IndexOf(c, StringComparison.Ordinal) is var at and >= 0 ? Accented[at] : c);
        }

        var padding = (int)Math.Ceiling(text.Length * 0.4);
        if (padding > 0)
        {
            result.Append(' ').Append('·', padding);
        }

        return result.Append(']').ToString();
    }
}
