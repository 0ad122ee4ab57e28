using System.Globalization;
using Microsoft.Extensions.Localization;
using TrustFund.Domain.Common;
using TrustFund.Web.Features.Shared;

namespace TrustFund.Web.Features.Applications;

/// <summary>
/// Shape checks of typed numbers shared by the section validators; each returns a plain-language error
/// or null. Every number is read by <see cref="NumberText"/>, so one that could be read in more than
/// one way ("98,85" in English) is refused with a message naming the field, never read as another number.
/// </summary>
public static class FieldChecks
{
    /// <summary>An optional amount in US dollars: a number, at most two decimals, above zero (or zero when allowed).</summary>
    public static string? Amount(string? text, string label, bool allowZero, IStringLocalizer localizer)
    {
        var reading = NumberText.TryRead(text, CultureInfo.CurrentCulture, 2, Money.MaximumAmount, out var value);
        return reading switch
        {
            NumberReading.Empty => null,
            NumberReading.Ambiguous => NumberText.AmountProblem(reading, label, text, localizer),
            NumberReading.NotANumber => localizer["Enter the {0} as a number in US dollars, such as 15000 or 15000.50.", label].Value,
            NumberReading.TooManyDecimals => localizer["Enter the {0} with at most two decimals (cents), such as 15000.50.", label].Value,
            NumberReading.Negative => localizer["The {0} cannot be negative.", label].Value,
            NumberReading.TooLarge => localizer["The {0} is too large.", label].Value,
            _ when value == 0 && !allowZero => localizer["The {0} must be more than zero.", label].Value,
            _ => null,
        };
    }

    /// <summary>
    /// An optional number with at most two decimals between 0 and <paramref name="maximum"/> (a quantity):
    /// <paramref name="message"/> when it is not one, and the ambiguity named when it could be read in two ways.
    /// </summary>
    public static string? Quantity(string? text, string label, decimal maximum, string message, IStringLocalizer localizer)
    {
        var reading = NumberText.TryRead(text, CultureInfo.CurrentCulture, 2, maximum, out _);
        return reading switch
        {
            NumberReading.Valid or NumberReading.Empty => null,
            NumberReading.Ambiguous => NumberText.AmountProblem(reading, label, text, localizer),
            _ => message,
        };
    }

    /// <summary>An optional whole number between <paramref name="minimum"/> and <paramref name="maximum"/>.</summary>
    public static string? WholeNumber(string? text, string message, int minimum, int maximum)
    {
        var reading = NumberText.TryReadWhole(text, maximum, out var value);
        return reading == NumberReading.Empty || (reading == NumberReading.Valid && value >= minimum) ? null : message;
    }

    public static string? MaxLength(string? text, int maximum, IStringLocalizer localizer) =>
        text is not null && text.Length > maximum
            ? localizer["This answer must be {0:N0} characters or fewer (you wrote {1:N0}).", maximum, text.Length].Value
            : null;
}
