namespace TrustFund.Domain.GranteeReports;

/// <summary>One report of a grant's schedule.</summary>
/// <param name="Kind">Interim or final.</param>
/// <param name="Sequence">1 for the first report of its kind.</param>
/// <param name="PeriodEnd">The last day the report covers.</param>
/// <param name="DueOn">The last day to submit it; overdue from the day after.</param>
public sealed record PlannedReport(ReportKind Kind, int Sequence, DateOnly PeriodEnd, DateOnly DueOn);
