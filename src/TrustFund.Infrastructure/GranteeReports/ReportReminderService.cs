using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using TrustFund.Application.GranteeReports;
using TrustFund.Infrastructure.Scheduling;

namespace TrustFund.Infrastructure.GranteeReports;

/// <summary>
/// Sends the overdue report reminders once a day (and once at start). Safe with several app
/// instances: the use case reminds only reports not reminded in the last seven days and claims each
/// report it reminds in the same transaction as the emails; when two instances run at the same
/// moment, the second one's save fails its version check and rolls back with its emails.
/// </summary>
internal sealed class ReportReminderService : DailyUseCaseService<SendReportReminders, ReportRemindersSent>
{
    public const string EnabledSetting = "Reports:RemindersEnabled";

    public ReportReminderService(IServiceScopeFactory scopes, ILogger<ReportReminderService> logger)
        : base(scopes, logger)
    {
    }

    protected override string WorkName => "Report reminders";

    protected override SendReportReminders Request() => new();

    protected override void LogDone(ReportRemindersSent result) =>
        Logger.LogInformation("Report reminders sent to {Organisations} organisations about {Reports} overdue reports.", result.Organisations, result.Reports);
}
