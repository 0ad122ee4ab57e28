using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using TrustFund.Benchmarks.Baselines;
using TrustFund.Infrastructure.Persistence;

[assembly: HostingStartup(typeof(BenchmarkBaselines))]

namespace TrustFund.Benchmarks.Baselines;

/// <summary>
/// Benchmark mode, added to the unchanged app as a hosting startup: the <c>/bench/json</c> and
/// <c>/bench/fortunes</c> baselines, and a count of the SQL statements each request runs, in the
/// <c>X-Sql-Statements</c> response header.
/// </summary>
public sealed class BenchmarkBaselines : IHostingStartup
{
    /// <summary>The name to list in <c>ASPNETCORE_HOSTINGSTARTUPASSEMBLIES</c>.</summary>
    public const string AssemblyName = "TrustFund.Benchmarks.Baselines";

    public void Configure(IWebHostBuilder builder) => builder.ConfigureServices(services =>
    {
        services.AddMvcCore().AddApplicationPart(typeof(BenchmarkBaselines).Assembly);
        services.AddSingleton<SqlStatementCounter>();
        services.ConfigureDbContext<TrustFundDbContext>((provider, options) => options.AddInterceptors(provider.GetRequiredService<SqlStatementCounter>()));
        services.AddDbContext<FortunesDbContext>((provider, options) =>
        {
            var configuration = provider.GetRequiredService<IConfiguration>();
            var database = DatabaseProviders.Parse(configuration[$"{DatabaseOptions.Section}:{nameof(DatabaseOptions.Provider)}"] ?? nameof(DatabaseProvider.Sqlite));
            var connectionString = configuration.GetConnectionString("TrustFund")
                ?? throw new InvalidOperationException("The benchmark baselines need ConnectionStrings:TrustFund.");
            DbContextOptionsFactory.Configure(options, database, connectionString).AddInterceptors(provider.GetRequiredService<SqlStatementCounter>());
        });
        services.AddHostedService<FortuneSeeding>();
        services.AddSingleton<IStartupFilter, SqlStatementsHeader>();
    });
}
