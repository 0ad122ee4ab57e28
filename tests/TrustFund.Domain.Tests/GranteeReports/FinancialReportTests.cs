using TrustFund.Domain.Common;
using TrustFund.Domain.GranteeReports;

namespace TrustFund.Domain.Tests.GranteeReports;

/// <summary>Budget against actual per line and in total, with variances computed by hand.</summary>
public sealed class FinancialReportTests
{
    private static FinancialLine Line(string description, decimal budget, decimal actual) => new(description, Money.Usd(budget), Money.Usd(actual));

    [TestCase(10_000.00, 12_500.00, 2_500.00, 25.00)] // overspent by a quarter
    [TestCase(3_000.00, 2_000.01, -999.99, -33.33)] // -33.333...
    [TestCase(8.00, 8.01, 0.01, 0.13)] // 0.125 rounds away from zero
    [TestCase(8.00, 7.99, -0.01, -0.13)] // -0.125 rounds away from zero
    [TestCase(1_500.00, 1_500.00, 0.00, 0.00)]
    [TestCase(0.00, 0.00, 0.00, 0.00)] // nothing budgeted, nothing spent
    public void Variance_Line_IsActualMinusBudgetAndItsPercentOfTheBudget(decimal budget, decimal actual, decimal variance, decimal percent)
    {
        var line = Line("Shelter rent", budget, actual);

        Assert.That((line.Variance, line.VariancePercent), Is.EqualTo((variance, (decimal?)percent)));
    }

    [Test]
    public void VariancePercent_SpentOnALineBudgetedAtZero_HasNoPercentage()
    {
        var line = Line("Interpretation", 0m, 150m);

        Assert.That((line.Variance, line.VariancePercent), Is.EqualTo((150m, (decimal?)null)));
    }

    [Test]
    public void Totals_SeveralLines_AddUpAndGiveTheBalanceOfFundsReceived()
    {
        var report = new FinancialReport(
            [Line("Shelter rent", 10_000m, 12_500m), Line("Legal aid", 3_000m, 2_000.01m), Line("Interpretation", 0m, 150m), Line("Contingency", 0m, 0m)],
            Money.Usd(12_000m));

        Assert.Multiple(() =>
        {
            Assert.That(report.TotalBudget, Is.EqualTo(Money.Usd(13_000m)));
            Assert.That(report.TotalSpent, Is.EqualTo(Money.Usd(14_650.01m)));
            Assert.That(report.Variance, Is.EqualTo(1_650.01m));
            Assert.That(report.VariancePercent, Is.EqualTo(12.69m)); // 1,650.01 / 13,000 = 12.6923...%
            Assert.That(report.Balance, Is.EqualTo(-2_650.01m)); // spent more than received so far
        });
    }

    [Test]
    public void Balance_Underspent_IsWhatTheGranteeStillHolds()
    {
        var report = new FinancialReport([Line("Shelter rent", 10_000m, 7_333.33m)], Money.Usd(8_000m));

        Assert.That((report.Balance, report.Variance, report.VariancePercent), Is.EqualTo((666.67m, -2_666.67m, (decimal?)-26.67m)));
    }

    [Test]
    public void Totals_NoLines_AreZero()
    {
        var report = new FinancialReport([], Money.Zero);

        Assert.That((report.TotalBudget, report.TotalSpent, report.Variance, report.VariancePercent, report.Balance), Is.EqualTo((Money.Zero, Money.Zero, 0m, (decimal?)0m, 0m)));
    }

    [Test]
    public void Check_BlankAndRepeatedDescriptions_AreEachReported()
    {
        var report = new FinancialReport([Line("Shelter rent", 1m, 1m), Line("  ", 1m, 1m), Line("shelter RENT ", 1m, 1m)], Money.Zero);

        Assert.That(report.Check(), Is.EqualTo(new[]
        {
            new RuleViolation("Lines[1]", "Line 2: describe the budget line in at most 300 characters."),
            new RuleViolation("Lines[2]", "Line 3: the budget line \"shelter RENT\" is already reported."),
        }));
    }

    [Test]
    public void Check_TooManyLines_IsReported()
    {
        var report = new FinancialReport(Enumerable.Range(1, FinancialReport.MaximumLines + 1).Select(i => Line($"Line {i}", 1m, 1m)).ToList(), Money.Zero);

        Assert.That(report.Check().Select(v => v.Message), Is.EqualTo(new[] { "A financial report has at most 200 lines." }));
    }
}
