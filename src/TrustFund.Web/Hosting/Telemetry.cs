using OpenTelemetry;
using OpenTelemetry.Exporter;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;
using TrustFund.Application.Common;

namespace TrustFund.Web.Hosting;

/// <summary>
/// OpenTelemetry traces and metrics, exported over OTLP to the collector named by
/// <c>OpenTelemetry:Endpoint</c>. Without that setting nothing is registered and nothing is
/// collected, so a developer's run and the benchmark pay nothing for it.
/// </summary>
internal static class Telemetry
{
    public const string Section = "OpenTelemetry";

    public static IServiceCollection AddTrustFundTelemetry(this IServiceCollection services, IConfiguration configuration)
    {
        var section = configuration.GetSection(Section);
        var endpoint = section["Endpoint"];
        if (string.IsNullOrWhiteSpace(endpoint))
        {
            return services;
        }

        var address = Uri.TryCreate(endpoint.Trim(), UriKind.Absolute, out var parsed) && parsed.Scheme is "http" or "https"
            ? parsed
            : throw new InvalidOperationException($"{Section}:Endpoint holds '{endpoint}', which is not an http(s) address such as http://otel-collector:4317.");
        var protocol = section.GetValue("Protocol", OtlpExportProtocol.Grpc);

        services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService(section["ServiceName"] ?? TrustFundTelemetry.Name))
            .WithTracing(tracing => tracing
                .AddSource(TrustFundTelemetry.Name)
                .AddAspNetCoreInstrumentation(options =>
                {
                    // Probes every few seconds from each orchestrator would bury the requests people make.
                    options.Filter = context => !context.Request.Path.StartsWithSegments("/health", StringComparison.OrdinalIgnoreCase);
                    options.RecordException = true;
                })
                .AddHttpClientInstrumentation()

                // One span per SQL command, on every provider (PostgreSQL, SQL Server, SQLite).
                .AddEntityFrameworkCoreInstrumentation())
            .WithMetrics(metrics => metrics
                .AddMeter(TrustFundTelemetry.Name)
                .AddAspNetCoreInstrumentation()
                .AddHttpClientInstrumentation()

                // Built into the runtime, EF Core and Npgsql (connection pool use): no instrumentation package needed.
                .AddMeter("System.Runtime", "Microsoft.EntityFrameworkCore", "Npgsql"))
            .UseOtlpExporter(protocol, address);
        return services;
    }
}
