using Microsoft.Extensions.Localization;
using TrustFund.Domain.Common;

namespace TrustFund.Web.Features.Applications;

/// <summary>Shape checks of typed numbers shared by the section validators; each returns a plain-language error or null.</summary>
public static class FieldChecks
{
    /// <summary>An optional amount in US dollars: a number, at most two decimals, above zero (or zero when allowed).</summary>
    public static string? Amount(string? text, string label, bool allowZero, IStringLocalizer localizer)
    {
        if (FormValues.IsBlank(text))
        {
            return null;
        }

        if (!FormValues.TryParseDecimal(text, out var value))
        {
            return localizer["Enter the {0} as a number in US dollars, such as 15000 or 15000.50.", label].Value;
        }

        if (!FormValues.HasAtMostTwoDecimals(value))
        {
            return localizer["Enter the {0} with at most two decimals (cents), such as 15000.50.", label].Value;
        }

        if (value < 0)
        {
            return localizer["The {0} cannot be negative.", label].Value;
        }

        if (value == 0 && !allowZero)
        {
            return localizer["The {0} must be more than zero.", label].Value;
        }

        return value > Money.MaximumAmount ? localizer["The {0} is too large.", label].Value : null;
    }

    /// <summary>An optional whole number between <paramref name="minimum"/> and <paramref name="maximum"/>.</summary>
    public static string? WholeNumber(string? text, string message, int minimum, int maximum)
    {
        if (FormValues.IsBlank(text))
        {
            return null;
        }

        return FormValues.TryParseWholeNumber(text, out var value) && value >= minimum && value <= maximum ? null : message;
    }

    public static string? MaxLength(string? text, int maximum, IStringLocalizer localizer) =>
        text is not null && text.Length > maximum
            ? localizer["This answer must be {0:N0} characters or fewer (you wrote {1:N0}).", maximum, text.Length].Value
            : null;
}
