using TrustFund.Domain.Common;

namespace TrustFund.Domain.GranteeReports;

/// <summary>One budget line of the financial report: what was budgeted and what was actually spent.</summary>
public sealed record FinancialLine(string Description, Money Budget, Money Actual)
{
    public const int DescriptionMaxLength = 300;

    /// <summary>Actual minus budget in USD: positive when overspent, negative when underspent.</summary>
    public decimal Variance => Variances.Amount(Budget, Actual);

    /// <summary>
    /// The variance as a percentage of the budget, to two decimals (half away from zero); 0 when
    /// nothing was budgeted or spent, and null when something was spent on a line budgeted at zero
    /// (no percentage of zero exists).
    /// </summary>
    public decimal? VariancePercent => Variances.Percent(Budget, Actual);
}
