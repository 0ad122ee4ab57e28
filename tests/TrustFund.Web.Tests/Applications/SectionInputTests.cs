using System.Net;
using Microsoft.EntityFrameworkCore;
using TrustFund.Domain.Applications;
using TrustFund.Web.Tests.Infrastructure;
using static TrustFund.Web.Tests.Applications.ApplicantJourney;

namespace TrustFund.Web.Tests.Applications;

public sealed class SectionInputTests
{
    private const string Hostile = "<script>alert('x')</script><b onmouseover=\"alert(1)\">bold</b>";

    private TrustFundApp _app = null!;

    [OneTimeSetUp]
    public async Task StartApp() => _app = await new TrustFundApp().StartAsync();

    [OneTimeTearDown]
    public void StopApp() => _app.Dispose();

    [Test]
    public async Task Project_PartialData_IsSavedAsDraftAndShownAgain()
    {
        var (session, id) = await NewDraftAsync();
        using var signedIn = session;

        var response = await SaveSectionAsync(session, id, "Project", new Dictionary<string, string> { ["Title"] = "Only a title so far", ["AmountRequested"] = "1,500.50" });

        Assert.That(TestSession.IsRedirectTo(response, $"/Applications/{id}/Project"), Is.True);
        var application = await ReadAsync(_app, id);
        Assert.That(application.Content.Title, Is.EqualTo("Only a title so far"));
        Assert.That(application.Content.AmountRequested, Is.EqualTo(1500.50m));
        var (_, page) = await session.GetPageAsync($"/Applications/{id}/Project");
        Assert.That(page.QuerySelector("#Title")?.GetAttribute("value"), Is.EqualTo("Only a title so far"));
        Assert.That(page.QuerySelector("[role=status]")?.TextContent, Does.Contain("Your changes have been saved."));
    }

    [TestCase("0", "The amount requested must be more than zero.", TestName = "Project_ZeroAmount_IsRefusedWithInputKept")]
    [TestCase("-500", "The amount requested cannot be negative.", TestName = "Project_NegativeAmount_IsRefusedWithInputKept")]
    [TestCase("1500.505", "Enter the amount requested with at most two decimals (cents), such as 15000.50.", TestName = "Project_ThreeDecimalAmount_IsRefusedWithInputKept")]
    [TestCase("abc", "Enter the amount requested as a number in US dollars, such as 15000 or 15000.50.", TestName = "Project_TextInAmount_IsRefusedWithInputKept")]
    public async Task Project_BadAmount_IsRefusedWithFieldErrorAndInputKept(string amount, string message)
    {
        var (session, id) = await NewDraftAsync();
        using var signedIn = session;
        await ExpectSavedAsync(SaveSectionAsync(session, id, "Project", new Dictionary<string, string> { ["Title"] = "Saved before" }));

        var response = await SaveSectionAsync(session, id, "Project", new Dictionary<string, string> { ["Title"] = "Typed with the bad amount", ["AmountRequested"] = amount });

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        var page = await TestSession.ParseAsync(response);
        Assert.Multiple(() =>
        {
            Assert.That(page.QuerySelector("[data-error-summary] a[href='#AmountRequested']")?.TextContent, Is.EqualTo(message));
            Assert.That(page.QuerySelector("#AmountRequested-error")?.TextContent, Does.Contain(message));
            Assert.That(page.QuerySelector("#AmountRequested")?.GetAttribute("value"), Is.EqualTo(amount));
            Assert.That(page.QuerySelector("#Title")?.GetAttribute("value"), Is.EqualTo("Typed with the bad amount"));
        });
        Assert.That((await ReadAsync(_app, id)).Content.Title, Is.EqualTo("Saved before"), "nothing saved is lost or overwritten");
    }

    [Test]
    public async Task Project_TenThousandCharacterTitle_IsRefusedWithInputKept()
    {
        var (session, id) = await NewDraftAsync();
        using var signedIn = session;
        var title = new string('A', 10_000);

        var response = await SaveSectionAsync(session, id, "Project", new Dictionary<string, string> { ["Title"] = title, ["DurationMonths"] = "12" });

        var page = await TestSession.ParseAsync(response);
        Assert.That(page.QuerySelector("#Title-error")?.TextContent, Does.Contain("The project title must be 300 characters or fewer (you wrote 10,000)."));
        Assert.That(page.QuerySelector("#Title")?.GetAttribute("value"), Is.EqualTo(title));
        Assert.That(page.QuerySelector("#DurationMonths")?.GetAttribute("value"), Is.EqualTo("12"));
        Assert.That((await ReadAsync(_app, id)).Content.Title, Is.Empty);
    }

    [TestCase("DurationMonths", "twelve", "Enter the duration as a whole number of months, such as 24.")]
    [TestCase("DurationMonths", "0", "Enter the duration as a whole number of months, such as 24.")]
    [TestCase("StartDate", "2026-02-30", "Enter the start date as a real date, such as 2026-09-01.")]
    [TestCase("Countries", "XXX", "Choose countries from the list.")]
    [TestCase("Language", "Klingon", "Choose a language from the list.")]
    public async Task Project_MalformedField_IsRefusedWithItsMessage(string field, string value, string message)
    {
        var (session, id) = await NewDraftAsync();
        using var signedIn = session;

        var response = await SaveSectionAsync(session, id, "Project", new Dictionary<string, string> { [field] = value });

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        var page = await TestSession.ParseAsync(response);
        Assert.That(page.QuerySelector("[data-error-summary]")?.TextContent, Does.Contain(message));
    }

    [Test]
    public async Task Beneficiaries_NegativeOrTextCounts_AreRefusedAndValidCountsSaved()
    {
        var (session, id) = await NewDraftAsync();
        using var signedIn = session;

        var bad = await SaveSectionAsync(session, id, "Beneficiaries", new Dictionary<string, string>
        {
            ["Counts[Female_Age0To11]"] = "-3",
            ["Counts[Male_Age25To59]"] = "abc",
            ["Counts[Female_Age18To24]"] = "12",
            ["ExploitationForms"] = "ForcedLabour",
        });

        var page = await TestSession.ParseAsync(bad);
        Assert.That(page.QuerySelectorAll("[data-error-summary] li"), Has.Length.EqualTo(2));
        Assert.That(page.QuerySelector("#Counts_Female_Age0To11_")?.GetAttribute("value"), Is.EqualTo("-3"));
        Assert.That(page.QuerySelector("#Counts_Male_Age25To59_")?.GetAttribute("value"), Is.EqualTo("abc"));
        Assert.That(page.QuerySelector("#Counts_Female_Age18To24_")?.GetAttribute("value"), Is.EqualTo("12"));
        Assert.That(page.QuerySelector("#ExploitationForms_ForcedLabour")?.HasAttribute("checked"), Is.True);

        await ExpectSavedAsync(SaveSectionAsync(session, id, "Beneficiaries", new Dictionary<string, string>
        {
            ["Counts[Female_Age18To24]"] = "12",
            ["Counts[NonBinaryOrOther_Age18To24]"] = "2",
            ["ExploitationForms"] = "ForcedLabour",
            ["UnderservedGroups"] = "PersonsWithDisabilities",
        }));
        var content = (await ReadAsync(_app, id)).Content;
        Assert.That(content.BeneficiaryTotal, Is.EqualTo(14));
        Assert.That(content.ExploitationForms, Is.EqualTo(new[] { TrustFund.Domain.Calls.ExploitationForm.ForcedLabour }));
        Assert.That(content.UnderservedGroups, Is.EqualTo(new[] { UnderservedGroup.PersonsWithDisabilities }));
    }

    [Test]
    public async Task Budget_NumbersFarBeyondAnyAmount_AreRefusedOnTheirFieldsAndKeepTheSavedBudget()
    {
        var (session, id) = await NewDraftAsync();
        using var signedIn = session;
        await ExpectSavedAsync(SaveSectionAsync(session, id, "Budget", new Dictionary<string, string> { ["Command"] = "add" }));
        var (_, form) = await session.GetPageAsync($"/Applications/{id}/Budget");
        var lineId = form.QuerySelector("input[name='Budget[0].Id']")?.GetAttribute("value")!;
        await ExpectSavedAsync(SaveSectionAsync(session, id, "Budget", new Dictionary<string, string>
        {
            ["Budget[0].Id"] = lineId,
            ["Budget[0].Category"] = "Personnel",
            ["Budget[0].Description"] = "Social worker",
            ["Budget[0].Quantity"] = "3",
            ["Budget[0].Unit"] = "month",
            ["Budget[0].UnitCost"] = "333.33",
            ["Command"] = "save",
        }));
        var before = (await ReadAsync(_app, id)).Content.Budget;

        // A product of the first line, and a sum of the next two, beyond the largest decimal number.
        var response = await SaveSectionAsync(session, id, "Budget", new Dictionary<string, string>
        {
            ["Budget[0].Id"] = lineId,
            ["Budget[0].Category"] = "Personnel",
            ["Budget[0].Description"] = "Social worker",
            ["Budget[0].Quantity"] = "-99999999999999999999999.99",
            ["Budget[0].Unit"] = "month",
            ["Budget[0].UnitCost"] = "-99999999999999999999999.99",
            ["Budget[1].Category"] = "Personnel",
            ["Budget[1].Description"] = "A",
            ["Budget[1].Quantity"] = "1",
            ["Budget[1].Unit"] = "x",
            ["Budget[1].UnitCost"] = "79000000000000000000000000000",
            ["Budget[2].Category"] = "Personnel",
            ["Budget[2].Description"] = "B",
            ["Budget[2].Quantity"] = "1",
            ["Budget[2].Unit"] = "x",
            ["Budget[2].UnitCost"] = "79000000000000000000000000000",
            ["Command"] = "save",
        });

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        var page = await TestSession.ParseAsync(response);
        var summary = page.QuerySelector("[data-error-summary]")?.TextContent ?? string.Empty;
        Assert.Multiple(async () =>
        {
            Assert.That(summary, Does.Contain("Enter the quantity as a number, 0 or more, with at most two decimals, such as 12."));
            Assert.That(summary, Does.Contain("The unit cost cannot be negative."));
            Assert.That(summary, Does.Contain("The unit cost is too large."));
            Assert.That(page.QuerySelector("[data-budget-line='0'] [data-line-total]")?.TextContent, Is.EqualTo("–"));
            Assert.That((await ReadAsync(_app, id)).Content.Budget, Is.EqualTo(before), "the saved budget is kept");
        });
    }

    [Test]
    public async Task Budget_AddAndRemoveLinesWithoutJavaScript_TotalsComputedOnServer()
    {
        var (session, id) = await NewDraftAsync();
        using var signedIn = session;
        await ExpectSavedAsync(SaveSectionAsync(session, id, "Project", new Dictionary<string, string> { ["AmountRequested"] = "1000" }));

        var added = await SaveSectionAsync(session, id, "Budget", new Dictionary<string, string> { ["Command"] = "add" });
        Assert.That(TestSession.IsRedirectTo(added, $"/Applications/{id}/Budget"), Is.True);
        var (_, page) = await session.GetPageAsync($"/Applications/{id}/Budget");
        Assert.That(page.QuerySelectorAll("[data-budget-line]"), Has.Length.EqualTo(1));
        var firstId = page.QuerySelector("input[name='Budget[0].Id']")?.GetAttribute("value")!;

        var withTwo = await SaveSectionAsync(session, id, "Budget", new Dictionary<string, string>
        {
            ["Budget[0].Id"] = firstId,
            ["Budget[0].Category"] = "Personnel",
            ["Budget[0].Description"] = "Social worker",
            ["Budget[0].Quantity"] = "3",
            ["Budget[0].Unit"] = "month",
            ["Budget[0].UnitCost"] = "333.33",
            ["Command"] = "add",
        });
        Assert.That(TestSession.IsRedirectTo(withTwo, $"/Applications/{id}/Budget"), Is.True);
        (_, page) = await session.GetPageAsync($"/Applications/{id}/Budget");
        Assert.That(page.QuerySelectorAll("[data-budget-line]"), Has.Length.EqualTo(2));
        Assert.That(page.QuerySelector("[data-budget-line='0'] [data-line-total]")?.TextContent, Is.EqualTo("USD 999.99"));
        var secondId = page.QuerySelector("input[name='Budget[1].Id']")?.GetAttribute("value")!;

        var filled = await SaveSectionAsync(session, id, "Budget", new Dictionary<string, string>
        {
            ["Budget[0].Id"] = firstId,
            ["Budget[0].Category"] = "Personnel",
            ["Budget[0].Description"] = "Social worker",
            ["Budget[0].Quantity"] = "3",
            ["Budget[0].Unit"] = "month",
            ["Budget[0].UnitCost"] = "333.33",
            ["Budget[1].Id"] = secondId,
            ["Budget[1].Category"] = "TravelAndTransport",
            ["Budget[1].Description"] = "Bus fares",
            ["Budget[1].Quantity"] = "10",
            ["Budget[1].Unit"] = "trip",
            ["Budget[1].UnitCost"] = "25",
            ["Command"] = "save",
        });
        Assert.That(TestSession.IsRedirectTo(filled, $"/Applications/{id}/Budget"), Is.True);
        (_, page) = await session.GetPageAsync($"/Applications/{id}/Budget");
        Assert.That(page.QuerySelector("[data-budget-total]")?.TextContent, Is.EqualTo("USD 1,249.99"));
        Assert.That(page.QuerySelector("[data-amount-requested]")?.TextContent, Is.EqualTo("USD 1,000.00"));
        Assert.That(page.QuerySelector("[data-budget-mismatch]")?.TextContent, Does.Contain("USD 249.99"));

        var removed = await SaveSectionAsync(session, id, "Budget", new Dictionary<string, string>
        {
            ["Budget[0].Id"] = firstId,
            ["Budget[0].Category"] = "Personnel",
            ["Budget[0].Description"] = "Social worker",
            ["Budget[0].Quantity"] = "3",
            ["Budget[0].Unit"] = "month",
            ["Budget[0].UnitCost"] = "333.33",
            ["Budget[1].Id"] = secondId,
            ["Budget[1].Category"] = "TravelAndTransport",
            ["Budget[1].Description"] = "Bus fares",
            ["Budget[1].Quantity"] = "10",
            ["Budget[1].Unit"] = "trip",
            ["Budget[1].UnitCost"] = "25",
            ["Command"] = "remove-0",
        });
        Assert.That(TestSession.IsRedirectTo(removed, $"/Applications/{id}/Budget"), Is.True);
        var budget = (await ReadAsync(_app, id)).Content.Budget;
        Assert.That(budget.Select(l => l.Description), Is.EqualTo(new[] { "Bus fares" }));
        Assert.That(budget[0].Id, Is.EqualTo(Guid.Parse(secondId)));
        Assert.That(budget[0].Total, Is.EqualTo(250m));
    }

    [Test]
    public async Task Budget_BadNumbersInLine_AreRefusedPerFieldWithRowsKept()
    {
        var (session, id) = await NewDraftAsync();
        using var signedIn = session;

        var response = await SaveSectionAsync(session, id, "Budget", new Dictionary<string, string>
        {
            ["Budget[0].Id"] = Guid.NewGuid().ToString(),
            ["Budget[0].Category"] = "Personnel",
            ["Budget[0].Description"] = "Lawyer",
            ["Budget[0].Quantity"] = "-1",
            ["Budget[0].Unit"] = "month",
            ["Budget[0].UnitCost"] = "12.345",
            ["Command"] = "save",
        });

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        var page = await TestSession.ParseAsync(response);
        Assert.That(page.QuerySelector("[data-error-summary] a[href='#Budget_0__Quantity']"), Is.Not.Null);
        Assert.That(page.QuerySelector("[data-error-summary] a[href='#Budget_0__UnitCost']")?.TextContent, Does.Contain("at most two decimals"));
        Assert.That(page.QuerySelector("#Budget_0__Description")?.GetAttribute("value"), Is.EqualTo("Lawyer"));
        Assert.That(page.QuerySelector("#Budget_0__UnitCost")?.GetAttribute("value"), Is.EqualTo("12.345"));
        Assert.That((await ReadAsync(_app, id)).Content.Budget, Is.Empty);
    }

    [Test]
    public async Task Sections_ScriptAndHtmlInEveryTextField_AreShownEscaped()
    {
        var (session, id) = await NewDraftAsync();
        using var signedIn = session;
        var project = CompleteProject(Hostile);
        foreach (var field in new[] { "Locations", "ContextAndNeeds", "ObjectivesAndActivities", "Monitoring", "Sustainability", "RisksAndMitigation" })
        {
            project[field] = Hostile;
        }

        await ExpectSavedAsync(SaveSectionAsync(session, id, "Project", project));
        await ExpectSavedAsync(SaveSectionAsync(session, id, "Beneficiaries", new Dictionary<string, string> { ["ReferralPartners"] = Hostile, ["SafeguardingApproach"] = Hostile }));
        await ExpectSavedAsync(SaveSectionAsync(session, id, "Assistance", new Dictionary<string, string> { ["Selected"] = "MedicalCare", ["Descriptions[MedicalCare]"] = Hostile }));
        await ExpectSavedAsync(SaveSectionAsync(session, id, "Budget", new Dictionary<string, string>
        {
            ["Budget[0].Id"] = Guid.NewGuid().ToString(),
            ["Budget[0].Description"] = Hostile,
            ["Budget[0].Unit"] = "<i>u</i>",
            ["Command"] = "save",
        }));
        Assert.That((await ReadAsync(_app, id)).Content.SafeguardingApproach, Is.EqualTo(Hostile), "stored exactly as typed");

        foreach (var url in new[] { "/Applications", $"/Applications/{id}", $"/Applications/{id}/Project", $"/Applications/{id}/Beneficiaries", $"/Applications/{id}/Assistance", $"/Applications/{id}/Budget", $"/Applications/{id}/Submit" })
        {
            var (response, page) = await session.GetPageAsync(url);
            var html = await response.Content.ReadAsStringAsync();
            Assert.That(html, Does.Not.Contain("<script>alert").And.Not.Contain("<b onmouseover").And.Not.Contain("<i>u</i>"), url);
            Assert.That(page.QuerySelectorAll("script").Select(s => s.TextContent), Has.None.Contains("alert"), url);
            Assert.That(page.Body!.TextContent, Does.Contain("<script>alert('x')</script>"), $"{url} shows the text as typed");
        }
    }

    [Test]
    public async Task MultilingualNames_RoundTripThroughTitleAndMyApplications()
    {
        var names = File.ReadAllLines(MultilingualNames.FixturePath)
            .Where(l => !string.IsNullOrWhiteSpace(l) && !l.StartsWith('#'))
            .Select(l => l.Split('\t', 2)[1])
            .ToList();
        Assert.That(names, Has.Count.GreaterThanOrEqualTo(10));
        var call = await CreateOpenCallAsync(_app, t => t with { AllowsSeveralApplicationsPerOrganisation = true });
        using var session = await _app.SignInAsync(Applicant);
        var ids = new List<Guid>();
        foreach (var name in names)
        {
            var id = await StartAsync(session, call.Id);
            ids.Add(id);
            await ExpectSavedAsync(SaveSectionAsync(session, id, "Project", new Dictionary<string, string> { ["Title"] = name }));
            var (_, project) = await session.GetPageAsync($"/Applications/{id}/Project");
            Assert.That(project.QuerySelector("#Title")?.GetAttribute("value"), Is.EqualTo(name));
            Assert.That((await ReadAsync(_app, id)).Title, Is.EqualTo(name));
        }

        var (_, list) = await session.GetPageAsync("/Applications");
        for (var i = 0; i < names.Count; i++)
        {
            Assert.That(list.QuerySelector($"[data-application-id='{ids[i]}'] h2 a")?.TextContent, Is.EqualTo(names[i]));
        }
    }

    [Test]
    public async Task Save_AfterColleagueSaved_IsRefusedNamingColleagueAndKeepsInput()
    {
        var call = await CreateOpenCallAsync(_app);
        using var amina = await _app.SignInAsync(Applicant);
        var id = await StartAsync(amina, call.Id);
        await CreateColleagueAsync(_app, "colleague@trustfund.test", "Chen Wei", await OrganisationOfAsync(_app, Applicant));
        using var chen = await _app.SignInAsync("colleague@trustfund.test");
        var (_, aminaPage) = await amina.GetPageAsync($"/Applications/{id}/Project");
        var staleVersion = VersionOf(aminaPage);

        await ExpectSavedAsync(SaveSectionAsync(chen, id, "Project", new Dictionary<string, string> { ["Title"] = "Chen's title" }));
        var response = await SaveSectionAsync(amina, id, "Project", new Dictionary<string, string> { ["Title"] = "Amina's title", ["Locations"] = "Abuja" }, staleVersion);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Conflict));
        var page = await TestSession.ParseAsync(response);
        Assert.That(page.QuerySelector("[data-conflict]")?.TextContent, Does.Contain("Chen Wei changed this application on 2 March 2026"));
        Assert.That(page.QuerySelector("#Title")?.GetAttribute("value"), Is.EqualTo("Amina's title"));
        Assert.That(page.QuerySelector("#Locations")?.TextContent, Is.EqualTo("Abuja"));
        Assert.That((await ReadAsync(_app, id)).Title, Is.EqualTo("Chen's title"), "never a silent overwrite");

        var again = await amina.Client.PostAsync(new Uri($"/Applications/{id}/Project", UriKind.Relative), new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = Token(page),
            ["Version"] = VersionOf(page),
            ["Title"] = "Amina's title",
        }));
        Assert.That(TestSession.IsRedirectTo(again, $"/Applications/{id}/Project"), Is.True, "saving again after seeing the warning is deliberate");
        Assert.That((await ReadAsync(_app, id)).Title, Is.EqualTo("Amina's title"));
    }

    [Test]
    public async Task Start_SecondTimeForSameCall_OpensExistingApplicationWithMessage()
    {
        var call = await CreateOpenCallAsync(_app);
        using var session = await _app.SignInAsync(Applicant);
        var first = await StartAsync(session, call.Id);

        var second = await session.PostFormAsync("/Applications", "/Applications/Start", new() { ["callId"] = call.Id.ToString() });

        Assert.That(TestSession.IsRedirectTo(second, $"/Applications/{first}"), Is.True);
        var (_, overview) = await session.GetPageAsync($"/Applications/{first}");
        Assert.That(overview.QuerySelector("[role=status]")?.TextContent, Does.Contain("already has an application for this call"));
        var (_, list) = await session.GetPageAsync("/Applications");
        Assert.That(list.QuerySelectorAll($"[data-application-id='{first}']"), Has.Length.EqualTo(1));
        Assert.That(list.QuerySelector($"[data-open-calls] a[href='/Applications/{first}']"), Is.Not.Null, "the open call links to the existing application");
    }

    [Test]
    public async Task Start_DoubleClicked_CreatesOneApplication()
    {
        var call = await CreateOpenCallAsync(_app);
        using var session = await _app.SignInAsync(Applicant);
        var token = await session.AntiforgeryTokenAsync("/Applications");

        var responses = await Task.WhenAll(Enumerable.Range(0, 3).Select(_ => PostWithTokenAsync(session, "/Applications/Start", token, new() { ["callId"] = call.Id.ToString() })));

        var ids = await _app.WithDbAsync(db => db.Applications.Where(a => a.CallId == call.Id).Select(a => a.Id).ToListAsync());
        Assert.That(ids, Has.Count.EqualTo(1));
        Assert.That(responses.Select(r => r.Headers.Location?.OriginalString), Is.All.EqualTo($"/Applications/{ids[0]}"));
    }

    [Test]
    public async Task Start_ClosedCall_IsRefusedWithMessage()
    {
        var call = await CreateOpenCallAsync(_app);
        await _app.WithDbAsync(async db =>
        {
            var tracked = await db.Calls.FindAsync(call.Id);
            tracked!.Close(_app.Clock.GetUtcNow().UtcDateTime);
            return await db.SaveChangesAsync();
        });
        using var session = await _app.SignInAsync(Applicant);

        var response = await session.PostFormAsync("/Applications", "/Applications/Start", new() { ["callId"] = call.Id.ToString() });

        Assert.That(TestSession.IsRedirectTo(response, "/Applications"), Is.True);
        var (_, list) = await session.GetPageAsync("/Applications");
        Assert.That(list.QuerySelector("[role=status]")?.TextContent, Does.Contain("not open for applications"));
    }

    private async Task<(TestSession Session, Guid Id)> NewDraftAsync()
    {
        var call = await CreateOpenCallAsync(_app);
        var session = await _app.SignInAsync(Applicant);
        return (session, await StartAsync(session, call.Id));
    }
}
