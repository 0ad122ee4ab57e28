using System.ComponentModel.DataAnnotations;
using FluentValidation;
using Microsoft.Extensions.Localization;
using TrustFund.Domain.Applications;
using TrustFund.Domain.Grants;
using TrustFund.Web.Features.Applications;
using TrustFund.Web.Features.Calls;

namespace TrustFund.Web.Features.Grants;

/// <summary>A no-cost extension as asked for.</summary>
public sealed class ExtensionInput
{
    public Guid? Version { get; set; }

    [Display(Name = "New end date")]
    public string? NewEndDate { get; set; }

    [Display(Name = "Why is the extension needed?")]
    public string? Reason { get; set; }

    public DateOnly? NewEndDateValue => CallTimes.TryReadDate(NewEndDate, out var date) ? date : null;

    public sealed class Validator : AbstractValidator<ExtensionInput>
    {
        public Validator(IStringLocalizer<SharedResource> text)
        {
            RuleFor(x => x.NewEndDate).Must(v => CallTimes.TryReadDate(v, out _)).WithMessage(_ => text["Enter the new end date, such as 2027-03-31."]);
            RuleFor(x => x.Reason).NotEmpty().WithMessage(_ => text["Give the reason for the extension."])
                .MaximumLength(Grant.TextMaxLength).WithMessage(_ => text.GetString("Write at most {0:N0} characters.", Grant.TextMaxLength));
        }
    }
}

/// <summary>A budget revision as asked for: lines added and removed by posting the form, so it works without JavaScript.</summary>
public sealed class BudgetRevisionInput
{
    public Guid? Version { get; set; }

    public List<BudgetLineInput> Budget { get; set; } = [];

    [Display(Name = "Why is the budget revised?")]
    public string? Reason { get; set; }

    /// <summary>"save", "add" or "remove-{index}": which button was pressed.</summary>
    public string? Command { get; set; }

    public decimal Total => Budget.Sum(l => l.Total ?? 0);

    public static BudgetRevisionInput From(Grant grant) => new()
    {
        Version = grant.Version,
        Budget = [.. grant.Budget.Select(BudgetLineInput.From)],
    };

    /// <summary>Applies the add or remove button; returns whether one was pressed.</summary>
    public bool ApplyCommand()
    {
        if (string.Equals(Command, BudgetInput.AddCommand, StringComparison.Ordinal))
        {
            Budget.Add(new BudgetLineInput { Id = Guid.NewGuid().ToString(), Category = BudgetCategory.DirectAssistanceToVictims.ToString() });
            return true;
        }

        if (Command is not null && Command.StartsWith(BudgetInput.RemoveCommandPrefix, StringComparison.Ordinal)
            && int.TryParse(Command.AsSpan(BudgetInput.RemoveCommandPrefix.Length), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var index)
            && index >= 0 && index < Budget.Count)
        {
            Budget.RemoveAt(index);
            return true;
        }

        return false;
    }

    public sealed class Validator : AbstractValidator<BudgetRevisionInput>
    {
        public Validator(IStringLocalizer<SharedResource> text)
        {
            RuleFor(x => x.Budget).Must(b => b.Count <= GrantApplication.MaximumBudgetLines)
                .WithMessage(_ => text.GetString("A budget has at most {0} lines.", GrantApplication.MaximumBudgetLines));
            RuleForEach(x => x.Budget).SetValidator(new BudgetLineInput.Validator(text));
            RuleFor(x => x.Reason).MaximumLength(Grant.TextMaxLength).WithMessage(_ => text.GetString("Write at most {0:N0} characters.", Grant.TextMaxLength));
        }
    }
}

/// <summary>A fund manager's decision on an amendment: the note (required to refuse).</summary>
public sealed class AmendmentDecisionInput
{
    public Guid? Version { get; set; }

    /// <summary>The amendment decided (from the route), to show the form's problems beside it.</summary>
    public Guid? AmendmentId { get; set; }

    [Display(Name = "Note")]
    public string? Note { get; set; }

    public sealed class Validator : AbstractValidator<AmendmentDecisionInput>
    {
        public Validator(IStringLocalizer<SharedResource> text)
        {
            RuleFor(x => x.Note).MaximumLength(Grant.TextMaxLength).WithMessage(_ => text.GetString("Write at most {0:N0} characters.", Grant.TextMaxLength));
        }
    }
}
