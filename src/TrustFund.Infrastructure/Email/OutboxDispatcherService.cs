using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace TrustFund.Infrastructure.Email;

/// <summary>Runs the outbox dispatcher on a timer for the life of the app.</summary>
internal sealed class OutboxDispatcherService : BackgroundService
{
    private readonly OutboxDispatcher _dispatcher;
    private readonly EmailOptions _options;
    private readonly ILogger<OutboxDispatcherService> _logger;

    public OutboxDispatcherService(OutboxDispatcher dispatcher, IOptions<EmailOptions> options, ILogger<OutboxDispatcherService> logger)
    {
        _dispatcher = dispatcher;
        _options = options.Value;
        _logger = logger;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(_options.PollInterval);
        do
        {
            try
            {
                await _dispatcher.DispatchDueAsync(stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // The database may be unreachable for a while; try again on the next tick.
                _logger.LogError(ex, "The outbox dispatcher could not run.");
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
