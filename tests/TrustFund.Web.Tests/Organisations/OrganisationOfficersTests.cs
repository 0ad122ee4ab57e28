using System.Net;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using TrustFund.Domain.Organisations;
using TrustFund.Web.Tests.Infrastructure;
using TrustFund.Web.Tests.Screening;

namespace TrustFund.Web.Tests.Organisations;

/// <summary>The board members and senior officers on the organisation profile form and the fund managers' organisation page.</summary>
public sealed class OrganisationOfficersTests
{
    private TrustFundApp _app = null!;

    [OneTimeSetUp]
    public async Task StartApp() => _app = await new TrustFundApp().StartAsync();

    [OneTimeTearDown]
    public void StopApp() => _app.Dispose();

    [Test]
    public async Task Officers_InAnyScript_AreSavedBlankRowsIgnoredAndShownToTheFundManager()
    {
        using var applicant = await _app.SignInAsync("applicant2@trustfund.test");
        var (_, before) = await applicant.GetPageAsync("/Organisation/Profile");
        var blankRows = before.QuerySelectorAll("[data-officer-row]").Count(r => r.QuerySelectorAll("input").All(i => ((IHtmlInputElement)i).Value.Length == 0));
        Assert.That(blankRows, Is.GreaterThanOrEqualTo(3), "three blank rows are offered");
        var offered = before.QuerySelectorAll("[data-officer-row]").Length;

        var response = await OrganisationProfileTests.PostProfileAsync(applicant, Rows(offered, new()
        {
            [0] = ("", "", ""),
            [1] = ("فاطمة الزهراء", "رئيسة مجلس الإدارة", "fatima@example.org"),
            [2] = ("王秀英", "司库", ""),
        }));

        Assert.That(TestSession.IsRedirectTo(response, "/Organisation/Profile"), Is.True, await response.Content.ReadAsStringAsync());
        var organisationId = await FundData.DemoOrganisationIdAsync(_app, "applicant2@trustfund.test");
        var saved = await _app.WithDbAsync(db => db.Organisations.AsNoTracking().SingleAsync(o => o.Id == organisationId));
        Assert.That(saved.Profile.Officers, Is.EqualTo(new[]
        {
            new OrganisationOfficer("فاطمة الزهراء", "رئيسة مجلس الإدارة", "fatima@example.org"),
            new OrganisationOfficer("王秀英", "司库", string.Empty),
        }));

        var (_, after) = await applicant.GetPageAsync("/Organisation/Profile");
        Assert.Multiple(() =>
        {
            Assert.That(((IHtmlInputElement)after.QuerySelector("input[name='Officers[0].Name']")!).Value, Is.EqualTo("فاطمة الزهراء"));
            Assert.That(((IHtmlInputElement)after.QuerySelector("input[name='Officers[1].Position']")!).Value, Is.EqualTo("司库"));
            Assert.That(after.QuerySelectorAll("[data-officer-row]"), Has.Length.EqualTo(5), "the two saved rows and three blank ones");
            Assert.That(after.QuerySelector("label[for=Officers_4__Email]")!.TextContent, Is.EqualTo("Email address of officer 5"));
        });

        using var manager = await _app.SignInAsync("manager@trustfund.test");
        var (_, details) = await manager.GetPageAsync($"/Manage/Organisations/{organisationId}");
        var shown = details.QuerySelectorAll("[data-officers] [data-officer]").Select(li => li.TextContent).ToList();
        Assert.That(shown, Is.EqualTo(new[] { "فاطمة الزهراء, رئيسة مجلس الإدارة – fatima@example.org", "王秀英, 司库" }));
    }

    [Test]
    public async Task Officers_BadRows_AreRefusedWithMessagesNextToTheirFieldsAndInputKept()
    {
        using var applicant = await _app.SignInAsync("applicant2@trustfund.test");
        var organisationId = await FundData.DemoOrganisationIdAsync(_app, "applicant2@trustfund.test");
        var before = await _app.WithDbAsync(db => db.Organisations.AsNoTracking().SingleAsync(o => o.Id == organisationId));

        var response = await OrganisationProfileTests.PostProfileAsync(applicant, Rows(4, new()
        {
            [0] = ("", "Treasurer", ""),
            [1] = ("", "", ""),
            [2] = ("Awa Ndiaye", "Director", "not an email"),
            [3] = ("Awa Ndiaye", "Board member", "not an email"),
        }));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        var page = await TestSession.ParseAsync(response);
        Assert.Multiple(() =>
        {
            var summary = page.QuerySelector("[data-error-summary]")!.TextContent;
            Assert.That(summary, Does.Contain("Enter the name of officer 1."));
            Assert.That(page.QuerySelector("#Officers_0__Name-error")!.TextContent, Does.Contain("Enter the name of officer 1."));
            Assert.That(page.QuerySelector("#Officers_0__Name")!.GetAttribute("aria-describedby"), Is.EqualTo("Officers_0__Name-error"));
            Assert.That(page.QuerySelector("#Officers_2__Email-error")!.TextContent, Does.Contain("in the correct format"));
            Assert.That(page.QuerySelector("#Officers_3__Name-error")!.TextContent, Does.Contain("listed twice"));
            Assert.That(page.QuerySelector("a[href='#Officers_2__Email']"), Is.Not.Null, "the summary links to the field");
            Assert.That(((IHtmlInputElement)page.QuerySelector("input[name='Officers[0].Position']")!).Value, Is.EqualTo("Treasurer"));
        });
        var after = await _app.WithDbAsync(db => db.Organisations.AsNoTracking().SingleAsync(o => o.Id == organisationId));
        Assert.That(after.Version, Is.EqualTo(before.Version), "nothing is saved");
    }

    [Test]
    public async Task Officers_ThirtyOne_AreRefused()
    {
        using var applicant = await _app.SignInAsync("applicant2@trustfund.test");
        var rows = Enumerable.Range(0, 31).ToDictionary(i => i, i => ($"Officer {i + 1}", "Board member", $"officer{i + 1}@example.org"));

        var response = await OrganisationProfileTests.PostProfileAsync(applicant, Rows(31, rows));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        var page = await TestSession.ParseAsync(response);
        Assert.That(page.QuerySelector("[data-error-summary]")!.TextContent, Does.Contain("List at most 30 board members and senior officers."));
        Assert.That(page.QuerySelector("#Officers-error")!.TextContent, Does.Contain("at most 30"));
        var organisationId = await FundData.DemoOrganisationIdAsync(_app, "applicant2@trustfund.test");
        var saved = await _app.WithDbAsync(db => db.Organisations.AsNoTracking().SingleAsync(o => o.Id == organisationId));
        Assert.That(saved.Profile.Officers, Has.Count.LessThanOrEqualTo(30));
    }

    [Test]
    public async Task Officers_Script_IsStoredAndShownEscaped_AndKeptWhenTheBankDetailsAreSaved()
    {
        const string hostile = "<script>alert('x')</script><b>bold</b>";
        using var applicant = await _app.SignInAsync("applicant@trustfund.test");

        var response = await OrganisationProfileTests.PostProfileAsync(applicant, Rows(3, new() { [0] = (hostile, "<i>Chair</i>", "") }));

        Assert.That(TestSession.IsRedirectTo(response, "/Organisation/Profile"), Is.True, await response.Content.ReadAsStringAsync());
        var (_, bankPage) = await applicant.GetPageAsync("/Organisation/Bank");
        var bank = await applicant.PostFormAsync("/Organisation/Bank", "/Organisation/Bank", new()
        {
            ["Version"] = ((IHtmlInputElement)bankPage.QuerySelector("input[name=Version]")!).Value,
            ["BankName"] = "Third Bank",
            ["SwiftBic"] = "THRDNGLA",
            ["AccountNumber"] = "333",
            ["AccountHolder"] = "Safe Harbour Foundation for Survivors",
        });
        Assert.That(TestSession.IsRedirectTo(bank, "/Organisation/Bank"), Is.True);

        var organisationId = await FundData.DemoOrganisationIdAsync(_app, "applicant@trustfund.test");
        var saved = await _app.WithDbAsync(db => db.Organisations.AsNoTracking().SingleAsync(o => o.Id == organisationId));
        Assert.That(saved.Profile.Officers, Is.EqualTo(new[] { new OrganisationOfficer(hostile, "<i>Chair</i>", string.Empty) }));
        using var manager = await _app.SignInAsync("manager@trustfund.test");
        var (_, details) = await manager.GetPageAsync($"/Manage/Organisations/{organisationId}");
        var officers = details.QuerySelector("[data-officers]")!;
        Assert.Multiple(() =>
        {
            Assert.That(officers.QuerySelectorAll("script, b, i"), Is.Empty);
            Assert.That(officers.TextContent, Does.Contain(hostile + ", <i>Chair</i>"));
        });
    }

    /// <summary>Form values for <paramref name="count"/> officer rows: the given ones, the others blank.</summary>
    private static Dictionary<string, string> Rows(int count, Dictionary<int, (string Name, string Position, string Email)> rows)
    {
        var fields = new Dictionary<string, string>();
        for (var i = 0; i < count; i++)
        {
            var (name, position, email) = rows.GetValueOrDefault(i, (string.Empty, string.Empty, string.Empty));
            fields[$"Officers[{i}].Name"] = name;
            fields[$"Officers[{i}].Position"] = position;
            fields[$"Officers[{i}].Email"] = email;
        }

        return fields;
    }
}
