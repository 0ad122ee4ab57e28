using System.Net;
using Microsoft.AspNetCore.HttpOverrides;

namespace TrustFund.Web.Hosting;

/// <summary>
/// Behind a reverse proxy or load balancer, the client's address (for per-client rate limits and the
/// audit trail) and the original scheme (for Secure cookies and HSTS) come from
/// <c>X-Forwarded-For</c> and <c>X-Forwarded-Proto</c>, but only when the connection comes from a proxy
/// listed in <c>ForwardedHeaders:KnownProxies</c> or <c>ForwardedHeaders:KnownNetworks</c>. With
/// neither set (the default) the headers are ignored, so a client cannot choose its own address.
/// </summary>
internal static class ForwardedHeadersSetup
{
    public const string Section = "ForwardedHeaders";

    public static IServiceCollection AddTrustFundForwardedHeaders(this IServiceCollection services, IConfiguration configuration)
    {
        var section = configuration.GetSection(Section);
        var proxies = section.GetSection("KnownProxies").Get<string[]>() ?? [];
        var networks = section.GetSection("KnownNetworks").Get<string[]>() ?? [];
        services.Configure<ForwardedHeadersOptions>(options =>
        {
            options.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            options.ForwardLimit = section.GetValue("ForwardLimit", 1);

            // Replaces the framework's default (loopback trusted): only what is configured is trusted.
            options.KnownProxies.Clear();
            options.KnownIPNetworks.Clear();
            foreach (var proxy in proxies)
            {
                options.KnownProxies.Add(IPAddress.TryParse(proxy.Trim(), out var address)
                    ? address
                    : throw new InvalidOperationException($"{Section}:KnownProxies holds '{proxy}', which is not an IP address."));
            }

            foreach (var network in networks)
            {
                options.KnownIPNetworks.Add(System.Net.IPNetwork.TryParse(network.Trim(), out var parsed)
                    ? parsed
                    : throw new InvalidOperationException($"{Section}:KnownNetworks holds '{network}', which is not a network such as 10.0.0.0/8."));
            }
        });
        return services;
    }

    /// <summary>First in the pipeline, so everything after sees the client's address; nothing happens unless proxies are configured.</summary>
    public static IApplicationBuilder UseTrustFundForwardedHeaders(this IApplicationBuilder app, IConfiguration configuration)
    {
        var section = configuration.GetSection(Section);
        var configured = section.GetSection("KnownProxies").GetChildren().Any() || section.GetSection("KnownNetworks").GetChildren().Any();
        return configured ? app.UseForwardedHeaders() : app;
    }
}
