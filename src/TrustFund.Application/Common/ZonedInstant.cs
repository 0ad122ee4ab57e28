using System.Globalization;

namespace TrustFund.Application.Common;

/// <summary>
/// An instant to be shown in a named time zone, formatted in whatever culture the text it goes into is
/// written in (an email in the recipient's language formats it in that language).
/// </summary>
public readonly record struct ZonedInstant(DateTime Utc, string ZoneId) : IFormattable
{
    public string ToString(string? format, IFormatProvider? formatProvider) =>
        ZonedTime.Describe(Utc, ZoneId, formatProvider as CultureInfo ?? CultureInfo.CurrentCulture);

    public override string ToString() => ToString(null, CultureInfo.CurrentCulture);
}
