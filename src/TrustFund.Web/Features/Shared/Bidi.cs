using System.Globalization;
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
    /// A name, title or email address where no markup can go (an <c>&lt;option&gt;</c>'s text, the page's
    /// <c>&lt;title&gt;</c>): on a right-to-left page between U+2068 FIRST STRONG ISOLATE and U+2069 POP
    /// DIRECTIONAL ISOLATE, as <c>&lt;bdi&gt;</c> would set it apart; unchanged on a left-to-right page.
    /// Never for a value that is posted back and stored (an option's value).
    /// </summary>
    public static string Isolated(string? text) =>
        string.IsNullOrEmpty(text) ? string.Empty : IsRightToLeft ? "\u2068" + text + "\u2069" : text;

    /// <summary>
    /// Text prefilled in a box people may post back (a screening gate's comment), each of
    /// <paramref name="names"/> it quotes isolated as <see cref="Isolated"/> does (unless already isolated, as the
    /// catalogue isolates a sentence's arguments on a right-to-left page); <see cref="WithoutIsolates"/>
    /// takes the marks out again when the box is posted.
    /// </summary>
    public static string IsolatingNames(string? text, params string?[] names)
    {
        if (string.IsNullOrEmpty(text) || !IsRightToLeft)
        {
            return text ?? string.Empty;
        }

        var quoted = names.Where(n => !string.IsNullOrEmpty(n)).Select(n => n!).Distinct(StringComparer.Ordinal).OrderByDescending(n => n.Length).ToList();
        var isolated = new StringBuilder();
        var at = 0;
        while (at < text.Length)
        {
            var name = quoted.FirstOrDefault(n => string.CompareOrdinal(text, at, n, 0, n.Length) == 0);
            if (name is null || (at > 0 && text[at - 1] == '\u2068'))
            {
                isolated.Append(text[at]);
                at++;
                continue;
            }

            isolated.Append('\u2068').Append(name).Append('\u2069');
            at += name.Length;
        }

        return isolated.ToString();
    }

    /// <summary>Posted text without the isolate marks <see cref="IsolatingNames"/> put into a prefilled box.</summary>
    public static string? WithoutIsolates(string? text) =>
        text?.Replace("\u2068", string.Empty, StringComparison.Ordinal).Replace("\u2069", string.Empty, StringComparison.Ordinal);

    private static bool IsRightToLeft => CultureInfo.CurrentUICulture.TextInfo.IsRightToLeft;

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
