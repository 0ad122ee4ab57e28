using System.Globalization;
using System.Net;
using TrustFund.Application.Common;
using TrustFund.Application.Documents;

namespace TrustFund.Infrastructure.Pdf;

/// <summary>
/// The header and footer Chromium prints on every page: the document's title and reference above; when
/// it was generated (UTC and the fund's time zone) and "Page n of N" below. Chromium fills the
/// <c>pageNumber</c> and <c>totalPages</c> spans itself; the templates have no access to the page's styles.
/// The words are the reader's (<see cref="PageFrameWords"/>); in a right-to-left language the frame is
/// mirrored and the moment, written with Latin digits and a zone name, is isolated so it reads in order.
/// </summary>
public static class PageFrame
{
    private const string Style = "font-family: 'Noto Sans', 'Noto Sans CJK SC', 'Noto Sans Arabic', sans-serif; font-size: 8pt; color: #444; width: 100%; margin: 0 12mm; display: flex; justify-content: space-between; gap: 8mm;";

    private const string PageNumber = "\u0001";
    private const string TotalPages = "\u0002";

    public static string Header(PdfDocumentRequest request) =>
        $"<div style=\"{Style} direction: {Direction(request)};\"><span dir=\"auto\">{Encode(request.Title)}</span><span dir=\"ltr\">{Encode(request.Reference ?? string.Empty)}</span></div>";

    public static string Footer(PdfDocumentRequest request, string timeZone)
    {
        var words = request.Frame ?? PageFrameWords.English;
        var moment = Generated(request.Generated, timeZone, words.Culture);
        var pages = Encode(string.Format(words.Culture, words.PageOf, PageNumber, TotalPages))
            .Replace(PageNumber, "<span class=\"pageNumber\"></span>", StringComparison.Ordinal)
            .Replace(TotalPages, "<span class=\"totalPages\"></span>", StringComparison.Ordinal);
        return $"<div style=\"{Style} direction: {Direction(request)};\"><span>{Encode(string.Format(words.Culture, words.Generated, moment))}</span><span>{pages}</span></div>";
    }

    /// <summary>
    /// "6 December 2026, 20:15 UTC (21:15 Europe/Vienna)"; "6 décembre 2026, 20:15 UTC (21:15 Europe/Vienna)"
    /// in French. In a right-to-left language the day reads in the page's direction, followed by the
    /// times isolated left to right: digits next to an Arabic month name would otherwise be reordered.
    /// </summary>
    public static string Generated(DateTimeOffset generated, string timeZone, CultureInfo? culture = null)
    {
        culture ??= CultureInfo.InvariantCulture;
        var utc = generated.UtcDateTime;
        var zone = ZonedTime.Zone(timeZone);
        var times = string.Create(CultureInfo.InvariantCulture, $"{utc:HH:mm} UTC");
        if (zone.Id != TimeZoneInfo.Utc.Id)
        {
            var local = TimeZoneInfo.ConvertTimeFromUtc(utc, zone);
            times += string.Create(CultureInfo.InvariantCulture, $" ({local:HH:mm} {zone.Id})");
        }

        var day = utc.ToString("d MMMM yyyy", culture);
        return culture.TextInfo.IsRightToLeft ? $"{day}، \u2066{times}\u2069" : $"{day}, {times}";
    }

    private static string Direction(PdfDocumentRequest request) => request.Frame?.RightToLeft == true ? "rtl" : "ltr";

    private static string Encode(string text) => WebUtility.HtmlEncode(text);
}
