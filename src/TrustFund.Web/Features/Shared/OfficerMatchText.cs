using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Mvc.Localization;
using TrustFund.Domain.Reviews;

namespace TrustFund.Web.Features.Shared;

/// <summary>
/// The board members and senior officers a reviewer matches, worded in the reader's language ("Mei Lin
/// (Board member) : même adresse électronique"): the name and position stay as the organisation typed
/// them, each set apart with <see cref="Bidi.Auto"/>; only what matched and the punctuation are translated.
/// </summary>
public static class OfficerMatchText
{
    /// <summary>The matches, separated by the semicolon of the reader's language.</summary>
    public static IHtmlContent Html(IEnumerable<OfficerMatch> matches, IHtmlLocalizer text)
    {
        ArgumentNullException.ThrowIfNull(matches);
        ArgumentNullException.ThrowIfNull(text);
        return ListText.JoinGroups(matches.Select(m => Html(m, text)));
    }

    /// <summary>One match in the reader's language.</summary>
    public static IHtmlContent Html(OfficerMatch match, IHtmlLocalizer text)
    {
        ArgumentNullException.ThrowIfNull(match);
        ArgumentNullException.ThrowIfNull(text);
        var described = match.Describe();
        return text[described.Template, [.. described.Arguments.Select(a => Bidi.Auto(a as string))]];
    }

    /// <summary>A match recorded as an English sentence before matches were kept as such, shown as recorded and marked as English.</summary>
    public static IHtmlContent Recorded(string? match) =>
        string.IsNullOrEmpty(match) ? HtmlString.Empty : new HtmlString($"<span lang=\"en\" dir=\"ltr\">{System.Text.Encodings.Web.HtmlEncoder.Default.Encode(match)}</span>");
}
