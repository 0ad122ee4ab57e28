using FluentValidation;
using Microsoft.Extensions.Localization;
using TrustFund.Domain.Applications;
using TrustFund.Domain.Common;

namespace TrustFund.Web.Features.Applications;

/// <summary>One budget line as typed; its total is computed on the server.</summary>
public sealed class BudgetLineInput
{
    public const decimal MaximumQuantity = 1_000_000;

    public string? Id { get; set; }

    public string? Category { get; set; }

    public string? Description { get; set; }

    public string? Quantity { get; set; }

    public string? Unit { get; set; }

    public string? UnitCost { get; set; }

    /// <summary>
    /// Quantity times unit cost when both are readable and within the sizes a line may have, else null:
    /// a product (or a sum of lines) of numbers far beyond them would overflow.
    /// </summary>
    public decimal? Total =>
        FormValues.DecimalOrNull(Quantity) is { } quantity && Math.Abs(quantity) <= MaximumQuantity
        && FormValues.DecimalOrNull(UnitCost) is { } cost && Math.Abs(cost) <= Money.MaximumAmount
            ? decimal.Round(quantity * cost, 2, MidpointRounding.AwayFromZero)
            : null;

    public static BudgetLineInput From(BudgetLine line) => new()
    {
        Id = line.Id.ToString(),
        Category = line.Category.ToString(),
        Description = line.Description,
        Quantity = FormValues.ForInput(line.Quantity),
        Unit = line.Unit,
        UnitCost = FormValues.ForInput(line.UnitCost),
    };

    public BudgetLine ToLine() => new(
        Guid.TryParse(Id, out var id) ? id : Guid.NewGuid(),
        Enum.TryParse<BudgetCategory>(Category, out var category) && Enum.IsDefined(category) ? category : BudgetCategory.Other,
        Description?.Trim() ?? string.Empty,
        FormValues.DecimalOrNull(Quantity) ?? 0,
        Unit?.Trim() ?? string.Empty,
        FormValues.DecimalOrNull(UnitCost) ?? 0);

    public sealed class Validator : AbstractValidator<BudgetLineInput>
    {
        public Validator(IStringLocalizer<SharedResource> text)
        {
            RuleFor(x => x.Category).Must(c => string.IsNullOrEmpty(c) || (Enum.TryParse<BudgetCategory>(c, out var v) && Enum.IsDefined(v) && !int.TryParse(c, out _)))
                .WithMessage(_ => text["Choose a category from the list."]);
            RuleFor(x => x.Description).MaximumLength(BudgetLine.DescriptionMaxLength)
                .WithMessage(_ => text["The description of a budget line must be {0} characters or fewer.", BudgetLine.DescriptionMaxLength]);
            RuleFor(x => x.Unit).MaximumLength(BudgetLine.UnitMaxLength)
                .WithMessage(_ => text["The unit must be {0} characters or fewer, such as \"month\" or \"person\".", BudgetLine.UnitMaxLength]);
            RuleFor(x => x.Quantity).Custom((value, context) =>
            {
                var message = FieldChecks.Quantity(value, text["quantity"], MaximumQuantity, text["Enter the quantity as a number, 0 or more, with at most two decimals, such as 12."], text);
                if (message is not null)
                {
                    context.AddFailure(message);
                }
            });
            RuleFor(x => x.UnitCost).Custom((value, context) =>
            {
                var message = FieldChecks.Amount(value, text["unit cost"], allowZero: true, text);
                if (message is not null)
                {
                    context.AddFailure(message);
                }
            });
            RuleFor(x => x).Must(x => x.Total is null or <= Money.MaximumAmount)
                .WithMessage(_ => text["The total of this line is too large."])
                .OverridePropertyName(nameof(UnitCost));
        }
    }
}
