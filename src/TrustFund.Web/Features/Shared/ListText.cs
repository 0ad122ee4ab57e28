using System.Globalization;
using Microsoft.AspNetCore.Html;
using TrustFund.Application.Email;

namespace TrustFund.Web.Features.Shared;

/// <summary>
/// A list shown to people (countries, languages, forms of exploitation, names), its items separated the way
/// the reader's language writes an enumeration: "Nigeria، Ghana" in Arabic, "Nigeria, Ghana" otherwise.
/// </summary>
public static class ListText
{
    /// <summary>The items in the reader's language's list form.</summary>
    public static string Join(IEnumerable<string> items) =>
        string.Join(EmailList.Separator(CultureInfo.CurrentUICulture), items);

    /// <summary>
    /// Items that may hold commas themselves (conditions, findings, groups of beneficiaries), separated by
    /// semicolons as the reader's language writes them: "a ; b" in French, "a؛ b" in Arabic.
    /// </summary>
    public static string JoinGroups(IEnumerable<string> items) =>
        string.Join(Hosting.Catalogue.Text("; "), items);

    /// <summary>Items already made into HTML (names set apart with <see cref="Bidi"/>), separated as <see cref="Join(IEnumerable{string})"/> does.</summary>
    public static IHtmlContent Join(IEnumerable<IHtmlContent> items) =>
        Join(items, EmailList.Separator(CultureInfo.CurrentUICulture));

    /// <summary>Items already made into HTML that may hold commas themselves, separated as <see cref="JoinGroups(IEnumerable{string})"/> does.</summary>
    public static IHtmlContent JoinGroups(IEnumerable<IHtmlContent> items) =>
        Join(items, Hosting.Catalogue.Text("; "));

    private static HtmlContentBuilder Join(IEnumerable<IHtmlContent> items, string separator)
    {
        var list = new HtmlContentBuilder();
        var first = true;
        foreach (var item in items)
        {
            if (!first)
            {
                list.Append(separator);
            }

            list.AppendHtml(item);
            first = false;
        }

        return list;
    }
}
