using System.Net;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using TrustFund.Application.Audit;
using TrustFund.Domain.Calls;
using TrustFund.Web.Tests.Infrastructure;

namespace TrustFund.Web.Tests.Calls;

public sealed class CallManagementTests
{
    private const string Manager = "manager@trustfund.test";
    private TrustFundApp _app = null!;
    private TestSession _manager = null!;

    [OneTimeSetUp]
    public async Task StartApp()
    {
        _app = await new TrustFundApp().StartAsync();
        _manager = await _app.SignInAsync(Manager);
    }

    [OneTimeTearDown]
    public void StopApp()
    {
        _manager.Dispose();
        _app.Dispose();
    }

    [Test]
    public async Task Create_ValidForm_SavesDraftWithEveryParameterAndInstantsInUtc()
    {
        var code = CallFixtures.NewCode();

        var response = await _manager.PostFormAsync("/Manage/Calls/New", "/Manage/Calls/New", CallFixtures.ValidForm(code));

        Assert.That(TestSession.IsRedirectTo(response, "/Manage/Calls/"), Is.True, await response.Content.ReadAsStringAsync());
        var call = await _app.WithDbAsync(db => db.Calls.AsNoTracking().SingleAsync(c => c.Code == code));
        var terms = call.Terms;
        Assert.Multiple(() =>
        {
            Assert.That(call.Status, Is.EqualTo(CallStatus.Draft));
            Assert.That(terms.OpensAtUtc, Is.EqualTo(new DateTime(2026, 3, 10, 8, 0, 0, DateTimeKind.Utc)), "09:00 in Vienna (UTC+1)");
            Assert.That(terms.ClosesAtUtc, Is.EqualTo(new DateTime(2026, 5, 15, 21, 59, 0, DateTimeKind.Utc)), "23:59 in Vienna (UTC+2, summer time)");
            Assert.That(terms.ClarificationDeadlineUtc, Is.EqualTo(new DateTime(2026, 4, 15, 21, 59, 0, DateTimeKind.Utc)));
            Assert.That(terms.AnswersPublishedOn, Is.EqualTo(new DateOnly(2026, 4, 22)));
            Assert.That(terms.TimeZoneId, Is.EqualTo("Europe/Vienna"));
            Assert.That(terms.MinimumAmount, Is.EqualTo(5_000m));
            Assert.That(terms.MaximumAmount, Is.EqualTo(20_000m));
            Assert.That(terms.Envelope, Is.EqualTo(400_000m));
            Assert.That(terms.MaximumDurationMonths, Is.EqualTo(9));
            Assert.That(terms.EligibleAreas, Is.EqualTo(new[] { "002", "032" }));
            Assert.That(terms.PriorityForms, Is.EqualTo(new[] { ExploitationForm.ForcedLabour }));
            Assert.That(terms.AllowedAssistance, Is.EqualTo(new[] { AssistanceType.MedicalCare }));
            Assert.That(terms.RegistrationCutoff, Is.EqualTo(new DateOnly(2025, 1, 1)));
            Assert.That(terms.MinimumYearsOfExperience, Is.EqualTo(2));
            Assert.That(terms.AcceptedLanguages, Is.EqualTo(new[] { ProposalLanguage.English, ProposalLanguage.Spanish }));
            Assert.That(terms.RequiredDocuments, Is.EqualTo(new[] { DocumentType.RegistrationCertificate, DocumentType.AuditedFinancialStatements }));
            Assert.That(terms.ReviewersPerApplication, Is.EqualTo(3));
            Assert.That(terms.TrancheTemplate, Is.EqualTo(new[] { 40, 40, 20 }));
            Assert.That(terms.Rubric, Is.EqualTo(DefaultRubric.Criteria));
            Assert.That(terms.AllowsSeveralApplicationsPerOrganisation, Is.True);
        });
    }

    [Test]
    public async Task Create_ClosingBeforeOpening_ShowsFieldErrorAndKeepsInput()
    {
        var code = CallFixtures.NewCode();
        var form = CallFixtures.ValidForm(code);
        form["ClosesAt"] = "2026-03-01T12:00";
        form["ClarificationDeadline"] = string.Empty;

        var page = await RefusedAsync("/Manage/Calls/New", form);

        Assert.That(FieldError(page, "ClosesAt"), Does.Contain("The closing date must be after the opening date."));
        Assert.That(InputValue(page, "Title"), Is.EqualTo("Emergency grants " + code));
        Assert.That(InputValue(page, "ClosesAt"), Is.EqualTo("2026-03-01T12:00"));
        await AssertNotSavedAsync(code);
    }

    [Test]
    public async Task Create_MinimumAboveMaximum_ShowsFieldError()
    {
        var code = CallFixtures.NewCode();
        var form = CallFixtures.ValidForm(code);
        form["MinimumAmount"] = "25000";

        var page = await RefusedAsync("/Manage/Calls/New", form);

        Assert.That(FieldError(page, "MinimumAmount"), Does.Contain("The minimum amount cannot be more than the maximum amount."));
        Assert.That(InputValue(page, "MinimumAmount"), Is.EqualTo("25000"));
        await AssertNotSavedAsync(code);
    }

    [Test]
    public async Task Create_WeightsNotSummingTo100_ShowsRubricErrorAndKeepsRows()
    {
        var code = CallFixtures.NewCode();
        var form = CallFixtures.ValidForm(code);
        form["Criteria[0].Weight"] = "25";

        var page = await RefusedAsync("/Manage/Calls/New", form);

        Assert.That(FieldError(page, "Criteria"), Does.Contain("must add up to 100; they add up to 110"));
        Assert.That(InputValue(page, "Criteria[0].Weight"), Is.EqualTo("25"));
        await AssertNotSavedAsync(code);
    }

    [TestCase("5000.125", "at most two decimals")]
    [TestCase("-5", "cannot be negative")]
    [TestCase("five thousand", "Enter the minimum amount in US dollars")]
    public async Task Create_BadMinimumAmount_ShowsClearError(string amount, string expected)
    {
        var code = CallFixtures.NewCode();
        var form = CallFixtures.ValidForm(code);
        form["MinimumAmount"] = amount;

        var page = await RefusedAsync("/Manage/Calls/New", form);

        Assert.That(FieldError(page, "MinimumAmount"), Does.Contain(expected));
        Assert.That(InputValue(page, "MinimumAmount"), Is.EqualTo(amount));
        await AssertNotSavedAsync(code);
    }

    [Test]
    public async Task Create_TenThousandCharacterTitle_ShowsLengthErrorAndKeepsText()
    {
        var code = CallFixtures.NewCode();
        var form = CallFixtures.ValidForm(code);
        var title = new string('x', 10_000);
        form["Title"] = title;

        var page = await RefusedAsync("/Manage/Calls/New", form);

        Assert.That(FieldError(page, "Title"), Does.Contain("at most 200 characters"));
        Assert.That(InputValue(page, "Title"), Is.EqualTo(title));
        await AssertNotSavedAsync(code);
    }

    [Test]
    public async Task Create_ScriptAndHtmlInTextFields_AreShownEscaped()
    {
        var code = CallFixtures.NewCode();
        var form = CallFixtures.ValidForm(code);
        form["Title"] = "<script>alert('t')</script>";
        form["Description"] = "<img src=x onerror=alert(1)><b>bold</b>";
        form["Criteria[0].Name"] = "<script>alert('c')</script>";
        var created = await _manager.PostFormAsync("/Manage/Calls/New", "/Manage/Calls/New", form);
        Assert.That(created.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
        var location = created.Headers.Location!.OriginalString;

        var response = await _manager.GetAsync(location);
        var html = await response.Content.ReadAsStringAsync();

        Assert.Multiple(() =>
        {
            Assert.That(html, Does.Not.Contain("<script>alert("));
            Assert.That(html, Does.Not.Contain("<img src=x"));
            Assert.That(html, Does.Not.Contain("<b>bold</b>"));
            Assert.That(html, Does.Contain("&lt;script&gt;alert("));
            Assert.That(html, Does.Contain("&lt;img src=x onerror=alert(1)&gt;&lt;b&gt;bold&lt;/b&gt;"));
        });
    }

    [Test]
    public async Task Create_TimeSkippedByDaylightSaving_ShowsFieldError()
    {
        var code = CallFixtures.NewCode();
        var form = CallFixtures.ValidForm(code);
        form["OpensAt"] = "2026-03-29T02:30";

        var page = await RefusedAsync("/Manage/Calls/New", form);

        Assert.That(FieldError(page, "OpensAt"), Does.Contain("does not exist in Europe/Vienna"));
        await AssertNotSavedAsync(code);
    }

    [Test]
    public async Task Create_UnknownTimeZoneAndListValues_AreRefused()
    {
        var code = CallFixtures.NewCode();
        var form = CallFixtures.ValidForm(code);
        form["TimeZoneId"] = "Mars/Olympus_Mons";
        form["EligibleAreas[2]"] = "999";
        form["RequiredDocuments[2]"] = "Passport";

        var page = await RefusedAsync("/Manage/Calls/New", form);

        Assert.Multiple(() =>
        {
            Assert.That(FieldError(page, "TimeZoneId"), Does.Contain("Choose a time zone from the list."));
            Assert.That(FieldError(page, "EligibleAreas"), Does.Contain("Choose eligible regions and countries from the list."));
            Assert.That(FieldError(page, "RequiredDocuments"), Does.Contain("Choose required documents from the list."));
        });
        await AssertNotSavedAsync(code);
    }

    [TestCase("")]
    [TestCase(" \t ")]
    public async Task Create_EmptyEligibleArea_IsRefusedOnTheFieldAndNothingSaved(string area)
    {
        var code = CallFixtures.NewCode();
        var form = CallFixtures.ValidForm(code);
        form["EligibleAreas[2]"] = area;

        var page = await RefusedAsync("/Manage/Calls/New", form);

        Assert.That(FieldError(page, "EligibleAreas"), Does.Contain("Choose eligible regions and countries from the list."));
        await AssertNotSavedAsync(code);
    }

    [Test]
    public async Task Edit_EmptyEligibleArea_IsRefusedAndKeepsTheSavedAreas()
    {
        var call = await CallFixtures.AddCallAsync(_app, publish: false, change: c => c.Amend(c.Terms with { EligibleAreas = ["002", "419"] }, null, "manager", c.CreatedAtUtc));
        var form = await EditFormAsync(call.Id);
        form[$"EligibleAreas[{form.Keys.Count(k => k.StartsWith("EligibleAreas[", StringComparison.Ordinal))}]"] = string.Empty;
        form["Title"] = "A title that must not be saved";

        var page = await RefusedAsync($"/Manage/Calls/{call.Id}/Edit", form);

        Assert.That(FieldError(page, "EligibleAreas"), Does.Contain("Choose eligible regions and countries from the list."));
        var saved = await _app.WithDbAsync(db => db.Calls.AsNoTracking().SingleAsync(c => c.Id == call.Id));
        Assert.That(saved.Title, Is.EqualTo(call.Title));
        Assert.That(saved.Terms.EligibleAreas, Is.EqualTo(new[] { "002", "419" }));
    }

    [Test]
    public async Task Create_AddAndRemoveCriterionButtons_ChangeRowsWithoutSaving()
    {
        var code = CallFixtures.NewCode();
        var form = CallFixtures.ValidForm(code);
        form["Command"] = "add-criterion";

        var added = await TestSession.ParseAsync(await _manager.PostFormAsync("/Manage/Calls/New", "/Manage/Calls/New", form));
        form["Command"] = "remove-criterion-0";
        var removed = await TestSession.ParseAsync(await _manager.PostFormAsync("/Manage/Calls/New", "/Manage/Calls/New", form));

        Assert.Multiple(() =>
        {
            Assert.That(added.QuerySelectorAll("input[name$='.Weight']"), Has.Length.EqualTo(DefaultRubric.Criteria.Count + 1));
            Assert.That(added.QuerySelector("[data-error-summary]"), Is.Null);
            Assert.That(InputValue(added, "Title"), Is.EqualTo("Emergency grants " + code));
            Assert.That(removed.QuerySelectorAll("input[name$='.Weight']"), Has.Length.EqualTo(DefaultRubric.Criteria.Count - 1));
            Assert.That(InputValue(removed, "Criteria[0].Name"), Is.EqualTo(DefaultRubric.Criteria[1].Name));
        });
        await AssertNotSavedAsync(code);
    }

    [Test]
    public async Task Create_DuplicateCode_IsRefusedWithoutSecondCall()
    {
        var code = CallFixtures.NewCode();
        var form = CallFixtures.ValidForm(code);
        await _manager.PostFormAsync("/Manage/Calls/New", "/Manage/Calls/New", form);

        var page = await RefusedAsync("/Manage/Calls/New", form);

        Assert.That(FieldError(page, "Code"), Does.Contain("already uses the code"));
        Assert.That(await _app.WithDbAsync(db => db.Calls.CountAsync(c => c.Code == code)), Is.EqualTo(1));
    }

    [Test]
    public async Task Edit_RubricLocked_ChangeRefusedAsFieldError()
    {
        var call = await CallFixtures.AddCallAsync(_app, change: c => c.LockRubric(_app.Clock.GetUtcNow().UtcDateTime));
        var form = await EditFormAsync(call.Id);
        form["Criteria[0].Weight"] = "10";
        form["Criteria[1].Weight"] = "15";

        var page = await RefusedAsync($"/Manage/Calls/{call.Id}/Edit", form);

        Assert.That(FieldError(page, "Criteria"), Does.Contain("The rubric is locked"));
        var stored = await _app.WithDbAsync(db => db.Calls.AsNoTracking().SingleAsync(c => c.Id == call.Id));
        Assert.That(stored.Terms.Rubric, Is.EqualTo(DefaultRubric.Criteria));
    }

    [Test]
    public async Task Edit_StaleVersion_SaysWhoChangedItAndKeepsInput()
    {
        var call = await CallFixtures.AddCallAsync(_app, publish: false);
        var form = await EditFormAsync(call.Id);
        var other = await EditFormAsync(call.Id);
        other["Title"] = "Changed first by a colleague";
        Assert.That((await _manager.PostFormAsync($"/Manage/Calls/{call.Id}/Edit", $"/Manage/Calls/{call.Id}/Edit", other)).StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
        form["Title"] = "My later edit";

        var page = await RefusedAsync($"/Manage/Calls/{call.Id}/Edit", form);

        Assert.That(page.QuerySelector("[data-error-summary]")!.TextContent, Does.Contain(Manager).And.Contain("Your changes were not saved"));
        Assert.That(InputValue(page, "Title"), Is.EqualTo("My later edit"));
        var stored = await _app.WithDbAsync(db => db.Calls.AsNoTracking().SingleAsync(c => c.Id == call.Id));
        Assert.That(stored.Title, Is.EqualTo("Changed first by a colleague"));
    }

    [Test]
    public async Task Edit_DeadlineOfPublishedCall_IsAuditedAndEmailsDraftingOrganisationsOnly()
    {
        var call = await CallFixtures.AddCallAsync(_app);
        await CallFixtures.AddApplicationAsync(_app, call, "applicant@trustfund.test");
        await CallFixtures.AddApplicationAsync(_app, call, "applicant2@trustfund.test", withdraw: true);
        var form = await EditFormAsync(call.Id);
        form["ClosesAt"] = "2026-04-30T18:00";
        form["AmendmentReason"] = "Partners in conflict areas need two more weeks.";

        var response = await _manager.PostFormAsync($"/Manage/Calls/{call.Id}/Edit", $"/Manage/Calls/{call.Id}/Edit", form);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Redirect), await response.Content.ReadAsStringAsync());
        var audit = await _app.WithDbAsync(db => db.AuditEntries.AsNoTracking()
            .Where(e => e.Action == AuditActions.CallDeadlineChanged && e.EntityId == call.Id.ToString()).ToListAsync());
        Assert.That(audit, Has.Count.EqualTo(1));
        Assert.That(audit[0].Summary, Does.Contain(CallFixturesIso(call.ClosesAtUtc)).And.Contain("2026-04-30T16:00:00Z"));
        var mail = await _app.WithDbAsync(db => db.OutboxMessages.AsNoTracking().Where(m => m.Subject.Contains(call.Title)).ToListAsync());
        Assert.That(mail.Select(m => m.To), Is.EquivalentTo(new[] { "applicant@trustfund.test" }));
        Assert.That(mail[0].TextBody, Does.Contain("30 April 2026, 18:00 (Europe/Vienna").And.Contain("Partners in conflict areas need two more weeks."));
    }

    [Test]
    public async Task Edit_DeadlineOfDraftCall_SendsNoEmail()
    {
        var call = await CallFixtures.AddCallAsync(_app, publish: false);
        var form = await EditFormAsync(call.Id);
        form["ClosesAt"] = "2026-04-29T18:00";

        var response = await _manager.PostFormAsync($"/Manage/Calls/{call.Id}/Edit", $"/Manage/Calls/{call.Id}/Edit", form);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
        Assert.That(await _app.WithDbAsync(db => db.OutboxMessages.CountAsync(m => m.Subject.Contains(call.Title))), Is.Zero);
        Assert.That(await _app.WithDbAsync(db => db.AuditEntries.CountAsync(e => e.Action == AuditActions.CallDeadlineChanged && e.EntityId == call.Id.ToString())), Is.Zero);
    }

    [Test]
    public async Task Delete_CallWithApplication_IsRefusedWithMessage()
    {
        var call = await CallFixtures.AddCallAsync(_app);
        await CallFixtures.AddApplicationAsync(_app, call, "applicant@trustfund.test");

        var response = await _manager.PostFormAsync($"/Manage/Calls/{call.Id}", $"/Manage/Calls/{call.Id}/Delete", new() { ["version"] = call.Version.ToString() });

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        var page = await TestSession.ParseAsync(response);
        Assert.That(page.QuerySelector("[data-error-summary]")!.TextContent, Does.Contain("cannot be deleted: it has 1 application"));
        Assert.That(await _app.WithDbAsync(db => db.Calls.AnyAsync(c => c.Id == call.Id)), Is.True);
    }

    [Test]
    public async Task Delete_CallWithoutApplications_RemovesItAndAudits()
    {
        var call = await CallFixtures.AddCallAsync(_app, publish: false);

        var response = await _manager.PostFormAsync($"/Manage/Calls/{call.Id}", $"/Manage/Calls/{call.Id}/Delete", new() { ["version"] = call.Version.ToString() });

        Assert.That(TestSession.IsRedirectTo(response, "/Manage/Calls"), Is.True);
        Assert.That(await _app.WithDbAsync(db => db.Calls.AnyAsync(c => c.Id == call.Id)), Is.False);
        Assert.That(await _app.WithDbAsync(db => db.AuditEntries.AnyAsync(e => e.Action == AuditActions.CallDeleted && e.EntityId == call.Id.ToString())), Is.True);
    }

    [Test]
    public async Task PublishThenClose_MovesLifecycleAndRepeatedPublishIsRefused()
    {
        var call = await CallFixtures.AddCallAsync(_app, publish: false);
        var version = call.Version.ToString();

        var published = await _manager.PostFormAsync($"/Manage/Calls/{call.Id}", $"/Manage/Calls/{call.Id}/Publish", new() { ["version"] = version });
        var again = await _manager.PostFormAsync($"/Manage/Calls/{call.Id}", $"/Manage/Calls/{call.Id}/Publish", new() { ["version"] = version });
        var current = await _app.WithDbAsync(db => db.Calls.AsNoTracking().SingleAsync(c => c.Id == call.Id));
        var closed = await _manager.PostFormAsync($"/Manage/Calls/{call.Id}", $"/Manage/Calls/{call.Id}/Close", new() { ["version"] = current.Version.ToString() });

        Assert.That(published.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
        Assert.That((await TestSession.ParseAsync(again)).QuerySelector("[data-error-summary]")!.TextContent, Does.Contain("cannot be published"));
        Assert.That(closed.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
        var stored = await _app.WithDbAsync(db => db.Calls.AsNoTracking().SingleAsync(c => c.Id == call.Id));
        Assert.That(stored.Status, Is.EqualTo(CallStatus.Closed));
    }

    [Test]
    public async Task Index_ListsCallsWithCountsPerStatusAndFiltersByStatus()
    {
        var (response, page) = await _manager.GetPageAsync("/Manage/Calls?status=Closed");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(page.QuerySelector("h1")!.TextContent, Is.EqualTo("Calls for proposals"));
        var rows = page.QuerySelectorAll("tbody tr").Select(r => r.TextContent).ToList();
        Assert.That(rows, Has.Some.Contains("MT"));
        Assert.That(rows, Has.None.Contains("ST –"));
        Assert.That(page.QuerySelector("a[aria-current=page]")!.TextContent, Does.Match(@"Closed \(\d+\)"));
    }

    [TestCase("applicant@trustfund.test")]
    [TestCase("reviewer@trustfund.test")]
    [TestCase("finance@trustfund.test")]
    [TestCase("admin@trustfund.test")]
    public async Task ManageRoutes_NonManager_Gets403(string email)
    {
        var call = await CallFixtures.AddCallAsync(_app, publish: false);
        var question = Guid.NewGuid();
        using var session = await _app.SignInAsync(email);

        foreach (var url in new[] { "/Manage/Calls", "/Manage/Calls/New", $"/Manage/Calls/{call.Id}", $"/Manage/Calls/{call.Id}/Edit" })
        {
            Assert.That((await session.GetAsync(url)).StatusCode, Is.EqualTo(HttpStatusCode.Forbidden), url);
        }

        foreach (var url in new[] { "/Manage/Calls/New", $"/Manage/Calls/{call.Id}/Edit", $"/Manage/Calls/{call.Id}/Publish", $"/Manage/Calls/{call.Id}/Close", $"/Manage/Calls/{call.Id}/Delete", $"/Manage/Calls/{call.Id}/Questions/{question}" })
        {
            var response = await session.PostFormAsync("/", url, new() { ["version"] = call.Version.ToString() });
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden), url);
        }

        Assert.That(await _app.WithDbAsync(db => db.Calls.AsNoTracking().SingleAsync(c => c.Id == call.Id)), Has.Property(nameof(Call.Status)).EqualTo(CallStatus.Draft));
    }

    [Test]
    public async Task ManageRoutes_Anonymous_RedirectToSignIn()
    {
        using var session = _app.NewSession();

        var response = await session.GetAsync("/Manage/Calls");

        Assert.That(TestSession.IsRedirectTo(response, "/Account/Login"), Is.True);
    }

    private static string CallFixturesIso(DateTime utc) => utc.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture);

    private static string? FieldError(IHtmlDocument page, string key) => CallPages.FieldError(page, key);

    private static string? InputValue(IHtmlDocument page, string name) => CallPages.InputValue(page, name);

    private async Task<IHtmlDocument> RefusedAsync(string url, Dictionary<string, string> form)
    {
        var response = await _manager.PostFormAsync(url, url, form);
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), "a refused form is shown again");
        var page = await TestSession.ParseAsync(response);
        Assert.That(page.QuerySelector("[data-error-summary]"), Is.Not.Null);
        return page;
    }

    private async Task AssertNotSavedAsync(string code) =>
        Assert.That(await _app.WithDbAsync(db => db.Calls.AnyAsync(c => c.Code == code)), Is.False);

    private Task<Dictionary<string, string>> EditFormAsync(Guid id) => CallPages.EditFormAsync(_manager, id);
}
