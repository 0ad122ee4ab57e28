using System.Globalization;

namespace TrustFund.Web.Features.Calls;

/// <summary>Converts between a call's UTC instants and the wall-clock time in the call's IANA time zone.</summary>
public static class CallTimes
{
    /// <summary>The format of an HTML <c>datetime-local</c> input.</summary>
    public const string LocalInputFormat = "yyyy-MM-dd'T'HH:mm";

    public const string DateInputFormat = "yyyy-MM-dd";

    private static readonly string[] LocalFormats = ["yyyy-MM-dd'T'HH:mm", "yyyy-MM-dd'T'HH:mm:ss", "yyyy-MM-dd HH:mm", "yyyy-MM-dd HH:mm:ss"];

    /// <summary>Time zones offered in forms: IANA names known to this server, by name.</summary>
    public static IReadOnlyList<TimeZoneInfo> Zones { get; } = TimeZoneInfo.GetSystemTimeZones()
        .Where(z => z.Id.Contains('/', StringComparison.Ordinal) && !z.Id.StartsWith("Etc/", StringComparison.Ordinal) && !z.Id.StartsWith("SystemV/", StringComparison.Ordinal))
        .Append(TimeZoneInfo.Utc)
        .DistinctBy(z => z.Id)
        .OrderBy(z => z.Id, StringComparer.Ordinal)
        .ToList();

    public static TimeZoneInfo? FindZone(string? id) =>
        !string.IsNullOrWhiteSpace(id) && TimeZoneInfo.TryFindSystemTimeZoneById(id.Trim(), out var zone) ? zone : null;

    public static bool TryReadLocal(string? text, out DateTime local) =>
        DateTime.TryParseExact(text?.Trim(), LocalFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out local);

    public static bool TryReadDate(string? text, out DateOnly date) =>
        DateOnly.TryParseExact(text?.Trim(), DateInputFormat, CultureInfo.InvariantCulture, DateTimeStyles.None, out date);

    /// <summary>The UTC instant of a wall-clock time in <paramref name="zone"/>; false when that time does not exist there (clocks went forward).</summary>
    public static bool TryToUtc(DateTime local, TimeZoneInfo zone, out DateTime utc)
    {
        var unspecified = DateTime.SpecifyKind(local, DateTimeKind.Unspecified);
        if (zone.IsInvalidTime(unspecified))
        {
            utc = default;
            return false;
        }

        utc = TimeZoneInfo.ConvertTimeToUtc(unspecified, zone);
        return true;
    }

    public static DateTime ToLocal(DateTime utc, string zoneId) =>
        TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), FindZone(zoneId) ?? TimeZoneInfo.Utc);

    public static string ForInput(DateTime utc, string zoneId) =>
        ToLocal(utc, zoneId).ToString(LocalInputFormat, CultureInfo.InvariantCulture);

    /// <summary>"28 February 2026, 23:59 (Europe/Vienna, UTC+01:00)" in the current culture.</summary>
    public static string InCallZone(DateTime utc, string zoneId)
    {
        var zone = FindZone(zoneId) ?? TimeZoneInfo.Utc;
        var local = TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), zone);
        var offset = zone.GetUtcOffset(DateTime.SpecifyKind(utc, DateTimeKind.Utc));
        var sign = offset < TimeSpan.Zero ? "-" : "+";
        return string.Create(CultureInfo.CurrentCulture, $"{local.ToString("d MMMM yyyy, HH:mm", CultureInfo.CurrentCulture)} {LeftToRight(string.Create(CultureInfo.InvariantCulture, $"({zone.Id}, UTC{sign}{offset:hh\\:mm})"))}");
    }

    /// <summary>
    /// The text as one left-to-right unit (between U+2066 and U+2069) on a right-to-left page, where
    /// "(Europe/Vienna, UTC+01:00)" would otherwise have its brackets turned around the Arabic date;
    /// unchanged on a left-to-right page.
    /// </summary>
    private static string LeftToRight(string text) =>
        CultureInfo.CurrentCulture.TextInfo.IsRightToLeft ? $"\u2066{text}\u2069" : text;

    /// <summary>"28 Feb 2026 23:59 Europe/Vienna" for tables.</summary>
    public static string ShortInCallZone(DateTime utc, string zoneId) =>
        string.Create(CultureInfo.CurrentCulture, $"{ToLocal(utc, zoneId).ToString("d MMM yyyy HH:mm", CultureInfo.CurrentCulture)} {zoneId}");

    /// <summary>"28 February 2026, 22:59 UTC": what visitors see before the script shows their own zone.</summary>
    public static string InUtc(DateTime utc) =>
        string.Create(CultureInfo.CurrentCulture, $"{DateTime.SpecifyKind(utc, DateTimeKind.Utc).ToString("d MMMM yyyy, HH:mm", CultureInfo.CurrentCulture)} UTC");

    /// <summary>Machine-readable instant for <c>&lt;time datetime&gt;</c>.</summary>
    public static string Iso(DateTime utc) => DateTime.SpecifyKind(utc, DateTimeKind.Utc).ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
}
