using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using TrustFund.Application.Common;
using TrustFund.Application.Reviews;

namespace TrustFund.Infrastructure.Reviews;

/// <summary>
/// Sends the overdue review reminders once a day (and once at start). Safe with several app instances:
/// the use case reminds only assignments not reminded in the last three days, and marks them in the
/// same transaction as the emails; when two instances run at the same moment, the second one's save
/// fails its version check on those assignments and rolls back with its emails, so nobody is reminded twice.
/// </summary>
internal sealed class ReviewReminderService : BackgroundService
{
    public const string EnabledSetting = "Reviews:RemindersEnabled";
    private static readonly TimeSpan Period = TimeSpan.FromDays(1);
    private readonly IServiceScopeFactory _scopes;
    private readonly ILogger<ReviewReminderService> _logger;

    public ReviewReminderService(IServiceScopeFactory scopes, ILogger<ReviewReminderService> logger)
    {
        _scopes = scopes;
        _logger = logger;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Period);
        do
        {
            try
            {
                await using var scope = _scopes.CreateAsyncScope();
                var outcome = await scope.ServiceProvider.GetRequiredService<IUseCases>().RunAsync(new SendReviewReminders(), stoppingToken);
                if (outcome.Succeeded)
                {
                    _logger.LogInformation("Review reminders sent to {Reviewers} reviewers about {Assignments} overdue reviews.", outcome.Value.Reviewers, outcome.Value.Assignments);
                }
                else
                {
                    _logger.LogInformation("Review reminders were sent by another instance at the same moment; this run saved nothing.");
                }
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // The database may be unreachable for a while; try again on the next tick.
                _logger.LogError(ex, "The review reminders could not be sent.");
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
