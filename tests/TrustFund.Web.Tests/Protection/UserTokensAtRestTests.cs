using System.Net;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using TrustFund.Application.Accounts;
using TrustFund.Infrastructure.Demo;
using TrustFund.Infrastructure.Identity;
using TrustFund.Infrastructure.Persistence;
using TrustFund.Infrastructure.Protection;
using TrustFund.Web.Tests.Infrastructure;
using static TrustFund.Web.Tests.Infrastructure.TestAccounts;

namespace TrustFund.Web.Tests.Protection;

/// <summary>Authenticator keys and recovery codes are encrypted in AspNetUserTokens, and two-factor sign-in still works.</summary>
public sealed class UserTokensAtRestTests
{
    private TrustFundApp _app = null!;

    [OneTimeSetUp]
    public async Task StartApp() => _app = await new TrustFundApp().StartAsync();

    [OneTimeTearDown]
    public void StopApp() => _app.Dispose();

    [Test]
    public async Task Enrol_KeyAndRecoveryCodes_AreEncryptedInTheTable_AndBothStillSignIn()
    {
        var user = await CreateUserAsync(_app, Roles.Reviewer);
        IReadOnlyList<string> codes;
        string key;
        using (var session = await _app.SignInAsync(user.Email!))
        {
            (key, codes) = await TwoFactorSteps.EnrolAsync(_app, session);
        }

        var stored = await StoredTokensAsync(user.Id);
        Assert.That(stored.Select(t => t.Name), Is.SupersetOf(new[] { "AuthenticatorKey", "RecoveryCodes" }));
        Assert.That(stored.Where(t => !string.IsNullOrEmpty(t.Value)).Select(t => t.Value), Has.All.StartsWith(ProtectedText.Header), "every token value is a Data Protection payload");
        var secrets = codes.Prepend(key).ToArray();
        Assert.That(await RawDatabase.FindAsync(_app.DatabaseFile, secrets), Is.Empty, "neither the key nor any recovery code is readable in the database files");

        _app.Clock.Advance(TimeSpan.FromSeconds(30));
        using (var withApp = await _app.SignInAsync(user.Email!))
        {
            Assert.That((await withApp.GetAsync("/")).StatusCode, Is.EqualTo(HttpStatusCode.OK), "the authenticator app's code signs in");
        }

        using var withRecovery = _app.NewSession();
        await withRecovery.PostFormAsync("/Account/Login", "/Account/Login", new() { ["Email"] = user.Email!, ["Password"] = DemoData.Password });
        var recovered = await withRecovery.PostFormAsync("/Account/LoginWithRecoveryCode", "/Account/LoginWithRecoveryCode", new() { ["RecoveryCode"] = codes[3] });
        Assert.That(TestSession.IsRedirectTo(recovered, "/"), Is.True, "a recovery code signs in");
        Assert.That(await RecoveryCodesLeftAsync(user.Email!), Is.EqualTo(9), "and is used up");
    }

    [Test]
    public async Task RecoveryCodes_AreStoredAsSaltedHashes_EvenOnceDecrypted()
    {
        var user = await CreateUserAsync(_app, Roles.Reviewer);
        IReadOnlyList<string> codes;
        using (var session = await _app.SignInAsync(user.Email!))
        {
            (_, codes) = await TwoFactorSteps.EnrolAsync(_app, session);
        }

        // What the store gives back after decrypting: hashes only, one per code, none equal to another.
        var revealed = await _app.WithDbAsync(async db =>
        {
            var store = new ProtectedTokenUserStore(db, _app.Services.GetRequiredService<Microsoft.AspNetCore.DataProtection.IDataProtectionProvider>(), _app.Services.GetRequiredService<IPasswordHasher<TrustFundUser>>());
            return await store.GetTokenAsync((await db.Users.SingleAsync(u => u.Id == user.Id))!, "[AspNetUserStore]", "RecoveryCodes", CancellationToken.None);
        });
        var entries = revealed!.Split(';');

        Assert.Multiple(() =>
        {
            Assert.That(entries, Has.Length.EqualTo(10), "ten codes");
            Assert.That(entries, Has.All.StartsWith("hash:"), "each hashed");
            Assert.That(entries, Is.Unique, "each with its own salt");
            Assert.That(codes, Has.None.Matches<string>(code => revealed.Contains(code, StringComparison.OrdinalIgnoreCase)), "no code in clear behind the encryption");
        });
    }

    [Test]
    public async Task RecoveryCodeStoredBeforeHashing_RedeemsOnce()
    {
        var user = await CreateUserAsync(_app, Roles.Reviewer);
        using (var session = await _app.SignInAsync(user.Email!))
        {
            await TwoFactorSteps.EnrolAsync(_app, session);
        }

        await _app.WithDbAsync(async db =>
        {
            var store = new ProtectedTokenUserStore(db, _app.Services.GetRequiredService<Microsoft.AspNetCore.DataProtection.IDataProtectionProvider>(), _app.Services.GetRequiredService<IPasswordHasher<TrustFundUser>>());
            var entity = await db.Users.SingleAsync(u => u.Id == user.Id);
            await store.SetTokenAsync(entity, "[AspNetUserStore]", "RecoveryCodes", "OLDCODE-0001;OLDCODE-0002", CancellationToken.None);
            return await db.SaveChangesAsync();
        });

        using var first = _app.NewSession();
        await first.PostFormAsync("/Account/Login", "/Account/Login", new() { ["Email"] = user.Email!, ["Password"] = DemoData.Password });
        var recovered = await first.PostFormAsync("/Account/LoginWithRecoveryCode", "/Account/LoginWithRecoveryCode", new() { ["RecoveryCode"] = "OLDCODE-0002" });
        using var second = _app.NewSession();
        await second.PostFormAsync("/Account/Login", "/Account/Login", new() { ["Email"] = user.Email!, ["Password"] = DemoData.Password });
        var again = await second.PostFormAsync("/Account/LoginWithRecoveryCode", "/Account/LoginWithRecoveryCode", new() { ["RecoveryCode"] = "OLDCODE-0002" });

        Assert.Multiple(() =>
        {
            Assert.That(TestSession.IsRedirectTo(recovered, "/"), Is.True, "the old code signs in");
            Assert.That(TestSession.IsRedirectTo(again, "/"), Is.False, "but only once");
        });
    }

    [Test]
    public async Task DemoStaffKey_IsSeededThroughTheProtectingStore()
    {
        var manager = (await FindUserAsync(_app, "manager@trustfund.test"))!;

        var stored = await StoredTokensAsync(manager.Id);

        Assert.That(stored.Single(t => t.Name == "AuthenticatorKey").Value, Does.StartWith(ProtectedText.Header));
        Assert.That(await RawDatabase.FindAsync(_app.DatabaseFile, DemoData.StaffAuthenticatorKey), Is.Empty);
        Assert.That(await _app.AuthenticatorKeyAsync("manager@trustfund.test"), Is.EqualTo(DemoData.StaffAuthenticatorKey), "Identity reads the documented key");
        using var session = await _app.SignInAsync("manager@trustfund.test");
        Assert.That((await session.GetAsync("/Manage/Calls")).StatusCode, Is.EqualTo(HttpStatusCode.OK));
    }

    [Test]
    public async Task PlainTextKeyFromBeforeEncryption_StillSignsIn_AndIsEncryptedAtStartUp()
    {
        var user = await CreateUserAsync(_app, Roles.FundManager);
        const string legacyKey = "LEGACYPLAINTEXTAUTHENTICATORKEY";
        await _app.WithDbAsync(db => db.Database.ExecuteSqlAsync(
            $"UPDATE \"AspNetUserTokens\" SET \"Value\" = {legacyKey} WHERE \"UserId\" = {user.Id} AND \"Name\" = 'AuthenticatorKey'"));
        Assert.That(await _app.AuthenticatorKeyAsync(user.Email!), Is.EqualTo(legacyKey));
        using (var session = await _app.SignInAsync(user.Email!))
        {
            Assert.That((await session.GetAsync("/")).StatusCode, Is.EqualTo(HttpStatusCode.OK), "the plain-text key still works");
        }

        Assert.That(await DatabaseStartup.MigrateAsync(_app.Services, NullLogger.Instance), Is.True);

        var stored = await StoredTokensAsync(user.Id);
        Assert.That(stored.Single(t => t.Name == "AuthenticatorKey").Value, Does.StartWith(ProtectedText.Header), "encrypted at start-up");
        Assert.That(await _app.AuthenticatorKeyAsync(user.Email!), Is.EqualTo(legacyKey), "and reads as the same key");
    }

    private Task<List<IdentityUserToken<Guid>>> StoredTokensAsync(Guid userId) =>
        _app.WithDbAsync(db => db.UserTokens.AsNoTracking().Where(t => t.UserId == userId).ToListAsync());

    private async Task<int> RecoveryCodesLeftAsync(string email)
    {
        await using var scope = _app.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<TrustFundUser>>();
        return await users.CountRecoveryCodesAsync((await users.FindByEmailAsync(email))!);
    }
}
