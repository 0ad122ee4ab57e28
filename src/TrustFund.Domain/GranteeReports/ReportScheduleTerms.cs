namespace TrustFund.Domain.GranteeReports;

/// <summary>How a grant's reports are scheduled (defaults from the call; data, never constants in code).</summary>
/// <param name="InterimReports">How many interim reports, spread evenly over the project (one: at the midpoint).</param>
/// <param name="InterimDaysAfterPeriod">Days after the end of an interim period that its report is due.</param>
/// <param name="FinalDaysAfterEnd">Days after the project's end that the final report is due.</param>
public sealed record ReportScheduleTerms(int InterimReports = 1, int InterimDaysAfterPeriod = 0, int FinalDaysAfterEnd = 60)
{
    public const int MaximumInterimReports = 12;
    public const int MaximumDays = 365;

    /// <summary>One interim report due at the midpoint, the final report 60 days after the end.</summary>
    public static ReportScheduleTerms Default { get; } = new();
}
