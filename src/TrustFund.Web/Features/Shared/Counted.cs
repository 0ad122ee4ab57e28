using System.Globalization;
using TrustFund.Application.Common;
using TrustFund.Web.Hosting;

namespace TrustFund.Web.Features.Shared;

/// <summary>A count with its words in the reader's language, in the form the language gives that count (see <see cref="Plural"/>).</summary>
public static class Counted
{
    /// <summary>"1 application", "3 demandes", "11 طلبًا": <paramref name="one"/> and <paramref name="other"/> are the English forms, <c>{0}</c> the count.</summary>
    public static string Text(long count, string one, string other) => Text(count, one, other, []);

    /// <summary>
    /// A sentence whose form follows <paramref name="count"/> (<c>{0}</c>) and which carries more
    /// arguments (<c>{1}</c>, <c>{2}</c>...), already in the reader's language.
    /// </summary>
    public static string Text(long count, string one, string other, params object?[] arguments)
    {
        var language = CultureInfo.CurrentUICulture;
        var pattern = Catalogue.Find(Plural.Key(Plural.CategoryOf(language, count), other), language) ?? (count == 1 ? one : other);
        return string.Format(CultureInfo.CurrentCulture, pattern, [count.ToString("N0", CultureInfo.CurrentCulture), .. arguments]);
    }
}
