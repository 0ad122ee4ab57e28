using System.Net;
using Microsoft.EntityFrameworkCore;
using TrustFund.Application.Audit;
using TrustFund.Web.Tests.Infrastructure;

namespace TrustFund.Web.Tests.Hardening;

/// <summary>
/// X-Forwarded-For is believed only from configured proxies: otherwise a client could pick a new
/// address for every request and escape the per-client rate limits, or forge the address in the audit trail.
/// </summary>
public sealed class ForwardedHeadersTests
{
    private static readonly IPAddress Proxy = IPAddress.Parse("10.0.0.5");

    [TestCase(null, null)]
    [TestCase("ForwardedHeaders:KnownProxies:0", "10.0.0.9")]
    [TestCase("ForwardedHeaders:KnownNetworks:0", "192.168.0.0/16")]
    public async Task Login_SpoofedForwardedForFromAnUnknownSender_DoesNotChangeTheClientPartition(string? setting, string? value)
    {
        using var app = await LimitedAppAsync(setting, value);
        using var session = app.NewSession();

        for (var attempt = 1; attempt <= 3; attempt++)
        {
            var allowed = await LoginFromAsync(session, $"203.0.113.{attempt}", $"spoof{attempt}@ngo.test");
            Assert.That(allowed.StatusCode, Is.EqualTo(HttpStatusCode.OK), $"attempt {attempt}");
        }

        var refused = await LoginFromAsync(session, "203.0.113.99", "spoof-last@ngo.test");

        Assert.That(refused.StatusCode, Is.EqualTo(HttpStatusCode.TooManyRequests), "a new X-Forwarded-For does not give a new allowance");
        var addresses = await FailedSignInAddressesAsync(app);
        Assert.That(addresses, Is.Not.Empty.And.All.EqualTo(Proxy.ToString()), "the audit trail records the connection's address, not the claimed one");
    }

    [TestCase("ForwardedHeaders:KnownProxies:0", "10.0.0.5")]
    [TestCase("ForwardedHeaders:KnownNetworks:0", "10.0.0.0/8")]
    public async Task Login_ThroughAKnownProxy_IsLimitedPerForwardedClient(string setting, string value)
    {
        using var app = await LimitedAppAsync(setting, value);
        using var session = app.NewSession();

        for (var attempt = 1; attempt <= 3; attempt++)
        {
            Assert.That((await LoginFromAsync(session, "198.51.100.7", $"client{attempt}@ngo.test")).StatusCode, Is.EqualTo(HttpStatusCode.OK), $"attempt {attempt}");
        }

        Assert.That((await LoginFromAsync(session, "198.51.100.7", "client-last@ngo.test")).StatusCode, Is.EqualTo(HttpStatusCode.TooManyRequests), "the forwarded client is limited");
        Assert.That((await LoginFromAsync(session, "198.51.100.8", "other-client@ngo.test")).StatusCode, Is.EqualTo(HttpStatusCode.OK), "another client behind the same proxy has its own allowance");
        Assert.That(await FailedSignInAddressesAsync(app), Does.Contain("198.51.100.8").And.Not.Contain(Proxy.ToString()), "the audit trail records the client's address");
    }

    private static async Task<TrustFundApp> LimitedAppAsync(string? setting, string? value)
    {
        var settings = new Dictionary<string, string?>
        {
            ["RateLimits:Enabled"] = "true",
            ["RateLimits:SignInPerClient:PermitLimit"] = "3",
            ["RateLimits:SignInPerClient:Window"] = "01:00:00",
            ["RateLimits:SignInPerAccount:PermitLimit"] = "100",
            ["RateLimits:SignInPerAccount:Window"] = "01:00:00",
        };
        if (setting is not null)
        {
            settings[setting] = value;
        }

        return await new TrustFundApp(settings) { ConnectionAddress = Proxy }.StartAsync();
    }

    private static Task<HttpResponseMessage> LoginFromAsync(TestSession session, string forwardedFor, string email)
    {
        session.Client.DefaultRequestHeaders.Remove("X-Forwarded-For");
        session.Client.DefaultRequestHeaders.Add("X-Forwarded-For", forwardedFor);
        return session.PostFormAsync("/Account/Login", "/Account/Login", new() { ["Email"] = email, ["Password"] = "not the password at all" });
    }

    private static Task<List<string?>> FailedSignInAddressesAsync(TrustFundApp app) =>
        app.WithDbAsync(db => db.AuditEntries.AsNoTracking()
            .Where(e => e.Action == AuditActions.SignInFailed)
            .Select(e => e.IpAddress)
            .ToListAsync());
}
