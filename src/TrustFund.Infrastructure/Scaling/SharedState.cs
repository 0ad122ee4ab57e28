using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using StackExchange.Redis;
using TrustFund.Infrastructure.Persistence.ReadModels;

namespace TrustFund.Infrastructure.Scaling;

/// <summary>
/// State that several instances of the app behind a load balancer must share beyond the database: when
/// <c>Redis:Configuration</c> is set (a StackExchange.Redis configuration string such as
/// <c>redis.internal:6379,password=...</c>), the change counters of the kept read models and the rate-limit
/// counters live in Redis. Unset, the app keeps them in its own process, which is right for one instance.
/// </summary>
public static class SharedState
{
    public const string ConfigurationSetting = "Redis:Configuration";

    /// <summary>Whether the configuration names a Redis server.</summary>
    public static bool Configured(IConfiguration configuration) => !string.IsNullOrWhiteSpace(configuration[ConfigurationSetting]);

    public static IServiceCollection AddTrustFundSharedState(this IServiceCollection services, IConfiguration configuration)
    {
        if (!Configured(configuration))
        {
            return services;
        }

        var options = ConfigurationOptions.Parse(configuration[ConfigurationSetting]!);

        // The app starts while Redis is unreachable and reconnects by itself; meanwhile it reports not ready.
        options.AbortOnConnectFail = false;
        services.AddSingleton<IConnectionMultiplexer>(_ => ConnectionMultiplexer.Connect(options));
        services.AddSingleton<ISharedChangeVersions, RedisChangeVersions>();
        services.AddHealthChecks().AddCheck<RedisReadyCheck>("redis", tags: ["ready"]);
        return services;
    }

    /// <summary>
    /// Early in the pipeline: each request first brings this instance's change counters up to the shared
    /// ones (one Redis round trip), so it never shows kept data older than a save made through another instance.
    /// </summary>
    public static IApplicationBuilder UseTrustFundSharedState(this IApplicationBuilder app)
    {
        var versions = app.ApplicationServices.GetRequiredService<ChangeVersions>();
        return versions.Shared
            ? app.Use(async (context, next) =>
            {
                await versions.RefreshAsync(context.RequestAborted);
                await next(context);
            })
            : app;
    }

    private sealed class RedisReadyCheck(IConnectionMultiplexer redis) : IHealthCheck
    {
        public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
        {
            try
            {
                var latency = await redis.GetDatabase().PingAsync().WaitAsync(cancellationToken);
                return HealthCheckResult.Healthy($"Redis answered in {latency.TotalMilliseconds:0.#} ms.");
            }
            catch (RedisException e)
            {
                return HealthCheckResult.Unhealthy("Redis does not answer.", e);
            }
            catch (TimeoutException e)
            {
                return HealthCheckResult.Unhealthy("Redis does not answer.", e);
            }
        }
    }
}
