using TrustFund.Domain.Applications;
using TrustFund.Domain.Calls;
using TrustFund.Domain.Common;
using TrustFund.Domain.GranteeReports;
using TrustFund.Domain.Grants;

namespace TrustFund.Application.Grants;

/// <summary>A grant made from an approval, with the reports it owes.</summary>
public sealed record AwardedGrant(Grant Grant, IReadOnlyList<GranteeReport> Reports);

/// <summary>
/// Makes the grant of an approved application, from the call's terms: the project starts on the date
/// the application proposed (at the earliest the day after the Board's session) and lasts the months it
/// proposed; the instalments follow the call's tranche template (first on the start date, the ones
/// between on the interim reports' due dates, the last on the final report's); the reports follow the
/// call's reporting terms. The grant's number is <c>UNVTF-G-&lt;year the call opened&gt;-&lt;sequence&gt;</c>.
/// </summary>
public static class GrantAward
{
    /// <summary>The year a call's grants are numbered under.</summary>
    public static int NumberingYear(Call call) => call.OpensAtUtc.Year;

    public static AwardedGrant Award(GrantApplication application, Call call, Money amount, DateOnly decidedOn, int sequence, string by, DateTime nowUtc)
    {
        var (start, end) = Dates(application, call, decidedOn);
        var grant = Grant.Award(application, amount, start, end, NumberingYear(call), sequence, by, nowUtc);
        var planned = ReportSchedule.Plan(start, end, call.Terms.Reporting);
        var template = InstalmentTemplate.Of([.. call.Terms.TrancheTemplate.Select(p => (decimal)p)]);
        grant.PlanInstalments(template, PlannedDates(template.Percentages.Count, start, end, planned));
        return new AwardedGrant(grant, [.. planned.Select(p => GranteeReport.Schedule(grant.Id, p))]);
    }

    /// <summary>The project's start and end: the proposed start (at the earliest the day after the decision) and the proposed duration.</summary>
    public static (DateOnly Start, DateOnly End) Dates(GrantApplication application, Call call, DateOnly decidedOn)
    {
        var earliest = decidedOn.AddDays(1);
        var start = application.Content.StartDate is { } proposed && proposed > earliest ? proposed : earliest;
        var months = application.Content.DurationMonths is int duration and > 0 ? duration : call.Terms.MaximumDurationMonths;
        return (start, start.AddMonths(Math.Max(1, months)).AddDays(-1));
    }

    private static List<DateOnly> PlannedDates(int count, DateOnly start, DateOnly end, IReadOnlyList<PlannedReport> reports)
    {
        var interim = reports.Where(r => r.Kind == ReportKind.Interim).OrderBy(r => r.DueOn).ToList();
        var final = reports.LastOrDefault(r => r.Kind == ReportKind.Final)?.DueOn ?? end;
        var dates = new List<DateOnly>(count);
        for (var i = 0; i < count; i++)
        {
            var date = i == 0 ? start
                : i == count - 1 ? final
                : i - 1 < interim.Count ? interim[i - 1].DueOn
                : start.AddDays((int)((long)(end.DayNumber - start.DayNumber) * i / (count - 1)));
            dates.Add(dates.Count > 0 && date < dates[^1] ? dates[^1] : date);
        }

        return dates;
    }
}
