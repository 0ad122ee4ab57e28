using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using TrustFund.Web.Tests.Infrastructure;

namespace TrustFund.Web.Tests.Protection;

/// <summary>
/// The Data Protection key ring lives in the database, so every instance reads the same keys, and is
/// encrypted with a certificate when one is configured (with older certificates still decrypting after a rotation).
/// </summary>
public sealed class KeyRingTests
{
    private const string Applicant = "applicant@trustfund.test";
    private readonly List<string> _files = [];

    [OneTimeTearDown]
    public void DeleteCertificates()
    {
        foreach (var file in _files.Where(File.Exists))
        {
            File.Delete(file);
        }
    }

    [Test]
    public async Task KeyRing_AfterFirstUse_IsInTheDataProtectionKeysTable_AndAnotherInstanceAcceptsItsCookie()
    {
        using var first = await new TrustFundApp().StartAsync();
        var cookie = await SignInCookieAsync(first);

        var keys = await first.WithDbAsync(db => db.DataProtectionKeys.AsNoTracking().Select(k => k.Xml!).ToListAsync());
        Assert.That(keys, Is.Not.Empty, "the key ring is in the database");
        Assert.That(keys, Has.All.Contain("<key id=").And.All.Contain("<masterKey"));

        using var second = await new TrustFundApp(new Dictionary<string, string?> { ["ConnectionStrings:TrustFund"] = first.ConnectionString }).StartAsync();
        Assert.That(await IsSignedInAsync(second, cookie), Is.True, "a second instance on the same database reads the same keys");
    }

    [Test]
    public async Task KeyRing_WithCertificate_IsEncryptedInTheTable_AndRotationKeepsOldKeysReadable()
    {
        var (oldCertificate, oldPassword) = NewCertificate("old");
        var (newCertificate, newPassword) = NewCertificate("new");
        using var first = await new TrustFundApp(new Dictionary<string, string?>
        {
            ["DataProtection:CertificatePath"] = oldCertificate,
            ["DataProtection:CertificatePassword"] = oldPassword,
        }).StartAsync();
        var cookie = await SignInCookieAsync(first);

        var keys = await first.WithDbAsync(db => db.DataProtectionKeys.AsNoTracking().Select(k => k.Xml!).ToListAsync());
        Assert.That(keys, Is.Not.Empty);
        Assert.That(keys, Has.All.Contain("<encryptedSecret").And.All.Contain("EncryptedKey").And.All.Contain("CipherValue"), "each key is encrypted with the certificate");
        Assert.That(keys, Has.None.Contain("<value>").And.None.Contain("unencrypted form"), "no master key in plain text");

        using (var sameCertificate = await AppOnSameDatabaseAsync(first, (oldCertificate, oldPassword)))
        {
            Assert.That(await IsSignedInAsync(sameCertificate, cookie), Is.True, "an instance with the certificate decrypts the key ring");
        }

        using (var rotated = await AppOnSameDatabaseAsync(first, (newCertificate, newPassword), (oldCertificate, oldPassword)))
        {
            Assert.That(await IsSignedInAsync(rotated, cookie), Is.True, "after a rotation the previous certificate still decrypts the old keys");
        }

        // Not started with the demo accounts: reading their (encrypted) authenticator keys would fail, as it should.
        using var withoutOld = new TrustFundApp(Settings(first, (newCertificate, newPassword), null));
        Assert.That(await IsSignedInAsync(withoutOld, cookie), Is.False, "without the certificate the stored keys cannot be read");
    }

    private static Task<TrustFundApp> AppOnSameDatabaseAsync(TrustFundApp first, (string Path, string Password) current, (string Path, string Password)? previous = null) =>
        new TrustFundApp(Settings(first, current, previous)).StartAsync();

    private static Dictionary<string, string?> Settings(TrustFundApp first, (string Path, string Password) current, (string Path, string Password)? previous)
    {
        var settings = new Dictionary<string, string?>
        {
            ["ConnectionStrings:TrustFund"] = first.ConnectionString,
            ["DataProtection:CertificatePath"] = current.Path,
            ["DataProtection:CertificatePassword"] = current.Password,
        };
        if (previous is { } old)
        {
            settings["DataProtection:PreviousCertificates:0:Path"] = old.Path;
            settings["DataProtection:PreviousCertificates:0:Password"] = old.Password;
        }

        return settings;
    }

    /// <summary>Signs in through the form; returns the authentication cookie as a Cookie header value.</summary>
    private static async Task<string> SignInCookieAsync(TrustFundApp app)
    {
        using var session = app.NewSession();
        var response = await session.PostFormAsync("/Account/Login", "/Account/Login", new() { ["Email"] = Applicant, ["Password"] = TrustFund.Infrastructure.Demo.DemoData.Password });
        var pairs = response.Headers.TryGetValues("Set-Cookie", out var cookies)
            ? cookies.Where(c => c.StartsWith("TrustFund.Auth", StringComparison.Ordinal)).Select(c => c.Split(';')[0]).ToList()
            : [];
        Assert.That(pairs, Is.Not.Empty, $"signed in ({(int)response.StatusCode})");
        return string.Join("; ", pairs);
    }

    private static async Task<bool> IsSignedInAsync(TrustFundApp app, string cookie)
    {
        using var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
        using var request = new HttpRequestMessage(HttpMethod.Get, "/Organisation/Profile");
        request.Headers.Add("Cookie", cookie);
        using var response = await client.SendAsync(request);
        return response.StatusCode == HttpStatusCode.OK;
    }

    private (string Path, string Password) NewCertificate(string name)
    {
        using var rsa = RSA.Create(2048);
        var request = new CertificateRequest($"CN=TrustFund test key ring {name}", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(1));
        var password = Guid.NewGuid().ToString("N");
        var path = Path.Combine(Path.GetTempPath(), $"trustfund-keyring-{name}-{Guid.NewGuid():N}.pfx");
        File.WriteAllBytes(path, certificate.Export(X509ContentType.Pfx, password));
        _files.Add(path);
        return (path, password);
    }
}
