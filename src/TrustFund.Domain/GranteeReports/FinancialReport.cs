using TrustFund.Domain.Common;

namespace TrustFund.Domain.GranteeReports;

/// <summary>The financial part of a report: budget against actual per budget line, and the funds received.</summary>
public sealed record FinancialReport(IReadOnlyList<FinancialLine> Lines, Money FundsReceived)
{
    public const int MaximumLines = 200;

    public static FinancialReport Empty { get; } = new([], Money.Zero);

    public Money TotalBudget => Lines.Aggregate(Money.Zero, (total, line) => total + line.Budget);

    /// <summary>Everything spent over the period reported.</summary>
    public Money TotalSpent => Lines.Aggregate(Money.Zero, (total, line) => total + line.Actual);

    /// <summary>Total spent minus total budget: positive when overspent.</summary>
    public decimal Variance => Variances.Amount(TotalBudget, TotalSpent);

    /// <summary>The total variance in percent of the total budget (see <see cref="FinancialLine.VariancePercent"/>).</summary>
    public decimal? VariancePercent => Variances.Percent(TotalBudget, TotalSpent);

    /// <summary>Funds received minus total spent: what the grantee still holds (negative when it spent more than it received).</summary>
    public decimal Balance => FundsReceived.Amount - TotalSpent.Amount;

    /// <summary>Every shape rule broken: a description for each line, each line once, at most <see cref="MaximumLines"/> lines.</summary>
    public IReadOnlyList<RuleViolation> Check()
    {
        var errors = new List<RuleViolation>();
        if (Lines.Count > MaximumLines)
        {
            errors.Add(new RuleViolation(nameof(Lines), new LocalText("A financial report has at most {0} lines.", MaximumLines)));
        }

        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < Lines.Count; i++)
        {
            var description = (Lines[i].Description ?? string.Empty).Trim();
            var field = $"{nameof(Lines)}[{i}]";
            if (description.Length is 0 or > FinancialLine.DescriptionMaxLength)
            {
                errors.Add(new RuleViolation(field, new LocalText("Line {0}: describe the budget line in at most {1} characters.", i + 1, FinancialLine.DescriptionMaxLength)));
            }
            else if (!seen.Add(description))
            {
                errors.Add(new RuleViolation(field, new LocalText("Line {0}: the budget line \"{1}\" is already reported.", i + 1, description)));
            }
        }

        return errors;
    }
}
