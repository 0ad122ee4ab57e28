using System.Globalization;
using FluentValidation;
using Microsoft.Extensions.Localization;
using TrustFund.Web.Features.Shared;

namespace TrustFund.Web.Features.Payments;

/// <summary>Reading the amounts and dates typed into the payment forms, and the rules that say when they cannot be read.</summary>
public static class MoneyFields
{
    /// <summary>An amount of zero or more (the form's validator has refused any other).</summary>
    public static decimal? Amount(string? text) => NumberText.TryReadAmount(text, out var amount) == NumberReading.Valid ? amount : null;

    /// <summary>A signed amount: negative for less, positive for more.</summary>
    public static decimal? SignedAmount(string? text)
    {
        var reading = NumberText.TryRead(text, CultureInfo.CurrentCulture, 2, Domain.Common.Money.MaximumAmount, out var amount);
        return reading is NumberReading.Valid or NumberReading.Negative ? amount : null;
    }

    /// <summary>A date written yyyy-mm-dd, as date fields send it.</summary>
    public static DateOnly? Date(string? text) =>
        DateOnly.TryParseExact((text ?? string.Empty).Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) ? date : null;

    /// <summary>Refuses an amount field that holds something other than an amount; an empty one is the use case's to name.</summary>
    public static void AmountRule<T>(AbstractValidator<T> validator, System.Linq.Expressions.Expression<Func<T, string?>> field, string words, IStringLocalizer text, bool allowNegative = false) =>
        validator.RuleFor(field).Custom((value, context) =>
        {
            var reading = NumberText.TryRead(value, CultureInfo.CurrentCulture, 2, Domain.Common.Money.MaximumAmount, out _);
            if (allowNegative && reading == NumberReading.Negative)
            {
                return;
            }

            if (NumberText.AmountProblem(reading, words, value, text) is { } problem)
            {
                context.AddFailure(problem);
            }
        });

    /// <summary>Refuses a date field that holds something other than a date; an empty one is the use case's to name.</summary>
    public static void DateRule<T>(AbstractValidator<T> validator, System.Linq.Expressions.Expression<Func<T, string?>> field, IStringLocalizer text) =>
        validator.RuleFor(field).Must(v => string.IsNullOrWhiteSpace(v) || Date(v) is not null)
            .WithMessage(_ => text.GetString("Enter the date as a date, such as 2026-03-31."));
}
