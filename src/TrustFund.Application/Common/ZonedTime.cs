using System.Globalization;

namespace TrustFund.Application.Common;

/// <summary>Shows UTC instants as the wall-clock time of a named time zone (deadlines are instants with a zone).</summary>
public static class ZonedTime
{
    /// <summary>The zone with this IANA name, or UTC when the server does not know it.</summary>
    public static TimeZoneInfo Zone(string? zoneId) =>
        !string.IsNullOrWhiteSpace(zoneId) && TimeZoneInfo.TryFindSystemTimeZoneById(zoneId.Trim(), out var zone) ? zone : TimeZoneInfo.Utc;

    /// <summary>The wall-clock time in the zone.</summary>
    public static DateTime ToLocal(DateTime utc, string? zoneId) =>
        TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), Zone(zoneId));

    /// <summary>
    /// "28 February 2026, 23:59 (Europe/Vienna, UTC+01:00)" in <paramref name="culture"/>. In a right-to-left
    /// language the bracketed zone is one left-to-right unit (between U+2066 and U+2069), so that its
    /// brackets are not turned around the Arabic date.
    /// </summary>
    public static string Describe(DateTime utc, string? zoneId, CultureInfo culture)
    {
        var zone = Zone(zoneId);
        var instant = DateTime.SpecifyKind(utc, DateTimeKind.Utc);
        var local = TimeZoneInfo.ConvertTimeFromUtc(instant, zone);
        var offset = zone.GetUtcOffset(instant);
        var sign = offset < TimeSpan.Zero ? "-" : "+";
        var zoned = string.Create(CultureInfo.InvariantCulture, $"({zone.Id}, UTC{sign}{offset:hh\\:mm})");
        return local.ToString("d MMMM yyyy, HH:mm", culture) + " " + (culture.TextInfo.IsRightToLeft ? "\u2066" + zoned + "\u2069" : zoned);
    }

    /// <summary>Machine-readable UTC instant, as audit summaries and <c>&lt;time datetime&gt;</c> use it.</summary>
    public static string Iso(DateTime utc) => DateTime.SpecifyKind(utc, DateTimeKind.Utc).ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
}
