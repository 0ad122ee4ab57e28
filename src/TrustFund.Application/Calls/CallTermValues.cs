using System.Globalization;
using Microsoft.Extensions.Localization;
using TrustFund.Application.Common;
using TrustFund.Application.Email;
using TrustFund.Domain.Calls;
using TrustFund.Domain.Common;
using TrustFund.Domain.Places;

namespace TrustFund.Application.Calls;

/// <summary>
/// A call term's value as an amendment recorded it (invariant text: "150000.00", "2026-05-01 12:00 UTC",
/// "GHA, NGA") written for a reader: amounts as "USD 150 000,00", moments in the call's time zone,
/// days as "1 mai 2026" and countries and regions by their names, in the reader's language. Values of
/// other terms are shown as recorded.
/// </summary>
public static class CallTermValues
{
    public static string Write(string term, string value, string zoneId, IStringLocalizer text, CultureInfo culture)
    {
        if (value is "" or "-")
        {
            return term == nameof(CallTerms.EligibleAreas) ? text["Worldwide"] : "–";
        }

        switch (term)
        {
            case nameof(CallTerms.MinimumAmount) or nameof(CallTerms.MaximumAmount) or nameof(CallTerms.Envelope)
                when decimal.TryParse(value, NumberStyles.Number, CultureInfo.InvariantCulture, out var amount):
                return Money.Usd(amount).ToString(culture);
            case nameof(CallTerms.OpensAtUtc) or nameof(CallTerms.ClosesAtUtc) or nameof(CallTerms.ClarificationDeadlineUtc)
                when DateTime.TryParseExact(value, "yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var utc):
                return new ZonedInstant(utc, zoneId).ToString(null, culture);
            case nameof(CallTerms.AnswersPublishedOn) or nameof(CallTerms.RegistrationCutoff)
                when DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day):
                return day.ToString("d MMMM yyyy", culture);
            case nameof(CallTerms.EligibleAreas):
                return EmailList.Join([.. value.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).Select(code => Place(code, text, culture))], culture);
            default:
                return value;
        }
    }

    // A country by its UN M49 name in the reader's language; a region by the catalogue's translation of its English name.
    private static string Place(string code, IStringLocalizer text, CultureInfo culture) => UnM49.ByCode(code) switch
    {
        { Type: PlaceType.Country } country => country.NameIn(culture.TwoLetterISOLanguageName),
        { } region => text[region.Name],
        null => code,
    };
}
