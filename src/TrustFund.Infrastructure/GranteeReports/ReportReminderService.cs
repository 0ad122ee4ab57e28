using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using TrustFund.Application.Common;
using TrustFund.Application.GranteeReports;

namespace TrustFund.Infrastructure.GranteeReports;

/// <summary>
/// Sends the overdue report reminders once a day (and once at start). Safe with several app
/// instances: the use case reminds only reports not reminded in the last seven days and claims each
/// report it reminds in the same transaction as the emails; when two instances run at the same
/// moment, the second one's save fails its version check and rolls back with its emails.
/// </summary>
internal sealed class ReportReminderService : BackgroundService
{
    public const string EnabledSetting = "Reports:RemindersEnabled";
    private static readonly TimeSpan Period = TimeSpan.FromDays(1);
    private readonly IServiceScopeFactory _scopes;
    private readonly ILogger<ReportReminderService> _logger;

    public ReportReminderService(IServiceScopeFactory scopes, ILogger<ReportReminderService> logger)
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
                var outcome = await scope.ServiceProvider.GetRequiredService<IUseCases>().RunAsync(new SendReportReminders(), stoppingToken);
                if (outcome.Succeeded)
                {
                    _logger.LogInformation("Report reminders sent to {Organisations} organisations about {Reports} overdue reports.", outcome.Value.Organisations, outcome.Value.Reports);
                }
                else
                {
                    _logger.LogInformation("Report reminders were sent by another instance at the same moment; this run saved nothing.");
                }
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // The database may be unreachable for a while; try again on the next tick.
                _logger.LogError(ex, "The report reminders could not be sent.");
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
