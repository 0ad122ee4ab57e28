using TrustFund.Domain.Common;
using TrustFund.Domain.Grants;
using TrustFund.Domain.Tests.Builders;

namespace TrustFund.Domain.Tests.Grants;

/// <summary>Templates, the split of the amount to the cent, planned dates and default release conditions.</summary>
public sealed class InstalmentScheduleTests
{
    [Test]
    public void Split_AwkwardTotalIn404020_RoundsDownAllButTheLastWhichTakesTheCent()
    {
        // 40% of 10,000.01 is 4,000.004: 4,000.00 twice, and the last 20% takes 2,000.01.
        var amounts = InstalmentTemplate.Default.Split(Money.Usd(10_000.01m));

        Assert.That(amounts.Select(a => a.Amount), Is.EqualTo(new[] { 4_000.00m, 4_000.00m, 2_000.01m }));
    }

    [Test]
    public void Split_8020_OfAnOddTotal_AddsUpExactly()
    {
        // 80% of 15,000.03 is 12,000.024 -> 12,000.02; the rest is 3,000.01.
        var amounts = InstalmentTemplate.Parse("80/20").Split(Money.Usd(15_000.03m));

        Assert.That(amounts.Select(a => a.Amount), Is.EqualTo(new[] { 12_000.02m, 3_000.01m }));
    }

    [Test]
    public void Split_ThreeThirds_OfOneDollar_GivesTheLastTheRoundingCents()
    {
        var amounts = InstalmentTemplate.Of([33.33m, 33.33m, 33.34m]).Split(Money.Usd(1m));

        Assert.That(amounts.Select(a => a.Amount), Is.EqualTo(new[] { 0.33m, 0.33m, 0.34m }));
    }

    [TestCase("40/40/20", 0.01)]
    [TestCase("40/40/20", 0.02)]
    [TestCase("80/20", 0.05)]
    [TestCase("25/25/25/25", 999_999_999.99)]
    [TestCase("12.5/12.5/75", 20_000.07)]
    [TestCase("100", 7.77)]
    public void Split_AnyTotal_PartsAddUpToTheTotalAndNoneIsPaidEarly(string template, decimal total)
    {
        var parsed = InstalmentTemplate.Parse(template);

        var amounts = parsed.Split(Money.Usd(total));

        Assert.Multiple(() =>
        {
            Assert.That(amounts.Sum(a => a.Amount), Is.EqualTo(total));
            for (var i = 0; i < amounts.Count - 1; i++)
            {
                Assert.That(amounts[i].Amount, Is.LessThanOrEqualTo(total * parsed.Percentages[i] / 100m));
                Assert.That(amounts[i].Amount, Is.GreaterThan((total * parsed.Percentages[i] / 100m) - 0.01m));
            }
        });
    }

    [Test]
    public void Of_PercentagesNotAddingUpTo100_IsRefusedWithTheSum()
    {
        var error = Assert.Throws<RulesViolatedException>(() => InstalmentTemplate.Of([40m, 40m, 10m]))!;

        Assert.That(error.Message, Is.EqualTo("The instalment percentages add up to 90; they must add up to 100."));
    }

    [Test]
    public void Of_ZeroOrOverPrecisePercentage_IsRefused()
    {
        var error = Assert.Throws<RulesViolatedException>(() => InstalmentTemplate.Of([0m, 99.999m, 0.001m]))!;

        Assert.That(error.Violations.Select(v => v.Message), Is.EqualTo(new[] { "Each instalment is a percentage above 0 and at most 100, with at most two decimals." }));
    }

    [TestCase("")]
    [TestCase("40/forty/20")]
    [TestCase("40;40;20")]
    public void Parse_NotPercentagesSeparatedBySlashes_IsRefused(string text) =>
        Assert.Throws<RulesViolatedException>(() => InstalmentTemplate.Parse(text));

    [Test]
    public void Default_Is404020() => Assert.That(InstalmentTemplate.Default.ToString(), Is.EqualTo("40/40/20"));

    [Test]
    public void PlanInstalments_Default_AmountsDatesAndDefaultConditions()
    {
        var grant = GrantBuilder.AGrant().For(10_000.01m).Scheduled(null).Build();
        var dates = new[] { new DateOnly(2026, 5, 1), new DateOnly(2026, 11, 1), new DateOnly(2027, 5, 15) };

        grant.PlanInstalments(InstalmentTemplate.Default, dates);

        Assert.That(
            grant.Instalments.Select(i => (i.Number, i.Percentage, i.Amount.Amount, i.PlannedOn, i.Status, Conditions: string.Join(", ", i.Conditions.Select(c => c.Kind)))),
            Is.EqualTo(new[]
            {
                (1, 40m, 4_000.00m, dates[0], InstalmentStatus.Planned, "AgreementSigned, BankDetailsVerified"),
                (2, 40m, 4_000.00m, dates[1], InstalmentStatus.Planned, "InterimReportAccepted"),
                (3, 20m, 2_000.01m, dates[2], InstalmentStatus.Planned, "FinalReportAccepted"),
            }));
    }

    [Test]
    public void DefaultConditions_FourInstalments_MiddleOnesNeedTheInterimReport()
    {
        var kinds = Enumerable.Range(1, 3).Select(i => InstalmentTemplate.DefaultConditions(i, 4).Single().Kind).ToList();

        Assert.That(kinds, Is.EqualTo(new[] { ReleaseConditionKind.InterimReportAccepted, ReleaseConditionKind.InterimReportAccepted, ReleaseConditionKind.FinalReportAccepted }));
    }

    [Test]
    public void PlanInstalments_GivenConditions_ReplaceTheDefaults()
    {
        var grant = GrantBuilder.AGrant().Scheduled(null).Build();
        var audit = ReleaseCondition.Manual("  Audit report received ");

        grant.PlanInstalments(InstalmentTemplate.Parse("80/20"), GrantBuilder.PlannedDates(2), [[ReleaseCondition.AgreementSigned], [audit, ReleaseCondition.FinalReportAccepted]]);

        Assert.Multiple(() =>
        {
            Assert.That(grant.Instalments[0].Conditions, Is.EqualTo(new[] { ReleaseCondition.AgreementSigned }));
            Assert.That(grant.Instalments[1].Conditions, Is.EqualTo(new[] { new ReleaseCondition(ReleaseConditionKind.Manual, "Audit report received"), ReleaseCondition.FinalReportAccepted }));
        });
    }

    [Test]
    public void PlanInstalments_WrongDateCountAndAnInstalmentWithoutCondition_ReportsBoth()
    {
        var grant = GrantBuilder.AGrant().Scheduled(null).Build();

        var error = Assert.Throws<RulesViolatedException>(() => grant.PlanInstalments(InstalmentTemplate.Parse("80/20"), GrantBuilder.PlannedDates(3), [[ReleaseCondition.AgreementSigned], []]))!;

        Assert.Multiple(() =>
        {
            Assert.That(error.Violations.Select(v => v.Message), Is.EqualTo(new[]
            {
                "Give one planned date for each of the 2 instalments.",
                "Each instalment needs at least one release condition.",
            }));
            Assert.That(grant.Instalments, Is.Empty);
        });
    }

    [Test]
    public void PlanInstalments_DatesOutOfOrder_IsRefused()
    {
        var grant = GrantBuilder.AGrant().Scheduled(null).Build();

        var error = Assert.Throws<RulesViolatedException>(() => grant.PlanInstalments(InstalmentTemplate.Parse("50/50"), [new DateOnly(2026, 9, 1), new DateOnly(2026, 6, 1)]))!;

        Assert.That(error.Message, Is.EqualTo("The planned dates must follow the order of the instalments."));
    }

    [Test]
    public void PlanInstalments_Twice_IsRefused()
    {
        var grant = GrantBuilder.AGrant().Build();

        var error = Assert.Throws<DomainException>(() => grant.PlanInstalments(InstalmentTemplate.Default, GrantBuilder.PlannedDates(3)))!;

        Assert.Multiple(() =>
        {
            Assert.That(error.Message, Is.EqualTo("This grant already has its instalments."));
            Assert.That(grant.Instalments, Has.Count.EqualTo(3));
        });
    }

    [Test]
    public void Manual_WithoutWording_IsRefused() =>
        Assert.Throws<RulesViolatedException>(() => ReleaseCondition.Manual("   "));
}
