using System.Globalization;
using TrustFund.Application.Common;
using TrustFund.Web.Hosting;

namespace TrustFund.Web.Features.Shared;

/// <summary>A count with its words in the reader's language, in the form the language gives that count (see <see cref="Plural"/>).</summary>
public static class Counted
{
    /// <summary>"1 application", "3 demandes", "11 طلبًا": <paramref name="one"/> and <paramref name="other"/> are the English forms, <c>{0}</c> the count.</summary>
    public static string Text(long count, string one, string other)
    {
        var language = CultureInfo.CurrentUICulture;
        var pattern = Catalogue.Find(Plural.Key(Plural.CategoryOf(language, count), other), language) ?? (count == 1 ? one : other);
        return string.Format(CultureInfo.CurrentCulture, pattern, count.ToString("N0", CultureInfo.CurrentCulture));
    }
}
