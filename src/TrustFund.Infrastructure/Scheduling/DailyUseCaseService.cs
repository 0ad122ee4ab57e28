using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using TrustFund.Application.Common;

namespace TrustFund.Infrastructure.Scheduling;

/// <summary>
/// Runs a use case once at start and then once a day, each run in its own scope. A refused run (another
/// instance saved the same work at the same moment, so this one's save failed its version check and
/// rolled back) and a failed run (the database unreachable for a while) are logged, and the next tick
/// tries again.
/// </summary>
internal abstract class DailyUseCaseService<TRequest, TResult> : BackgroundService
    where TRequest : IUseCase<TResult>
{
    private static readonly TimeSpan Period = TimeSpan.FromDays(1);
    private readonly IServiceScopeFactory _scopes;

    protected DailyUseCaseService(IServiceScopeFactory scopes, ILogger logger)
    {
        _scopes = scopes;
        Logger = logger;
    }

    protected ILogger Logger { get; }

    /// <summary>What the work is called in the log, e.g. "Review reminders".</summary>
    protected abstract string WorkName { get; }

    protected abstract TRequest Request();

    /// <summary>Logs what a successful run did.</summary>
    protected abstract void LogDone(TResult result);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Period);
        do
        {
            try
            {
                await using var scope = _scopes.CreateAsyncScope();
                var outcome = await scope.ServiceProvider.GetRequiredService<IUseCases>().RunAsync(Request(), stoppingToken);
                if (outcome.Succeeded)
                {
                    LogDone(outcome.Value);
                }
                else
                {
                    Logger.LogInformation("{Work} were sent by another instance at the same moment; this run saved nothing.", WorkName);
                }
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                Logger.LogError(ex, "{Work} could not be sent.", WorkName);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
