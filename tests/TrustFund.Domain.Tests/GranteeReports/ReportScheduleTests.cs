using TrustFund.Domain.Common;
using TrustFund.Domain.GranteeReports;

namespace TrustFund.Domain.Tests.GranteeReports;

/// <summary>Report schedules from a grant's dates, with due dates worked out by hand.</summary>
public sealed class ReportScheduleTests
{
    [Test]
    public void Plan_Defaults_InterimAtTheMidpointAndFinalSixtyDaysAfterTheEnd()
    {
        // 1 Jan to 31 Dec 2026 is 364 days: the midpoint is day 182, 2 July; 31 Dec + 60 days is 1 March 2027.
        var plan = ReportSchedule.Plan(new DateOnly(2026, 1, 1), new DateOnly(2026, 12, 31), ReportScheduleTerms.Default);

        Assert.That(plan, Is.EqualTo(new[]
        {
            new PlannedReport(ReportKind.Interim, 1, new DateOnly(2026, 7, 2), new DateOnly(2026, 7, 2)),
            new PlannedReport(ReportKind.Final, 1, new DateOnly(2026, 12, 31), new DateOnly(2027, 3, 1)),
        }));
    }

    [Test]
    public void Plan_ThreeInterimReportsDueThirtyDaysAfterTheirPeriod_SpreadEvenly()
    {
        // 729 days: periods end on days 182, 364 and 546 (rounded down).
        var plan = ReportSchedule.Plan(new DateOnly(2026, 1, 1), new DateOnly(2027, 12, 31), new ReportScheduleTerms(3, 30, 90));

        Assert.That(plan, Is.EqualTo(new[]
        {
            new PlannedReport(ReportKind.Interim, 1, new DateOnly(2026, 7, 2), new DateOnly(2026, 8, 1)),
            new PlannedReport(ReportKind.Interim, 2, new DateOnly(2026, 12, 31), new DateOnly(2027, 1, 30)),
            new PlannedReport(ReportKind.Interim, 3, new DateOnly(2027, 7, 1), new DateOnly(2027, 7, 31)),
            new PlannedReport(ReportKind.Final, 1, new DateOnly(2027, 12, 31), new DateOnly(2028, 3, 30)),
        }));
    }

    [Test]
    public void Plan_NoInterimReport_OnlyTheFinal()
    {
        var plan = ReportSchedule.Plan(new DateOnly(2026, 5, 1), new DateOnly(2027, 1, 31), new ReportScheduleTerms(0));

        Assert.That(plan, Is.EqualTo(new[] { new PlannedReport(ReportKind.Final, 1, new DateOnly(2027, 1, 31), new DateOnly(2027, 4, 1)) }));
    }

    [Test]
    public void Plan_EndBeforeStartAndNegativeDays_ReportsEveryRule()
    {
        var error = Assert.Throws<RulesViolatedException>(() =>
            ReportSchedule.Plan(new DateOnly(2026, 5, 1), new DateOnly(2026, 4, 30), new ReportScheduleTerms(13, -1, 366)))!;

        Assert.That(error.Violations.Select(v => v.Field), Is.EqualTo(new[] { "End", "InterimReports", "InterimDaysAfterPeriod", "FinalDaysAfterEnd" }));
    }

    [Test]
    public void Plan_ProjectTooShortForItsInterimReports_IsRefused()
    {
        var error = Assert.Throws<RulesViolatedException>(() =>
            ReportSchedule.Plan(new DateOnly(2026, 5, 1), new DateOnly(2026, 5, 3), new ReportScheduleTerms(2)))!;

        Assert.That(error.Message, Is.EqualTo("A project of 2 days is too short for 2 interim reports."));
    }
}
