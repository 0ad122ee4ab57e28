using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace TrustFund.Benchmarks.Baselines;

/// <summary>Creates and fills the Fortunes table when the app starts.</summary>
internal sealed partial class FortuneSeeding(IServiceProvider services, ILogger<FortuneSeeding> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await using var scope = services.CreateAsyncScope();
        try
        {
            await scope.ServiceProvider.GetRequiredService<FortunesDbContext>().SeedAsync(cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // An unreachable database must not stop the app; /bench/fortunes then fails visibly.
            NotSeeded(logger, ex);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Error, Message = "The benchmark Fortunes table could not be created or seeded.")]
    private static partial void NotSeeded(ILogger logger, Exception exception);
}
