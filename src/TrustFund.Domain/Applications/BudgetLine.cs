namespace TrustFund.Domain.Applications;

/// <summary>One line of a proposal's budget. The total is computed, never typed.</summary>
public sealed record BudgetLine(Guid Id, BudgetCategory Category, string Description, decimal Quantity, string Unit, decimal UnitCost)
{
    public const int DescriptionMaxLength = 500;
    public const int UnitMaxLength = 50;

    /// <summary>Quantity times unit cost, rounded to cents (half away from zero).</summary>
    public decimal Total => decimal.Round(Quantity * UnitCost, 2, MidpointRounding.AwayFromZero);
}
