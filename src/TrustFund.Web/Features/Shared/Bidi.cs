using System.Text;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Html;

namespace TrustFund.Web.Features.Shared;

/// <summary>
/// Text set apart from the sentence around it, so that its own direction does not reorder that sentence:
/// a reference (UNVTF-2026-0042), an email address or an amount inside an Arabic sentence, or a Latin
/// organisation name on an Arabic page.
/// </summary>
public static class Bidi
{
    /// <summary>Always left to right, isolated: references, email addresses, amounts, numbers.</summary>
    public static IHtmlContent Ltr(string? text) =>
        string.IsNullOrEmpty(text) ? HtmlString.Empty : new HtmlString($"<bdi dir=\"ltr\">{HtmlEncoder.Default.Encode(text)}</bdi>");

    /// <summary>Isolated, in the direction of its first letter: names and titles people typed.</summary>
    public static IHtmlContent Auto(string? text) =>
        string.IsNullOrEmpty(text) ? HtmlString.Empty : new HtmlString($"<bdi>{HtmlEncoder.Default.Encode(text)}</bdi>");

    /// <summary>
    /// A sentence already written in the reader's language that quotes names people typed (a screening
    /// gate's evidence naming the organisation and its account holder), each quoted name isolated as
    /// <see cref="Auto"/> does.
    /// </summary>
    public static IHtmlContent Quoting(string? text, params string?[] names)
    {
        if (string.IsNullOrEmpty(text))
        {
            return HtmlString.Empty;
        }

        var quoted = names.Where(n => !string.IsNullOrEmpty(n)).Select(n => n!).Distinct(StringComparer.Ordinal).OrderByDescending(n => n.Length).ToList();
        var html = new StringBuilder();
        var plain = 0;
        var at = 0;
        while (at < text.Length)
        {
            var name = quoted.FirstOrDefault(n => string.CompareOrdinal(text, at, n, 0, n.Length) == 0);
            if (name is null)
            {
                at++;
                continue;
            }

            html.Append(HtmlEncoder.Default.Encode(text[plain..at])).Append("<bdi>").Append(HtmlEncoder.Default.Encode(name)).Append("</bdi>");
            at += name.Length;
            plain = at;
        }

        return new HtmlString(html.Append(HtmlEncoder.Default.Encode(text[plain..])).ToString());
    }
}
