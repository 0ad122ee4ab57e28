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
}
