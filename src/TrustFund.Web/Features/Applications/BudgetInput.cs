using FluentValidation;
using Microsoft.Extensions.Localization;
using TrustFund.Domain.Applications;

namespace TrustFund.Web.Features.Applications;

/// <summary>The budget: lines added and removed by posting the form, so it works without JavaScript.</summary>
public sealed class BudgetInput : SectionInput
{
    public const string AddCommand = "add";
    public const string RemoveCommandPrefix = "remove-";

    public List<BudgetLineInput> Budget { get; set; } = [];

    /// <summary>"save", "add" or "remove-{index}": which button was pressed.</summary>
    public string? Command { get; set; }

    public static BudgetInput From(GrantApplication application) => new()
    {
        Version = application.Version,
        Budget = application.Content.Budget.Select(BudgetLineInput.From).ToList(),
    };

    /// <summary>Total of the lines that can be read.</summary>
    public decimal Total => Budget.Sum(l => l.Total ?? 0);

    /// <summary>Applies the add or remove button; returns what happened, or null for a plain save.</summary>
    public string? ApplyCommand()
    {
        if (string.Equals(Command, AddCommand, StringComparison.Ordinal))
        {
            Budget.Add(new BudgetLineInput { Id = Guid.NewGuid().ToString(), Category = BudgetCategory.DirectAssistanceToVictims.ToString() });
            return AddCommand;
        }

        if (Command is not null && Command.StartsWith(RemoveCommandPrefix, StringComparison.Ordinal)
            && int.TryParse(Command.AsSpan(RemoveCommandPrefix.Length), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var index)
            && index >= 0 && index < Budget.Count)
        {
            Budget.RemoveAt(index);
            return RemoveCommandPrefix;
        }

        return null;
    }

    public ProposalContent ApplyTo(ProposalContent content) => content with
    {
        Budget = Budget.Select(l => l.ToLine()).ToList(),
    };

    public sealed class Validator : AbstractValidator<BudgetInput>
    {
        public Validator(IStringLocalizer<SharedResource> text)
        {
            RuleFor(x => x.Budget).Must(b => b.Count <= GrantApplication.MaximumBudgetLines)
                .WithMessage(_ => text["A budget has at most {0} lines.", GrantApplication.MaximumBudgetLines]);
            RuleForEach(x => x.Budget).SetValidator(new BudgetLineInput.Validator(text));
        }
    }
}
