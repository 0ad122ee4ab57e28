using TrustFund.Application.Common;

namespace TrustFund.Application.Reviews;

/// <summary>Due dates are days in the call's time zone.</summary>
internal static class ReviewCalendar
{
    /// <summary>Today in the call's time zone.</summary>
    public static DateOnly Today(DateTime nowUtc, string? timeZoneId) => DateOnly.FromDateTime(ZonedTime.ToLocal(nowUtc, timeZoneId));
}
