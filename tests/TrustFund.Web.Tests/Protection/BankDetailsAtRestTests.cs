using System.Net;
using AngleSharp.Html.Dom;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using TrustFund.Domain.Organisations;
using TrustFund.Infrastructure.Persistence;
using TrustFund.Infrastructure.Protection;
using TrustFund.Web.Tests.Infrastructure;
using TrustFund.Web.Tests.Screening;
using static TrustFund.Web.Tests.Infrastructure.TestAccounts;

namespace TrustFund.Web.Tests.Protection;

/// <summary>Bank details are encrypted with Data Protection: a copy of the database files does not reveal them.</summary>
public sealed class BankDetailsAtRestTests
{
    private TrustFundApp _app = null!;

    [OneTimeSetUp]
    public async Task StartApp() => _app = await new TrustFundApp().StartAsync();

    [OneTimeTearDown]
    public void StopApp() => _app.Dispose();

    [Test]
    public async Task BankDetails_SavedThroughTheForm_AreNowhereInTheRawDatabaseButShownToTheOrganisation()
    {
        var accountNumber = $"NG93 0417 {Random.Shared.Next(1000, 9999)} 5551 2077";
        var holder = $"Quintessa Marlowe Relief Trust {Guid.NewGuid():N}"[..40];
        using var applicant = await _app.SignInAsync("applicant@trustfund.test");
        var (_, form) = await applicant.GetPageAsync("/Organisation/Bank");
        var response = await applicant.PostFormAsync("/Organisation/Bank", "/Organisation/Bank", new()
        {
            ["Version"] = ((IHtmlInputElement)form.QuerySelector("input[name=Version]")!).Value,
            ["BankName"] = "Banque Atlantique du Golfe",
            ["SwiftBic"] = "ATLNNGLA",
            ["AccountNumber"] = accountNumber,
            ["AccountHolder"] = holder,
        });
        Assert.That(TestSession.IsRedirectTo(response, "/Organisation/Bank"), Is.True, "saved");

        var (_, page) = await applicant.GetPageAsync("/Organisation/Bank");
        Assert.That(((IHtmlInputElement)page.QuerySelector("input[name=AccountNumber]")!).Value, Is.EqualTo(accountNumber), "the organisation sees its account number");
        Assert.That(((IHtmlInputElement)page.QuerySelector("input[name=AccountHolder]")!).Value, Is.EqualTo(holder));
        var organisationId = await FundData.DemoOrganisationIdAsync(_app, "applicant@trustfund.test");
        using var manager = await _app.SignInAsync("manager@trustfund.test");
        var (_, managed) = await manager.GetPageAsync($"/Manage/Organisations/{organisationId}");
        Assert.That(MainText(managed), Does.Contain(accountNumber).And.Contain(holder), "the Secretariat sees them to verify them");

        var found = await RawDatabase.FindAsync(_app.DatabaseFile, accountNumber, accountNumber.Replace(" ", string.Empty, StringComparison.Ordinal), holder, "Banque Atlantique du Golfe");

        Assert.That(found, Is.Empty, "no table, column or database file holds the bank details in plain text");
        var stored = await StoredBankColumnAsync(organisationId);
        Assert.That(ProtectedText.IsProtected(stored), Is.True, $"the Bank column holds a Data Protection payload: {stored?[..Math.Min(20, stored?.Length ?? 0)]}");
    }

    [Test]
    public async Task BankDetails_StoredAsPlainJsonBeforeEncryption_AreReadAndEncryptedOnTheNextSave()
    {
        var organisation = await FundData.OrganisationAsync(_app, $"Legacy Save Association {Guid.NewGuid():N}");
        await StoreLegacyJsonAsync(organisation.Id, "LEGACY-SAVE-0001");

        var read = await _app.WithDbAsync(db => db.Organisations.AsNoTracking().SingleAsync(o => o.Id == organisation.Id));
        Assert.That(read.Bank, Is.EqualTo(LegacyBank("LEGACY-SAVE-0001")), "a plain JSON row is still read");
        using var manager = await _app.SignInAsync("manager@trustfund.test");
        var (_, page) = await manager.GetPageAsync($"/Manage/Organisations/{organisation.Id}");
        Assert.That(MainText(page), Does.Contain("LEGACY-SAVE-0001"));

        await _app.WithDbAsync(async db =>
        {
            var tracked = await db.Organisations.SingleAsync(o => o.Id == organisation.Id);
            tracked.UpdateProfile(tracked.LegalName + " (renamed)", tracked.CountryOfRegistration, tracked.Profile, _app.Clock.GetUtcNow().UtcDateTime);
            return await db.SaveChangesAsync();
        });

        Assert.That(ProtectedText.IsProtected(await StoredBankColumnAsync(organisation.Id)), Is.True, "the next save encrypts it");
        var reread = await _app.WithDbAsync(db => db.Organisations.AsNoTracking().SingleAsync(o => o.Id == organisation.Id));
        Assert.That(reread.Bank, Is.EqualTo(LegacyBank("LEGACY-SAVE-0001")));
    }

    [Test]
    public async Task BankDetails_StoredAsPlainJsonBeforeEncryption_AreEncryptedAtStartUp()
    {
        var organisation = await FundData.OrganisationAsync(_app, $"Legacy Startup Association {Guid.NewGuid():N}");
        await StoreLegacyJsonAsync(organisation.Id, "LEGACY-START-0002");
        Assert.That(await RawDatabase.FindAsync(_app.DatabaseFile, "LEGACY-START-0002"), Does.Contain("Organisations.Bank: LEGACY-START-0002"), "the scan sees plain text where there is some");

        Assert.That(await DatabaseStartup.MigrateAsync(_app.Services, NullLogger.Instance), Is.True, "start-up's database step");

        Assert.That(ProtectedText.IsProtected(await StoredBankColumnAsync(organisation.Id)), Is.True);
        Assert.That(await RawDatabase.FindAsync(_app.DatabaseFile, "LEGACY-START-0002"), Has.None.StartsWith("Organisations."), "no table holds it in plain text");
        var read = await _app.WithDbAsync(db => db.Organisations.AsNoTracking().SingleAsync(o => o.Id == organisation.Id));
        Assert.That(read.Bank, Is.EqualTo(LegacyBank("LEGACY-START-0002")));
    }

    [Test]
    public async Task BankDetails_ProtectedForAnotherPurpose_CannotBeRead()
    {
        // A ciphertext is bound to its purpose: a user-token payload copied into the column does not decrypt.
        var organisation = await FundData.OrganisationAsync(_app, $"Wrong Purpose Association {Guid.NewGuid():N}");
        var otherPurpose = _app.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector(ProtectionPurposes.UserTokens)
            .Protect("{\"BankName\":\"X\",\"AccountNumber\":\"1\",\"AccountHolder\":\"Y\"}");
        await _app.WithDbAsync(db => db.Database.ExecuteSqlAsync($"UPDATE \"Organisations\" SET \"Bank\" = {otherPurpose} WHERE \"Id\" = {organisation.Id}"));

        // It cannot be read: the organisation loads without bank details, marked unreadable (no page fails).
        var loaded = await _app.WithDbAsync(db => db.Organisations.AsNoTracking().SingleAsync(o => o.Id == organisation.Id));
        Assert.Multiple(() =>
        {
            Assert.That(loaded.Bank, Is.Null);
            Assert.That(loaded.BankDetailsUnreadable, Is.True);
        });
        await _app.WithDbAsync(db => db.Database.ExecuteSqlAsync($"UPDATE \"Organisations\" SET \"Bank\" = NULL WHERE \"Id\" = {organisation.Id}"));
    }

    private static BankDetails LegacyBank(string accountNumber) => new()
    {
        BankName = "Old Bank",
        SwiftBic = "OLDBNGLA",
        AccountNumber = accountNumber,
        AccountHolder = "Legacy Holder",
    };

    private Task<int> StoreLegacyJsonAsync(Guid organisationId, string accountNumber)
    {
        var json = $"{{\"BankName\":\"Old Bank\",\"SwiftBic\":\"OLDBNGLA\",\"AccountNumber\":\"{accountNumber}\",\"AccountHolder\":\"Legacy Holder\",\"Verified\":false,\"VerifiedAtUtc\":null,\"VerifiedBy\":null}}";
        return _app.WithDbAsync(db => db.Database.ExecuteSqlAsync($"UPDATE \"Organisations\" SET \"Bank\" = {json} WHERE \"Id\" = {organisationId}"));
    }

    private Task<string?> StoredBankColumnAsync(Guid organisationId) =>
        _app.WithDbAsync(db => db.Organisations.AsNoTracking().Where(o => o.Id == organisationId)
            .Select(o => EF.Property<string?>(o, "BankDetails")).SingleAsync());
}
