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

    /// <summary>"28 February 2026, 23:59 (Europe/Vienna, UTC+01:00)" in <paramref name="culture"/>.</summary>
    public static string Describe(DateTime utc, string? zoneId, CultureInfo culture)
    {
        var zone = Zone(zoneId);
        var instant = DateTime.SpecifyKind(utc, DateTimeKind.Utc);
        var local = TimeZoneInfo.ConvertTimeFromUtc(instant, zone);
        var offset = zone.GetUtcOffset(instant);
        var sign = offset < TimeSpan.Zero ? "-" : "+";
        return string.Create(culture, $"{local.ToString("d MMMM yyyy, HH:mm", culture)} ({zone.Id}, UTC{sign}{offset:hh\\:mm})");
    }

    /// <summary>Machine-readable UTC instant, as audit summaries and <c>&lt;time datetime&gt;</c> use it.</summary>
    public static string Iso(DateTime utc) => DateTime.SpecifyKind(utc, DateTimeKind.Utc).ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
}
