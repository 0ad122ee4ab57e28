using System.Net;
using Microsoft.EntityFrameworkCore;
using TrustFund.Domain.Calls;
using TrustFund.Web.Tests.Infrastructure;

namespace TrustFund.Web.Tests.Calls;

public sealed class ClarificationQuestionTests
{
    private const string Applicant = "applicant@trustfund.test";
    private const string OtherApplicant = "applicant2@trustfund.test";
    private TrustFundApp _app = null!;

    [OneTimeSetUp]
    public async Task StartApp() => _app = await new TrustFundApp().StartAsync();

    [OneTimeTearDown]
    public void StopApp() => _app.Dispose();

    [Test]
    public async Task Ask_BeforeDeadline_SavesQuestionVisibleToOwnOrganisationOnly()
    {
        var call = await CallFixtures.AddCallAsync(_app);
        using var applicant = await _app.SignInAsync(Applicant);

        var response = await applicant.PostFormAsync($"/calls/{call.Code}", $"/calls/{call.Code}/questions", new() { ["Question"] = "Can partners in two countries apply together?" });

        Assert.That(TestSession.IsRedirectTo(response, $"/calls/{call.Code}/questions/"), Is.True, await response.Content.ReadAsStringAsync());
        var (ownResponse, own) = await applicant.GetPageAsync(response.Headers.Location!.OriginalString);
        Assert.That(ownResponse.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(own.QuerySelector("main")!.TextContent, Does.Contain("Can partners in two countries apply together?").And.Contain("has not published an answer yet"));
        using var anonymous = _app.NewSession();
        var (_, publicPage) = await anonymous.GetPageAsync($"/calls/{call.Code}");
        Assert.That(publicPage.DocumentElement.TextContent, Does.Not.Contain("Can partners in two countries"), "unpublished questions are not public");
    }

    [Test]
    public async Task Ask_AfterClarificationDeadline_IsRefusedClearly()
    {
        var now = _app.Clock.GetUtcNow().UtcDateTime;
        var call = await CallFixtures.AddCallAsync(_app, clarificationDeadline: now.AddDays(-1));
        using var applicant = await _app.SignInAsync(Applicant);

        var response = await applicant.PostFormAsync($"/calls/{call.Code}", $"/calls/{call.Code}/questions", new() { ["Question"] = "Is it too late to ask?" });

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        var page = await TestSession.ParseAsync(response);
        Assert.That(page.QuerySelector("[data-error-summary]")!.TextContent, Does.Contain("The deadline for clarification questions on this call has passed."));
        Assert.That(await _app.WithDbAsync(db => db.ClarificationQuestions.AnyAsync(q => q.CallId == call.Id)), Is.False);
    }

    [Test]
    public async Task Ask_EmptyOrOverlongQuestion_IsRefused()
    {
        var call = await CallFixtures.AddCallAsync(_app);
        using var applicant = await _app.SignInAsync(Applicant);

        var empty = await TestSession.ParseAsync(await applicant.PostFormAsync($"/calls/{call.Code}", $"/calls/{call.Code}/questions", new() { ["Question"] = "  " }));
        var overlong = await TestSession.ParseAsync(await applicant.PostFormAsync($"/calls/{call.Code}", $"/calls/{call.Code}/questions", new() { ["Question"] = new string('q', 10_000) }));

        Assert.That(empty.GetElementById("Question-error")!.TextContent, Does.Contain("Enter your question."));
        Assert.That(overlong.GetElementById("Question-error")!.TextContent, Does.Contain("4,000 characters or fewer"));
        Assert.That(overlong.GetElementById("Question")!.TextContent, Has.Length.EqualTo(10_000), "what was typed is kept");
        Assert.That(await _app.WithDbAsync(db => db.ClarificationQuestions.AnyAsync(q => q.CallId == call.Id)), Is.False);
    }

    [Test]
    public async Task Question_OfAnotherOrganisation_IsNotFound()
    {
        var call = await CallFixtures.AddCallAsync(_app);
        using var other = await _app.SignInAsync(OtherApplicant);
        var asked = await other.PostFormAsync($"/calls/{call.Code}", $"/calls/{call.Code}/questions", new() { ["Question"] = "Our confidential question" });
        var url = asked.Headers.Location!.OriginalString;
        using var applicant = await _app.SignInAsync(Applicant);

        var response = await applicant.GetAsync(url);
        var (_, callPage) = await applicant.GetPageAsync($"/calls/{call.Code}");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        Assert.That(callPage.DocumentElement.TextContent, Does.Not.Contain("Our confidential question"));
    }

    [Test]
    public async Task Ask_Anonymous_IsSentToSignIn()
    {
        var call = await CallFixtures.AddCallAsync(_app);
        using var anonymous = _app.NewSession();

        var response = await anonymous.PostFormAsync("/Account/Login", $"/calls/{call.Code}/questions", new() { ["Question"] = "Anonymous?" });

        Assert.That(TestSession.IsRedirectTo(response, "/Account/Login"), Is.True);
        Assert.That(await _app.WithDbAsync(db => db.ClarificationQuestions.AnyAsync(q => q.CallId == call.Id)), Is.False);
    }

    [Test]
    public async Task Answer_Published_IsPublicWithoutAskerIdentityAndEscaped()
    {
        var call = await CallFixtures.AddCallAsync(_app);
        using var applicant = await _app.SignInAsync(Applicant);
        await applicant.PostFormAsync($"/calls/{call.Code}", $"/calls/{call.Code}/questions", new() { ["Question"] = "May we budget for <b>interpreters</b>?" });
        var question = await _app.WithDbAsync(db => db.ClarificationQuestions.AsNoTracking().SingleAsync(q => q.CallId == call.Id));
        using var manager = await _app.SignInAsync("manager@trustfund.test");
        var (_, managerPage) = await manager.GetPageAsync($"/Manage/Calls/{call.Id}");
        Assert.That(managerPage.DocumentElement.TextContent, Does.Contain("Amina Haddad").And.Contain("Safe Harbour Foundation"), "the Secretariat sees who asked");

        var response = await manager.PostFormAsync($"/Manage/Calls/{call.Id}", $"/Manage/Calls/{call.Id}/Questions/{question.Id}", new()
        {
            ["Answer"] = "Yes: interpretation is an eligible cost <script>alert(1)</script>",
            ["Publish"] = "true",
            ["Version"] = question.Version.ToString(),
        });

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
        using var anonymous = _app.NewSession();
        var publicResponse = await anonymous.GetAsync($"/calls/{call.Code}");
        var html = await publicResponse.Content.ReadAsStringAsync();
        var page = TestSession.Parse(html);
        var answers = page.QuerySelector(".published-answers")!.TextContent;
        Assert.Multiple(() =>
        {
            Assert.That(answers, Does.Contain("May we budget for <b>interpreters</b>?"));
            Assert.That(answers, Does.Contain("Yes: interpretation is an eligible cost"));
            Assert.That(html, Does.Not.Contain("<script>alert(1)"));
            Assert.That(html, Does.Not.Contain("Amina Haddad"));
            Assert.That(html, Does.Not.Contain("Safe Harbour"));
            Assert.That(html, Does.Not.Contain("applicant@trustfund.test"));
        });
    }

    [Test]
    public async Task Answer_Empty_IsRefusedAndNothingPublished()
    {
        var call = await CallFixtures.AddCallAsync(_app);
        using var applicant = await _app.SignInAsync(Applicant);
        await applicant.PostFormAsync($"/calls/{call.Code}", $"/calls/{call.Code}/questions", new() { ["Question"] = "Question needing an answer" });
        var question = await _app.WithDbAsync(db => db.ClarificationQuestions.AsNoTracking().SingleAsync(q => q.CallId == call.Id));
        using var manager = await _app.SignInAsync("manager@trustfund.test");

        var response = await manager.PostFormAsync($"/Manage/Calls/{call.Id}", $"/Manage/Calls/{call.Id}/Questions/{question.Id}", new()
        {
            ["Answer"] = string.Empty,
            ["Publish"] = "true",
            ["Version"] = question.Version.ToString(),
        });

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        var page = await TestSession.ParseAsync(response);
        Assert.That(page.QuerySelector("[data-error-summary]")!.TextContent, Does.Contain("Enter the answer."));
        var stored = await _app.WithDbAsync(db => db.ClarificationQuestions.AsNoTracking().SingleAsync(q => q.Id == question.Id));
        Assert.That(stored.PublishedAtUtc, Is.Null);
    }

    [Test]
    public async Task Answer_StaleVersion_IsRefusedWithWhoChangedItAndKeepsTypedAnswer()
    {
        var call = await CallFixtures.AddCallAsync(_app);
        using var applicant = await _app.SignInAsync(Applicant);
        await applicant.PostFormAsync($"/calls/{call.Code}", $"/calls/{call.Code}/questions", new() { ["Question"] = "Two managers answer this" });
        var question = await _app.WithDbAsync(db => db.ClarificationQuestions.AsNoTracking().SingleAsync(q => q.CallId == call.Id));
        using var manager = await _app.SignInAsync("manager@trustfund.test");
        var url = $"/Manage/Calls/{call.Id}/Questions/{question.Id}";
        await manager.PostFormAsync($"/Manage/Calls/{call.Id}", url, new() { ["Answer"] = "First answer", ["Publish"] = "false", ["Version"] = question.Version.ToString() });

        var response = await manager.PostFormAsync($"/Manage/Calls/{call.Id}", url, new() { ["Answer"] = "Second answer from an old page", ["Publish"] = "true", ["Version"] = question.Version.ToString() });

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        var page = await TestSession.ParseAsync(response);
        Assert.That(page.QuerySelector("[data-error-summary]")!.TextContent, Does.Contain("manager@trustfund.test changed this"));
        Assert.That(page.GetElementById($"Answer-{question.Id:N}")!.TextContent, Is.EqualTo("Second answer from an old page"));
        var stored = await _app.WithDbAsync(db => db.ClarificationQuestions.AsNoTracking().SingleAsync(q => q.Id == question.Id));
        Assert.That(stored.Answer, Is.EqualTo("First answer"));
        Assert.That(stored.PublishedAtUtc, Is.Null);
    }

    [Test]
    public async Task QuestionRoutes_NonApplicant_Gets403()
    {
        var call = await CallFixtures.AddCallAsync(_app);
        using var reviewer = await _app.SignInAsync("reviewer@trustfund.test");

        var ask = await reviewer.PostFormAsync("/", $"/calls/{call.Code}/questions", new() { ["Question"] = "Reviewer question" });
        var view = await reviewer.GetAsync($"/calls/{call.Code}/questions/{Guid.NewGuid()}");

        Assert.That(ask.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
        Assert.That(view.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
    }
}
