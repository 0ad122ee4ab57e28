using System.Globalization;
using Microsoft.Extensions.Localization;
using TrustFund.Application.Common;
using TrustFund.Application.Email;
using TrustFund.Domain.Calls;
using TrustFund.Domain.Common;
using TrustFund.Domain.Places;
using TrustFund.Domain.Reviews;

namespace TrustFund.Application.Calls;

/// <summary>
/// A call term's value as an amendment recorded it (invariant text: "150000.00", "2026-05-01 12:00 UTC",
/// "GHA, NGA") written for a reader: amounts as "USD 150 000,00", moments in the call's time zone,
/// days as "1 mai 2026", countries and regions by their names, and forms of exploitation, assistance,
/// languages, documents, the type of window and yes-or-no terms by the labels the call's pages show
/// (<see cref="CallLabels"/>), in the reader's language, lists joined as its sentences join them. Values
/// of other terms are shown as recorded.
/// </summary>
public static class CallTermValues
{
    public static string Write(string term, string value, string zoneId, IStringLocalizer text, CultureInfo culture)
    {
        if (value is "" or "-")
        {
            return term switch
            {
                nameof(CallTerms.EligibleAreas) => text["Worldwide"],
                nameof(CallTerms.AllowedAssistance) => text["All types of assistance"],
                nameof(CallTerms.PriorityForms) or nameof(CallTerms.RequiredDocuments) => text["None"],
                _ => "–",
            };
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
            case nameof(CallTerms.PriorityForms):
                return Set<ExploitationForm>(value, CallLabels.Of, text, culture);
            case nameof(CallTerms.AllowedAssistance):
                return Set<AssistanceType>(value, CallLabels.Of, text, culture);
            case nameof(CallTerms.AcceptedLanguages):
                return Set<ProposalLanguage>(value, CallLabels.Of, text, culture);
            case nameof(CallTerms.RequiredDocuments):
                return Set<DocumentType>(value, CallLabels.Of, text, culture);
            case nameof(CallTerms.WindowType) when Named<WindowType>(value) is { } window:
                return text[CallLabels.Of(window)];
            case nameof(CallTerms.RankBy) when Named<RankingBasis>(value) is { } basis:
                return text[basis == RankingBasis.Raw ? "raw mean score" : "normalised score"];
            case nameof(CallTerms.ReviewersSeeOtherReviews) when bool.TryParse(value, out var yes):
                return text[yes ? "Yes" : "No"];
            case nameof(CallTerms.AllowsSeveralApplicationsPerOrganisation) when bool.TryParse(value, out var several):
                return text[several ? "Several allowed" : "One"];
            default:
                return value;
        }
    }

    // Enumeration values recorded by name ("DomesticServitude, ForcedLabour"), by their labels in the order the
    // call's form lists them; a name no longer known is kept as recorded, last.
    private static string Set<T>(string value, Func<T, string> label, IStringLocalizer text, CultureInfo culture)
        where T : struct, Enum
    {
        var names = value.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        var known = names.Select(Named<T>).OfType<T>().Order().Select(v => text[label(v)].Value);
        var unknown = names.Where(n => Named<T>(n) is null);
        return EmailList.Join([.. known.Concat(unknown)], culture);
    }

    private static T? Named<T>(string name)
        where T : struct, Enum =>
        !int.TryParse(name, NumberStyles.Integer, CultureInfo.InvariantCulture, out _) && Enum.TryParse<T>(name, out var value) && Enum.IsDefined(value) ? value : null;

    // A country by its UN M49 name in the reader's language; a region by the catalogue's translation of its English name.
    private static string Place(string code, IStringLocalizer text, CultureInfo culture) => UnM49.ByCode(code) switch
    {
        { Type: PlaceType.Country } country => country.NameIn(culture.TwoLetterISOLanguageName),
        { } region => text[region.Name],
        null => code,
    };
}
