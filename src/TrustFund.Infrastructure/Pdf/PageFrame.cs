using System.Globalization;
using System.Net;
using TrustFund.Application.Common;
using TrustFund.Application.Documents;

namespace TrustFund.Infrastructure.Pdf;

/// <summary>
/// The header and footer Chromium prints on every page: the document's title and reference above; when
/// it was generated (UTC and the fund's time zone) and "Page n of N" below. Chromium fills the
/// <c>pageNumber</c> and <c>totalPages</c> spans itself; the templates have no access to the page's styles.
/// </summary>
public static class PageFrame
{
    private const string Style = "font-family: 'Noto Sans', 'Noto Sans CJK SC', 'Noto Sans Arabic', sans-serif; font-size: 8pt; color: #444; width: 100%; margin: 0 12mm; display: flex; justify-content: space-between; gap: 8mm;";

    public static string Header(PdfDocumentRequest request) =>
        $"<div style=\"{Style}\"><span dir=\"auto\">{Encode(request.Title)}</span><span dir=\"auto\">{Encode(request.Reference ?? string.Empty)}</span></div>";

    public static string Footer(PdfDocumentRequest request, string timeZone) =>
        $"<div style=\"{Style}\"><span>Generated {Encode(Generated(request.Generated, timeZone))}</span>"
        + "<span>Page <span class=\"pageNumber\"></span> of <span class=\"totalPages\"></span></span></div>";

    /// <summary>"6 December 2026, 20:15 UTC (21:15 Europe/Vienna)".</summary>
    public static string Generated(DateTimeOffset generated, string timeZone)
    {
        var utc = generated.UtcDateTime;
        var zone = ZonedTime.Zone(timeZone);
        var text = utc.ToString("d MMMM yyyy, HH:mm", CultureInfo.InvariantCulture) + " UTC";
        if (zone.Id != TimeZoneInfo.Utc.Id)
        {
            var local = TimeZoneInfo.ConvertTimeFromUtc(utc, zone);
            text += string.Create(CultureInfo.InvariantCulture, $" ({local:HH:mm} {zone.Id})");
        }

        return text;
    }

    private static string Encode(string text) => WebUtility.HtmlEncode(text);
}
