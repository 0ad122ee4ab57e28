using TrustFund.Domain.Grants;

namespace TrustFund.Domain.GranteeReports;

/// <summary>
/// What a grant's reports say about its instalments' report conditions. The k-th instalment that
/// waits for an interim report waits for the interim reports 1 to k (the last one when the grant has
/// fewer): with 40/40/20 and one interim report, the second instalment waits for that report. The
/// final-report condition waits for every final report of the grant. A grant without such a report
/// never meets the condition by itself: only an override (with its justification) releases it.
/// </summary>
public static class ReportConditions
{
    /// <summary>Whether the interim reports <paramref name="instalmentId"/> waits for are all accepted.</summary>
    public static bool InterimReportAccepted(Grant grant, Guid instalmentId, IEnumerable<GranteeReport> reports)
    {
        var waiting = grant.Instalments
            .Where(i => i.Conditions.Contains(ReleaseCondition.InterimReportAccepted))
            .OrderBy(i => i.Number)
            .ToList();
        var position = waiting.FindIndex(i => i.Id == instalmentId) + 1;
        var interim = reports.Where(r => r.GrantId == grant.Id && r.Kind == ReportKind.Interim).OrderBy(r => r.Sequence).ToList();
        if (interim.Count == 0)
        {
            return false;
        }

        var needed = Math.Min(Math.Max(position, 1), interim.Count);
        return interim.Take(needed).All(r => r.IsAccepted);
    }

    /// <summary>Whether the grant has a final report and every final report is accepted (for the last instalment and for closure).</summary>
    public static bool FinalReportsAccepted(Guid grantId, IEnumerable<GranteeReport> reports)
    {
        var final = reports.Where(r => r.GrantId == grantId && r.Kind == ReportKind.Final).ToList();
        return final.Count > 0 && final.All(r => r.IsAccepted);
    }

    /// <summary>The release facts of an instalment: its report conditions read from the reports, and the manual conditions a fund manager confirms.</summary>
    public static ReleaseFacts Facts(Grant grant, Guid instalmentId, IReadOnlyCollection<GranteeReport> reports, IReadOnlyCollection<string> manualConditionsMet) =>
        new(InterimReportAccepted(grant, instalmentId, reports), FinalReportsAccepted(grant.Id, reports), manualConditionsMet);
}
