using System.Reflection;
using Microsoft.AspNetCore.Mvc.ApplicationParts;
using Microsoft.AspNetCore.Mvc.Controllers;
using Microsoft.EntityFrameworkCore;
using TrustFund.Infrastructure.Benchmarks;
using TrustFund.Infrastructure.Persistence;

namespace TrustFund.Web.Features.Benchmark;

/// <summary>
/// Wires benchmark mode: with <c>Benchmark:Enabled</c> the baseline endpoints exist, EF Core counts
/// SQL commands and each response carries <c>X-Sql-Statements</c>. Without it none of this exists.
/// </summary>
public static class BenchmarkMode
{
    public const string SqlStatementsHeader = "X-Sql-Statements";

    public static IServiceCollection AddBenchmarkMode(this IServiceCollection services, IConfiguration configuration)
    {
        var enabled = IsEnabled(configuration);
        services.AddMvcCore().ConfigureApplicationPartManager(parts => parts.FeatureProviders.Add(new BaselineControllers(enabled)));
        if (enabled)
        {
            services.AddSingleton<SqlStatementCounter>();
            services.ConfigureDbContext<TrustFundDbContext>((provider, options) => options.AddInterceptors(provider.GetRequiredService<SqlStatementCounter>()));
            services.AddHostedService<FortuneSeeding>();
        }

        return services;
    }

    public static WebApplication UseBenchmarkMode(this WebApplication app)
    {
        if (IsEnabled(app.Configuration))
        {
            app.Use(async (context, next) =>
            {
                var count = SqlStatementCounter.BeginScope();
                context.Response.OnStarting(() =>
                {
                    context.Response.Headers[SqlStatementsHeader] = count.Value.ToString(System.Globalization.CultureInfo.InvariantCulture);
                    return Task.CompletedTask;
                });
                await next(context);
            });
        }

        return app;
    }

    private static bool IsEnabled(IConfiguration configuration) =>
        configuration.GetValue($"{BenchmarkOptions.Section}:{nameof(BenchmarkOptions.Enabled)}", false);

    /// <summary>Removes the baseline controller unless benchmark mode is on.</summary>
    private sealed class BaselineControllers(bool enabled) : IApplicationFeatureProvider<ControllerFeature>
    {
        public void PopulateFeature(IEnumerable<ApplicationPart> parts, ControllerFeature feature)
        {
            if (!enabled)
            {
                feature.Controllers.Remove(typeof(BenchmarkController).GetTypeInfo());
            }
        }
    }

    /// <summary>Seeds the Fortunes table when benchmark mode starts (after start-up migrations).</summary>
    private sealed class FortuneSeeding(IServiceProvider services, ILogger<FortuneSeeding> logger) : IHostedService
    {
        public async Task StartAsync(CancellationToken cancellationToken)
        {
            await using var scope = services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<TrustFundDbContext>();
            try
            {
                await Fortunes.SeedAsync(db, cancellationToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // An unmigrated or unreachable database must not stop the app; /bench/fortunes then fails visibly.
                logger.LogError(ex, "The benchmark Fortunes table could not be seeded.");
            }
        }

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
