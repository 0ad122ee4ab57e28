using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TrustFund.Application.Audit;
using TrustFund.Database.Tests.Engines;
using TrustFund.Domain.Organisations;
using TrustFund.Infrastructure.Audit;
using TrustFund.Infrastructure.Demo;
using TrustFund.Infrastructure.Persistence;
using TrustFund.Infrastructure.Protection;

namespace TrustFund.Database.Tests;

/// <summary>The app itself on each engine: start-up migration, Identity, Data Protection keys and audited sign-in.</summary>
[TestFixture(DatabaseProvider.Sqlite)]
[TestFixture(DatabaseProvider.PostgreSql)]
[TestFixture(DatabaseProvider.SqlServer)]
public sealed partial class AppOnEngineTests : EngineFixture
{
    private EngineApp? _app;

    public AppOnEngineTests(DatabaseProvider provider)
        : base(provider)
    {
    }

    protected override bool MigrateBeforeTests => false;

    private EngineApp App => _app ?? throw new InvalidOperationException("The app has not started.");

    [OneTimeSetUp]
    public async Task StartAppAsync()
    {
        _app = new EngineApp(Provider, ConnectionString, Clock);
        _ = _app.Server;
        await DemoData.SeedAsync(_app.Services);
    }

    [OneTimeTearDown]
    public void StopApp() => _app?.Dispose();

    [Test]
    public async Task HealthReady_AfterStartupMigration_IsHealthy()
    {
        using var client = App.CreateClient();

        var response = await client.GetAsync(new Uri("/health/ready", UriKind.Relative));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), await response.Content.ReadAsStringAsync());
    }

    [Test]
    public async Task SignIn_DemoAccount_RedirectsHomeAndAuditsOnTheChain()
    {
        using var client = App.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });

        var wrong = await PostLoginAsync(client, "reviewer@trustfund.test", "not the right password");
        var right = await PostLoginAsync(client, "reviewer@trustfund.test", DemoData.Password);
        var home = await client.GetAsync(new Uri("/", UriKind.Relative));

        await using var scope = App.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TrustFundDbContext>();
        var actions = await db.AuditEntries.Where(e => e.Summary.Contains("reviewer@trustfund.test")).Select(e => e.Action).ToListAsync();
        var chain = await scope.ServiceProvider.GetRequiredService<AuditChainVerifier>().VerifyAsync(CancellationToken.None);
        Assert.Multiple(() =>
        {
            Assert.That(wrong.StatusCode, Is.EqualTo(HttpStatusCode.OK), "a wrong password shows the form again");
            Assert.That(right.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
            Assert.That(home.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(actions, Does.Contain(AuditActions.SignInFailed).And.Contain(AuditActions.SignInSucceeded));
            Assert.That(chain.IsIntact, Is.True, $"chain breaks at {chain.FirstBrokenSequence}");
        });
    }

    [Test]
    public async Task DataProtection_KeyRing_IsKeptInTheDatabase()
    {
        var protector = App.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector("database-tests");
        var secret = protector.Protect("survivor case reference");

        await using var scope = App.Services.CreateAsyncScope();
        var keys = await scope.ServiceProvider.GetRequiredService<TrustFundDbContext>().DataProtectionKeys.CountAsync();
        Assert.Multiple(() =>
        {
            Assert.That(protector.Unprotect(secret), Is.EqualTo("survivor case reference"));
            Assert.That(keys, Is.GreaterThanOrEqualTo(1));
        });
    }

    [Test]
    public async Task BankDetailsAndAuthenticatorKeys_AreStoredEncrypted_AndReadBack()
    {
        var organisation = Organisation.Register($"Encrypted on {Provider}", "NGA", Clock.GetUtcNow().UtcDateTime);
        organisation.ChangeBankDetails(new BankDetails { BankName = "Engine Bank", SwiftBic = "ENGNNGLA", AccountNumber = "NG55ENGINE000777", AccountHolder = "Engine Holder Trust" });
        await using (var scope = App.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<TrustFundDbContext>();
            db.Organisations.Add(organisation);
            await db.SaveChangesAsync();
        }

        await using var readScope = App.Services.CreateAsyncScope();
        var reader = readScope.ServiceProvider.GetRequiredService<TrustFundDbContext>();
        var column = await reader.Database.SqlQuery<string>($"SELECT \"Bank\" AS \"Value\" FROM \"Organisations\" WHERE \"Id\" = {organisation.Id}").SingleAsync();
        var tokens = await reader.Database.SqlQuery<string>($"SELECT \"Value\" FROM \"AspNetUserTokens\" WHERE \"Name\" = 'AuthenticatorKey'").ToListAsync();
        var read = await reader.Organisations.AsNoTracking().SingleAsync(o => o.Id == organisation.Id);
        Assert.Multiple(() =>
        {
            Assert.That(column, Does.StartWith(ProtectedText.Header).And.Not.Contain("NG55ENGINE000777").And.Not.Contain("Engine Holder Trust"));
            Assert.That(read.Bank, Is.EqualTo(organisation.Bank));
            Assert.That(tokens, Is.Not.Empty.And.All.StartWith(ProtectedText.Header).And.None.Contain(DemoData.StaffAuthenticatorKey));
        });
    }

    private static async Task<HttpResponseMessage> PostLoginAsync(HttpClient client, string email, string password)
    {
        var form = await client.GetStringAsync(new Uri("/Account/Login", UriKind.Relative));
        var token = AntiforgeryToken().Match(form);
        Assert.That(token.Success, Is.True, "the sign-in form carries an antiforgery token");
        using var body = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Email"] = email,
            ["Password"] = password,
            ["__RequestVerificationToken"] = token.Groups[1].Value,
        });
        return await client.PostAsync(new Uri("/Account/Login", UriKind.Relative), body);
    }

    [GeneratedRegex("<input[^>]*name=\"__RequestVerificationToken\"[^>]*value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryToken();
}
