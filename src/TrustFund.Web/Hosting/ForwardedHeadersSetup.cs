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
        // Parsed here, so a wrong address stops start-up instead of the first request.
        var section = configuration.GetSection(Section);
        var proxies = (section.GetSection("KnownProxies").Get<string[]>() ?? [])
            .Select(proxy => IPAddress.TryParse(proxy.Trim(), out var address)
                ? address
                : throw new InvalidOperationException($"{Section}:KnownProxies holds '{proxy}', which is not an IP address."))
            .ToList();
        var networks = (section.GetSection("KnownNetworks").Get<string[]>() ?? [])
            .Select(network => System.Net.IPNetwork.TryParse(network.Trim(), out var parsed)
                ? parsed
                : throw new InvalidOperationException($"{Section}:KnownNetworks holds '{network}', which is not a network such as 10.0.0.0/8."))
            .ToList();
        var forwardLimit = section.GetValue("ForwardLimit", 1);
        services.Configure<ForwardedHeadersOptions>(options =>
        {
            options.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            options.ForwardLimit = forwardLimit;

            // Replaces the framework's default (loopback trusted): only what is configured is trusted.
            options.KnownProxies.Clear();
            options.KnownIPNetworks.Clear();
            proxies.ForEach(options.KnownProxies.Add);
            networks.ForEach(options.KnownIPNetworks.Add);
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
