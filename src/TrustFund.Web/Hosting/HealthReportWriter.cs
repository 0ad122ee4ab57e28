using System.Text.Json;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace TrustFund.Web.Hosting;

/// <summary>Writes a health report as JSON with each check's status and reason.</summary>
internal static class HealthReportWriter
{
    public static Task WriteAsync(HttpContext context, Microsoft.Extensions.Diagnostics.HealthChecks.HealthReport report)
    {
        context.Response.ContentType = "application/json; charset=utf-8";
        var body = new
        {
            status = report.Status.ToString(),
            checks = report.Entries.Select(e => new
            {
                name = e.Key,
                status = e.Value.Status.ToString(),
                description = e.Value.Description,
            }),
        };
        return context.Response.WriteAsync(JsonSerializer.Serialize(body));
    }
}
