namespace TrustFund.Domain.Common;

/// <summary>
/// How deadlines are read: they are named to the minute ("28 February 2026, 23:59 CET") and include
/// that whole minute, so something done at 23:59:40 is on time and at 00:00:00 it is late.
/// </summary>
public static class Deadline
{
    private static readonly TimeSpan Minute = TimeSpan.FromMinutes(1);

    /// <summary>The instant cut down to its minute (deadlines are kept this way).</summary>
    public static DateTime ToMinute(DateTime instant) => new(instant.Ticks - (instant.Ticks % TimeSpan.TicksPerMinute), instant.Kind);

    /// <summary>Whether <paramref name="instantUtc"/> falls on or before the deadline's minute.</summary>
    public static bool IsMet(DateTime deadlineUtc, DateTime instantUtc) => instantUtc < ToMinute(deadlineUtc) + Minute;

    /// <summary>
    /// For queries over minute-aligned deadlines: a deadline is still open at <paramref name="nowUtc"/>
    /// exactly when it is after the instant this returns.
    /// </summary>
    public static DateTime OpenWhenAfter(DateTime nowUtc) => nowUtc - Minute;
}
