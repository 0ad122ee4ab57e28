using TrustFund.Domain.Common;

namespace TrustFund.Domain.GranteeReports;

/// <summary>Budget against actual, the same way for a line and for the whole report.</summary>
public static class Variances
{
    /// <summary>Actual minus budget: positive when overspent.</summary>
    public static decimal Amount(Money budget, Money actual) => actual.Amount - budget.Amount;

    /// <summary>The variance in percent of the budget, two decimals; null when the budget is zero and something was spent.</summary>
    public static decimal? Percent(Money budget, Money actual)
    {
        if (budget == Money.Zero)
        {
            return actual == Money.Zero ? 0m : null;
        }

        return decimal.Round(Amount(budget, actual) * 100m / budget.Amount, 2, MidpointRounding.AwayFromZero);
    }
}
