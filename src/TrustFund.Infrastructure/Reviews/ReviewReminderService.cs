using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using TrustFund.Application.Reviews;
using TrustFund.Infrastructure.Scheduling;

namespace TrustFund.Infrastructure.Reviews;

/// <summary>
/// Sends the overdue review reminders once a day (and once at start). Safe with several app instances:
/// the use case reminds only assignments not reminded in the last three days, and marks them in the
/// same transaction as the emails; when two instances run at the same moment, the second one's save
/// fails its version check on those assignments and rolls back with its emails, so nobody is reminded twice.
/// </summary>
internal sealed class ReviewReminderService : DailyUseCaseService<SendReviewReminders, RemindersSent>
{
    public const string EnabledSetting = "Reviews:RemindersEnabled";

    public ReviewReminderService(IServiceScopeFactory scopes, ILogger<ReviewReminderService> logger)
        : base(scopes, logger)
    {
    }

    protected override string WorkName => "Review reminders";

    protected override SendReviewReminders Request() => new();

    protected override void LogDone(RemindersSent result) =>
        Logger.LogInformation("Review reminders sent to {Reviewers} reviewers about {Assignments} overdue reviews.", result.Reviewers, result.Assignments);
}
