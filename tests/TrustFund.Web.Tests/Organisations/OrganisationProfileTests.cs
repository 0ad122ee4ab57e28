using System.Net;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using TrustFund.Domain.Organisations;
using TrustFund.Web.Tests.Infrastructure;
using TrustFund.Web.Tests.Screening;

namespace TrustFund.Web.Tests.Organisations;

public sealed class OrganisationProfileTests
{
    private TrustFundApp _app = null!;

    [OneTimeSetUp]
    public async Task StartApp() => _app = await new TrustFundApp().StartAsync();

    [OneTimeTearDown]
    public void StopApp() => _app.Dispose();

    public static IEnumerable<string> MultilingualNames() =>
        Infrastructure.MultilingualNames.Lines().Select(l => l.Name);

    [TestCaseSource(nameof(MultilingualNames))]
    public async Task Profile_MultilingualLegalName_RoundTripsThroughFormAndManagersList(string name)
    {
        using var applicant = await _app.SignInAsync("applicant2@trustfund.test");

        var response = await PostProfileAsync(applicant, new() { ["LegalName"] = name, ["Acronym"] = "ABC", ["Address"] = name });

        Assert.That(TestSession.IsRedirectTo(response, "/Organisation/Profile"), Is.True, await response.Content.ReadAsStringAsync());
        var (_, page) = await applicant.GetPageAsync("/Organisation/Profile");
        Assert.That(((IHtmlInputElement)page.QuerySelector("input[name=LegalName]")!).Value, Is.EqualTo(name));
        Assert.That(page.QuerySelector("textarea[name=Address]")!.TextContent, Is.EqualTo(name));

        using var manager = await _app.SignInAsync("manager@trustfund.test");
        var (_, list) = await manager.GetPageAsync("/Manage/Organisations?q=" + Uri.EscapeDataString(name));
        Assert.That(list.QuerySelectorAll("table[data-organisations] tbody a").Select(a => a.TextContent), Does.Contain(name));
    }

    [Test]
    public async Task Profile_EveryField_IsSavedAndShownToTheFundManager()
    {
        using var applicant = await _app.SignInAsync("applicant@trustfund.test");

        var response = await PostProfileAsync(applicant, new()
        {
            ["Acronym"] = "SHF",
            ["Type"] = "SurvivorLed",
            ["YearFounded"] = "2009",
            ["RegistrationNumber"] = "RC-778812",
            ["RegistrationDate"] = "2010-04-12",
            ["CountriesOfOperation"] = "GHA",
            ["Address"] = "12 Marina Road\nLagos",
            ["Phone"] = "+234 1 555 0100",
            ["Website"] = "https://safeharbour.example.org",
            ["ContactEmail"] = "contact@safeharbour.example.org",
            ["LegalRepresentative"] = "Amina Haddad",
            ["UnppPartnerId"] = "UNPP-NG-0042",
            ["AnnualBudget1"] = "125000.50",
            ["AnnualBudget2"] = "98,000.00",
            ["AnnualBudget3"] = "",
            ["MainDonors"] = "Foundation X",
            ["PreviousGrants"] = "UNVTF 2022",
            ["AttestsPseaPolicy"] = "true",
            ["AttestsNotIntermediary"] = "true",
        });

        Assert.That(TestSession.IsRedirectTo(response, "/Organisation/Profile"), Is.True, await response.Content.ReadAsStringAsync());
        var organisationId = await FundData.DemoOrganisationIdAsync(_app, "applicant@trustfund.test");
        var saved = await _app.WithDbAsync(db => db.Organisations.AsNoTracking().SingleAsync(o => o.Id == organisationId));
        Assert.Multiple(() =>
        {
            Assert.That(saved.Profile.Type, Is.EqualTo(OrganisationType.SurvivorLed));
            Assert.That(saved.Profile.YearFounded, Is.EqualTo(2009));
            Assert.That(saved.Profile.RegistrationDate, Is.EqualTo(new DateOnly(2010, 4, 12)));
            Assert.That(saved.Profile.CountriesOfOperation, Is.EqualTo(new[] { "GHA" }));
            Assert.That(saved.Profile.AnnualBudgets, Is.EqualTo(new decimal?[] { 125000.50m, 98000m }));
            Assert.That(saved.Profile.UnppPartnerId, Is.EqualTo("UNPP-NG-0042"));
            Assert.That(saved.Profile.AttestsPseaPolicy, Is.True);
            Assert.That(saved.Profile.AttestsSafeguardingPolicy, Is.False);
            Assert.That(saved.Profile.AttestsNotIntermediary, Is.True);
        });

        using var manager = await _app.SignInAsync("manager@trustfund.test");
        var (_, details) = await manager.GetPageAsync($"/Manage/Organisations/{organisationId}");
        var profile = details.QuerySelector("[data-profile]")!.TextContent;
        Assert.That(profile, Does.Contain("RC-778812").And.Contain("UNPP-NG-0042").And.Contain("Ghana"));
    }

    [Test]
    public async Task Profile_ScriptInTextFields_IsShownEscaped()
    {
        const string hostile = "<script>alert('x')</script><b>bold</b>";
        using var applicant = await _app.SignInAsync("applicant2@trustfund.test");

        var response = await PostProfileAsync(applicant, new() { ["Acronym"] = "<i>A</i>", ["Address"] = hostile, ["MainDonors"] = hostile });

        Assert.That(TestSession.IsRedirectTo(response, "/Organisation/Profile"), Is.True);
        var organisationId = await FundData.DemoOrganisationIdAsync(_app, "applicant2@trustfund.test");
        using var manager = await _app.SignInAsync("manager@trustfund.test");
        var (_, details) = await manager.GetPageAsync($"/Manage/Organisations/{organisationId}");
        var profile = details.QuerySelector("[data-profile]")!;
        Assert.Multiple(() =>
        {
            Assert.That(profile.QuerySelectorAll("script, b, i"), Is.Empty);
            Assert.That(profile.TextContent, Does.Contain(hostile));
        });
    }

    [Test]
    public async Task Profile_BadValues_AreRefusedWithMessagesAndInputKept()
    {
        using var applicant = await _app.SignInAsync("applicant2@trustfund.test");

        var response = await PostProfileAsync(applicant, new()
        {
            ["LegalName"] = "",
            ["YearFounded"] = "99",
            ["AnnualBudget1"] = "10.005",
            ["ContactEmail"] = "not an email",
            ["Acronym"] = "Kept acronym",
        });

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        var page = await TestSession.ParseAsync(response);
        var summary = page.QuerySelector("[data-error-summary]")!.TextContent;
        Assert.Multiple(() =>
        {
            Assert.That(summary, Does.Contain("Enter the organisation's legal name."));
            Assert.That(summary, Does.Contain("Enter the year founded as four digits"));
            Assert.That(summary, Does.Contain("at most two decimals"));
            Assert.That(summary, Does.Contain("correct format"));
            Assert.That(((IHtmlInputElement)page.QuerySelector("input[name=Acronym]")!).Value, Is.EqualTo("Kept acronym"));
        });
    }

    [Test]
    public async Task Profile_StaleVersion_IsRefusedSayingWhoChangedItAndKeepsInput()
    {
        using var applicant = await _app.SignInAsync("applicant2@trustfund.test");
        var (_, form) = await applicant.GetPageAsync("/Organisation/Profile");
        var staleVersion = ((IHtmlInputElement)form.QuerySelector("input[name=Version]")!).Value;
        var organisationId = await FundData.DemoOrganisationIdAsync(_app, "applicant2@trustfund.test");
        await _app.WithDbAsync(async db =>
        {
            var organisation = await db.Organisations.SingleAsync(o => o.Id == organisationId);
            organisation.UpdateProfile(organisation.LegalName, organisation.CountryOfRegistration, organisation.Profile with { Phone = "+57 1 000" }, _app.Clock.GetUtcNow().UtcDateTime);
            return await db.SaveChangesAsync();
        });

        var response = await PostProfileAsync(applicant, new() { ["Version"] = staleVersion, ["Acronym"] = "My unsaved acronym" });

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        var page = await TestSession.ParseAsync(response);
        Assert.That(page.QuerySelector("[data-error-summary]")!.TextContent, Does.Contain("changed your organisation's details at"));
        Assert.That(((IHtmlInputElement)page.QuerySelector("input[name=Acronym]")!).Value, Is.EqualTo("My unsaved acronym"));
        var saved = await _app.WithDbAsync(db => db.Organisations.AsNoTracking().SingleAsync(o => o.Id == organisationId));
        Assert.That(saved.Profile.Phone, Is.EqualTo("+57 1 000"));
    }

    [Test]
    public async Task Bank_Change_ClearsVerification()
    {
        var organisationId = await FundData.DemoOrganisationIdAsync(_app, "applicant@trustfund.test");
        await _app.WithDbAsync(async db =>
        {
            var organisation = await db.Organisations.SingleAsync(o => o.Id == organisationId);
            organisation.ChangeBankDetails(new BankDetails { BankName = "First Bank", AccountNumber = "111", AccountHolder = organisation.LegalName });
            organisation.VerifyBankDetails("manager@trustfund.test", new DateTime(2026, 1, 5, 0, 0, 0, DateTimeKind.Utc));
            return await db.SaveChangesAsync();
        });
        using var applicant = await _app.SignInAsync("applicant@trustfund.test");
        var (_, before) = await applicant.GetPageAsync("/Organisation/Bank");
        Assert.That(before.QuerySelector("[data-bank-status]")!.GetAttribute("data-bank-status"), Is.EqualTo("verified"));
        var version = ((IHtmlInputElement)before.QuerySelector("input[name=Version]")!).Value;

        var response = await applicant.PostFormAsync("/Organisation/Bank", "/Organisation/Bank", new()
        {
            ["Version"] = version,
            ["BankName"] = "Second Bank",
            ["SwiftBic"] = "SCNDNGLA",
            ["AccountNumber"] = "222",
            ["AccountHolder"] = "Safe Harbour Foundation for Survivors",
        });

        Assert.That(TestSession.IsRedirectTo(response, "/Organisation/Bank"), Is.True);
        var (_, after) = await applicant.GetPageAsync("/Organisation/Bank");
        Assert.That(after.QuerySelector("[data-bank-status]")!.GetAttribute("data-bank-status"), Is.EqualTo("unverified"));
        var saved = await _app.WithDbAsync(db => db.Organisations.AsNoTracking().SingleAsync(o => o.Id == organisationId));
        Assert.That(saved.Bank, Is.EqualTo(new BankDetails { BankName = "Second Bank", SwiftBic = "SCNDNGLA", AccountNumber = "222", AccountHolder = "Safe Harbour Foundation for Survivors" }));
    }

    [Test]
    public async Task Profile_StaffWithoutApplicantRole_AreForbidden()
    {
        using var manager = await _app.SignInAsync("manager@trustfund.test");

        var response = await manager.GetAsync("/Organisation/Profile");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
    }

    /// <summary>Posts the profile form with the page's current values, overridden by <paramref name="changes"/>.</summary>
    internal static async Task<HttpResponseMessage> PostProfileAsync(TestSession session, Dictionary<string, string> changes)
    {
        var (_, page) = await session.GetPageAsync("/Organisation/Profile");
        var form = page.QuerySelector("form[action='/Organisation/Profile']")!;
        var fields = new List<KeyValuePair<string, string>>();
        foreach (var element in form.QuerySelectorAll("input[name], textarea[name], select[name]"))
        {
            var name = element.GetAttribute("name")!;
            if (name == "__RequestVerificationToken" || changes.ContainsKey(name))
            {
                continue;
            }

            switch (element)
            {
                case IHtmlInputElement { Type: "checkbox" } box:
                    if (box.IsChecked)
                    {
                        fields.Add(new(name, box.Value));
                    }

                    break;
                case IHtmlInputElement input:
                    fields.Add(new(name, input.Value));
                    break;
                case IHtmlTextAreaElement area:
                    fields.Add(new(name, area.Value));
                    break;
                case IHtmlSelectElement select:
                    fields.AddRange(select.Options.Where(o => o.IsSelected).Select(o => new KeyValuePair<string, string>(name, o.Value)));
                    break;
            }
        }

        fields.AddRange(changes);
        var token = await session.AntiforgeryTokenAsync("/Organisation/Profile");
        fields.Add(new("__RequestVerificationToken", token));
        return await session.Client.PostAsync(new Uri("/Organisation/Profile", UriKind.Relative), new FormUrlEncodedContent(fields));
    }
}
