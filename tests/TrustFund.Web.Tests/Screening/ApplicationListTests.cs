using System.Net;
using AngleSharp.Html.Dom;
using TrustFund.Domain.Applications;
using TrustFund.Domain.Calls;
using TrustFund.Web.Tests.Infrastructure;

namespace TrustFund.Web.Tests.Screening;

/// <summary>The fund managers' list over a fixed set of applications in two calls.</summary>
public sealed class ApplicationListTests
{
    private TrustFundApp _app = null!;
    private Guid _callA;
    private Guid _callB;
    private Guid _draftId;

    [OneTimeSetUp]
    public async Task StartApp()
    {
        _app = await new TrustFundApp().StartAsync();
        _callA = (await FundData.PublishedCallAsync(_app, "LA")).Id;
        _callB = (await FundData.PublishedCallAsync(_app, "LB")).Id;
        var hope = await FundData.OrganisationAsync(_app, "Hope Alliance", "GHA");
        var 希望 = await FundData.OrganisationAsync(_app, "希望之家反人口贩运援助中心", "CHN");
        var lucia = await FundData.OrganisationAsync(_app, "Asociación Luz", "PER");

        await FundData.ApplicationAsync(_app, _callA, hope.Id, FundData.Content("Shelter in Accra", 10_000m, ["GHA"], [AssistanceType.ShelterAndSafeAccommodation]), submittedAfter: TimeSpan.FromHours(1));
        await FundData.ApplicationAsync(_app, _callA, 希望.Id, FundData.Content("Legal aid in Yunnan", 15_000.50m, ["CHN"], [AssistanceType.LegalAidAndRepresentation]), submittedAfter: TimeSpan.FromHours(2));
        await FundData.ApplicationAsync(_app, _callB, lucia.Id, FundData.Content("Education in Lima", 7_500m, ["PER"], [AssistanceType.Education, AssistanceType.VocationalTraining]), submittedAfter: TimeSpan.FromHours(3));
        var withdrawn = await FundData.ApplicationAsync(_app, _callB, hope.Id, FundData.Content("Medical care in Kumasi", 19_999.99m, ["GHA", "TGO"], [AssistanceType.MedicalCare]), submittedAfter: TimeSpan.FromHours(4));
        await _app.WithDbAsync(async db =>
        {
            var application = await db.Applications.FindAsync(withdrawn.Id);
            application!.Withdraw("Funded elsewhere.", FundData.Now(_app));
            return await db.SaveChangesAsync();
        });
        _draftId = (await FundData.ApplicationAsync(_app, _callA, lucia.Id, FundData.Content("Secret draft in Cusco", 9_000m, ["PER"]), submit: false)).Id;

        var bulk = await FundData.OrganisationAsync(_app, "Bulk Partners", "KEN");
        for (var i = 0; i < 26; i++)
        {
            await FundData.ApplicationAsync(_app, _callB, bulk.Id, FundData.Content($"Bulk project {i:00}", 5_000m + i, ["KEN"]), submittedAfter: TimeSpan.FromMinutes(300 + i));
        }
    }

    [OneTimeTearDown]
    public void StopApp() => _app.Dispose();

    [Test]
    public async Task List_DraftsAreNeverShown()
    {
        using var manager = await _app.SignInAsync("manager@trustfund.test");

        var (_, search) = await manager.GetPageAsync("/Manage/Applications?q=Secret");
        var details = await manager.GetAsync($"/Manage/Applications/{_draftId}");
        var screening = await manager.GetAsync($"/Manage/Applications/{_draftId}/Screening");

        Assert.Multiple(() =>
        {
            Assert.That(Titles(search), Is.Empty);
            Assert.That(search.QuerySelector("[data-count=All]")!.TextContent, Is.EqualTo("0"));
            Assert.That(details.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
            Assert.That(screening.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        });
    }

    [Test]
    public async Task List_FilterByCall()
    {
        var page = await ListAsync($"?call={_callA}");
        Assert.That(Titles(page), Is.EquivalentTo(new[] { "Shelter in Accra", "Legal aid in Yunnan" }));
    }

    [Test]
    public async Task List_FilterByStatus_AndCountsPerStatus()
    {
        var page = await ListAsync($"?call={_callB}&status=Withdrawn");

        Assert.Multiple(() =>
        {
            Assert.That(Titles(page), Is.EqualTo(new[] { "Medical care in Kumasi" }));
            Assert.That(page.QuerySelector("[data-count=Withdrawn]")!.TextContent, Is.EqualTo("1"));
            Assert.That(page.QuerySelector("[data-count=Submitted]")!.TextContent, Is.EqualTo("27"));
            Assert.That(page.QuerySelector("[data-count=All]")!.TextContent, Is.EqualTo("28"));
            Assert.That(page.QuerySelector("[data-count=Draft]"), Is.Null);
        });
    }

    [Test]
    public async Task List_FilterByCountry()
    {
        var page = await ListAsync("?country=TGO");
        Assert.That(Titles(page), Is.EqualTo(new[] { "Medical care in Kumasi" }));
    }

    [Test]
    public async Task List_FilterByRegion()
    {
        var westernAfrica = await ListAsync("?region=011");
        var latinAmerica = await ListAsync("?region=419");
        var asia = await ListAsync("?region=142");

        Assert.Multiple(() =>
        {
            Assert.That(Titles(westernAfrica), Is.EquivalentTo(new[] { "Shelter in Accra", "Medical care in Kumasi" }));
            Assert.That(Titles(latinAmerica), Is.EqualTo(new[] { "Education in Lima" }));
            Assert.That(Titles(asia), Is.EqualTo(new[] { "Legal aid in Yunnan" }));
        });
    }

    [Test]
    public async Task List_FilterByAssistanceType()
    {
        var page = await ListAsync("?assistance=VocationalTraining");
        Assert.That(Titles(page), Is.EqualTo(new[] { "Education in Lima" }));
    }

    [Test]
    public async Task List_FilterByAmountRange()
    {
        var page = await ListAsync("?min=7500&max=15000.50&sort=amount&dir=asc");
        Assert.That(Titles(page), Is.EqualTo(new[] { "Education in Lima", "Shelter in Accra", "Legal aid in Yunnan" }));
    }

    [Test]
    public async Task List_BadAmount_IsExplainedAndIgnored()
    {
        var page = await ListAsync("?min=10.005&q=Lima");

        Assert.That(page.QuerySelector("[data-error-summary]")!.TextContent, Does.Contain("Enter the smallest amount in US dollars"));
        Assert.That(Titles(page), Is.EqualTo(new[] { "Education in Lima" }));
    }

    [Test]
    public async Task List_TextSearch_MatchesTitleOrOrganisationName()
    {
        var byTitle = await ListAsync("?q=yunnan");
        var byOrganisation = await ListAsync("?q=" + Uri.EscapeDataString("希望之家"));
        var byOrganisationLowerCase = await ListAsync("?q=hope%20alliance");

        Assert.Multiple(() =>
        {
            Assert.That(Titles(byTitle), Is.EqualTo(new[] { "Legal aid in Yunnan" }));
            Assert.That(Titles(byOrganisation), Is.EqualTo(new[] { "Legal aid in Yunnan" }));
            Assert.That(Titles(byOrganisationLowerCase), Is.EquivalentTo(new[] { "Shelter in Accra", "Medical care in Kumasi" }));
        });
    }

    [Test]
    public async Task List_SortsBySubmittedAmountTitleAndOrganisation()
    {
        var filter = $"?call={_callA}";
        var newestFirst = await ListAsync(filter);
        var oldestFirst = await ListAsync(filter + "&sort=submitted&dir=asc");
        var largestFirst = await ListAsync("?max=20000&min=7500&sort=amount");
        var byTitle = await ListAsync(filter + "&sort=title");
        var byOrganisationDesc = await ListAsync("?min=7500&sort=organisation&dir=desc");

        Assert.Multiple(() =>
        {
            Assert.That(Titles(newestFirst), Is.EqualTo(new[] { "Legal aid in Yunnan", "Shelter in Accra" }));
            Assert.That(Titles(oldestFirst), Is.EqualTo(new[] { "Shelter in Accra", "Legal aid in Yunnan" }));
            Assert.That(Titles(largestFirst), Is.EqualTo(new[] { "Medical care in Kumasi", "Legal aid in Yunnan", "Shelter in Accra", "Education in Lima" }));
            Assert.That(Titles(byTitle), Is.EqualTo(new[] { "Legal aid in Yunnan", "Shelter in Accra" }));
            Assert.That(Organisations(byOrganisationDesc), Is.EqualTo(new[] { "希望之家反人口贩运援助中心", "Hope Alliance", "Hope Alliance", "Asociación Luz" }));
        });
    }

    [Test]
    public async Task List_PagesWithFiltersKept()
    {
        var first = await ListAsync($"?call={_callB}&q=Bulk&sort=title&dir=asc");
        var next = first.QuerySelector("a[rel=next]")!.GetAttribute("href")!;
        using var manager = await _app.SignInAsync("manager@trustfund.test");
        var (_, second) = await manager.GetPageAsync(next);

        Assert.Multiple(() =>
        {
            Assert.That(Titles(first), Has.Count.EqualTo(25));
            Assert.That(Titles(first)[0], Is.EqualTo("Bulk project 00"));
            Assert.That(next, Does.Contain("q=Bulk").And.Contain("sort=title").And.Contain("page=2"));
            Assert.That(Titles(second), Is.EqualTo(new[] { "Bulk project 25" }));
            Assert.That(second.QuerySelector("a[rel=prev]"), Is.Not.Null);
        });
    }

    [TestCase("applicant@trustfund.test")]
    [TestCase("reviewer@trustfund.test")]
    [TestCase("finance@trustfund.test")]
    [TestCase("admin@trustfund.test")]
    public async Task ManageApplications_NonManagers_AreForbidden(string email)
    {
        var someId = await _app.WithDbAsync(db => Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.FirstAsync(db.Applications.Where(a => a.SubmittedAtUtc != null).Select(a => a.Id)));
        using var session = await _app.SignInAsync(email);

        foreach (var url in new[] { "/Manage/Applications", $"/Manage/Applications/{someId}", $"/Manage/Applications/{someId}/Screening" })
        {
            var response = await session.GetAsync(url);
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden), url);
        }

        var token = await session.AntiforgeryTokenAsync("/Account/Login");
        foreach (var url in new[] { $"/Manage/Applications/{someId}/RequestInformation", $"/Manage/Applications/{someId}/Screening" })
        {
            var response = await session.Client.PostAsync(new Uri(url, UriKind.Relative), new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token, ["Message"] = "x", ["Decision"] = "Eligible" }));
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden), url);
        }
    }

    private async Task<IHtmlDocument> ListAsync(string query)
    {
        using var manager = await _app.SignInAsync("manager@trustfund.test");
        var (response, page) = await manager.GetPageAsync("/Manage/Applications" + query);
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), query);
        return page;
    }

    private static List<string> Titles(IHtmlDocument page) =>
        page.QuerySelectorAll("table[data-applications] [data-title]").Select(e => e.TextContent).ToList();

    private static List<string> Organisations(IHtmlDocument page) =>
        page.QuerySelectorAll("table[data-applications] [data-organisation]").Select(e => e.TextContent).ToList();
}
