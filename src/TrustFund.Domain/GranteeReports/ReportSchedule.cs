using TrustFund.Domain.Common;

namespace TrustFund.Domain.GranteeReports;

/// <summary>Plans a grant's reports from its start and end dates and the call's reporting terms.</summary>
public static class ReportSchedule
{
    /// <summary>
    /// The interim reports, their periods ending at equal fractions of the project (day counts rounded
    /// down: one interim report ends at the midpoint), then the final report covering up to the end.
    /// </summary>
    public static IReadOnlyList<PlannedReport> Plan(DateOnly start, DateOnly end, ReportScheduleTerms terms)
    {
        var errors = new List<RuleViolation>();
        var totalDays = end.DayNumber - start.DayNumber;
        if (totalDays <= 0)
        {
            errors.Add(new RuleViolation("End", "The project must end after it starts."));
        }

        if (terms.InterimReports is < 0 or > ReportScheduleTerms.MaximumInterimReports)
        {
            errors.Add(new RuleViolation(nameof(terms.InterimReports), new LocalText("The number of interim reports is from 0 to {0}.", ReportScheduleTerms.MaximumInterimReports)));
        }
        else if (totalDays > 0 && totalDays < terms.InterimReports + 1)
        {
            errors.Add(new RuleViolation(nameof(terms.InterimReports), new LocalText("A project of {0} days is too short for {1} interim reports.", totalDays, terms.InterimReports)));
        }

        foreach (var (field, days) in new[] { (nameof(terms.InterimDaysAfterPeriod), terms.InterimDaysAfterPeriod), (nameof(terms.FinalDaysAfterEnd), terms.FinalDaysAfterEnd) })
        {
            if (days is < 0 or > ReportScheduleTerms.MaximumDays)
            {
                errors.Add(new RuleViolation(field, new LocalText("Reports are due from 0 to {0} days after their period.", ReportScheduleTerms.MaximumDays)));
            }
        }

        RulesViolatedException.ThrowIfAny(errors);
        var reports = new List<PlannedReport>();
        for (var i = 1; i <= terms.InterimReports; i++)
        {
            var periodEnd = start.AddDays((int)((long)totalDays * i / (terms.InterimReports + 1)));
            reports.Add(new PlannedReport(ReportKind.Interim, i, periodEnd, periodEnd.AddDays(terms.InterimDaysAfterPeriod)));
        }

        reports.Add(new PlannedReport(ReportKind.Final, 1, end, end.AddDays(terms.FinalDaysAfterEnd)));
        return reports;
    }
}
