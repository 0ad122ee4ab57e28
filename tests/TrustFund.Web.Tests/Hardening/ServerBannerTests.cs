using System.Net;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using TrustFund.Web.Tests.Infrastructure;

namespace TrustFund.Web.Tests.Hardening;

/// <summary>Responses name no server software: Kestrel's "Server" header is off.</summary>
public sealed class ServerBannerTests
{
    [Test]
    public void KestrelOptions_AsTheAppConfiguresThem_AddNoServerHeader()
    {
        using var app = new TrustFundApp();

        var options = app.Services.GetRequiredService<IOptions<KestrelServerOptions>>().Value;

        Assert.That(options.AddServerHeader, Is.False);
    }

    [Test]
    public async Task Response_FromTheAppOnRealKestrel_HasNoServerHeader()
    {
        using var app = new TrustFundApp();
        app.UseKestrel(options => options.Listen(IPAddress.Loopback, 0));
        app.StartServer();
        using var client = app.CreateClient();

        using var response = await client.GetAsync(new Uri("/health/live", UriKind.Relative));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(client.BaseAddress!.Host, Is.EqualTo("127.0.0.1"), "a real connection to the loopback address");
        Assert.That(response.Headers.Contains("Server"), Is.False, string.Join(", ", response.Headers.Select(h => h.Key)));
        Assert.That(response.Headers.Server, Is.Empty);
    }
}
