using System.IO.Compression;
using Microsoft.AspNetCore.ResponseCompression;

namespace TrustFund.Web.Hosting;

/// <summary>
/// Light pages for slow connections: pages compressed on the fly (Brotli, else gzip), static files served
/// precompressed from the build and cached for a year under fingerprinted addresses.
/// </summary>
internal static class Compression
{
    public static IServiceCollection AddTrustFundCompression(this IServiceCollection services)
    {
        services.AddResponseCompression(options =>
        {
            // Safe over HTTPS here (BREACH): every antiforgery token is encrypted afresh per response, and no
            // page repeats a fixed secret next to text an attacker could choose.
            options.EnableForHttps = true;
            options.Providers.Add<BrotliCompressionProvider>();
            options.Providers.Add<GzipCompressionProvider>();
        });
        services.Configure<BrotliCompressionProviderOptions>(options => options.Level = CompressionLevel.Optimal);
        services.Configure<GzipCompressionProviderOptions>(options => options.Level = CompressionLevel.Optimal);
        return services;
    }

    /// <summary>
    /// The files of wwwroot as endpoints (<c>MapStaticAssets</c>): gzip and Brotli copies made at build and
    /// publish, ETags, and <c>Cache-Control: max-age=31536000, immutable</c> on the fingerprinted addresses the
    /// views link to (<c>asp-append-version</c>). They answer straight after routing, before sign-in and rate
    /// limits, as static files did.
    /// </summary>
    public static IEndpointRouteBuilder MapTrustFundStaticAssets(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapStaticAssets().ShortCircuit();
        return endpoints;
    }
}
