using System.Net;
using Microsoft.EntityFrameworkCore;
using TrustFund.Application.Audit;
using TrustFund.Domain.Applications;
using TrustFund.Web.Tests.Infrastructure;
using static TrustFund.Web.Tests.Applications.ApplicantJourney;

namespace TrustFund.Web.Tests.Applications;

public sealed class SubmissionTests
{
    private TrustFundApp _app = null!;

    [OneTimeSetUp]
    public async Task StartApp() => _app = await new TrustFundApp().StartAsync();

    [OneTimeTearDown]
    public void StopApp() => _app.Dispose();

    [Test]
    public async Task Submit_CompleteApplication_GetsReferenceVersionReceiptEmailAndAudit()
    {
        var call = await CreateOpenCallAsync(_app);
        using var session = await _app.SignInAsync(Applicant);
        var id = await StartAsync(session, call.Id);
        await FillCompletelyAsync(session, id);

        var (_, checklist) = await session.GetPageAsync($"/Applications/{id}/Submit");
        Assert.That(checklist.QuerySelectorAll("[data-passed=false]"), Is.Empty, "every rule is met");

        var response = await SubmitAsync(session, id);

        Assert.That(TestSession.IsRedirectTo(response, $"/Applications/{id}/Receipt"), Is.True);
        var application = await ReadAsync(_app, id);
        var expectedReference = $"UNVTF-2026-{call.Code}-0001";
        Assert.Multiple(() =>
        {
            Assert.That(application.Status, Is.EqualTo(ApplicationStatus.Submitted));
            Assert.That(application.Reference, Is.EqualTo(expectedReference));
            Assert.That(application.SubmittedAtUtc, Is.EqualTo(_app.Clock.GetUtcNow().UtcDateTime));
            Assert.That(application.Versions, Has.Count.EqualTo(1));
            Assert.That(application.Versions[0].Content.Title, Is.EqualTo("Safe shelter and legal aid in Lagos"));
        });
        var (receiptResponse, receipt) = await session.GetPageAsync($"/Applications/{id}/Receipt");
        Assert.That(receiptResponse.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(receipt.QuerySelector("[data-receipt-reference]")?.TextContent, Is.EqualTo(expectedReference));
        var email = await _app.WithDbAsync(db => db.OutboxMessages.AsNoTracking().Where(m => m.To == Applicant && m.Subject.Contains(expectedReference)).ToListAsync());
        Assert.That(email, Has.Count.EqualTo(1), "one receipt email to the submitting user");
        Assert.That(email[0].TextBody, Does.Contain(expectedReference));
        var audit = await _app.WithDbAsync(db => db.AuditEntries.AsNoTracking().Where(e => e.Action == AuditActions.ApplicationSubmitted && e.EntityId == id.ToString()).ToListAsync());
        Assert.That(audit, Has.Count.EqualTo(1));
        Assert.That(audit[0].Summary, Does.Contain(expectedReference));
    }

    [Test]
    public async Task Submit_DoubleClicked_SubmitsExactlyOnceWithOneReference()
    {
        var call = await CreateOpenCallAsync(_app);
        using var session = await _app.SignInAsync(Applicant);
        var id = await StartAsync(session, call.Id);
        await FillCompletelyAsync(session, id);
        var token = await session.AntiforgeryTokenAsync($"/Applications/{id}/Submit");

        var responses = await Task.WhenAll(
            PostWithTokenAsync(session, $"/Applications/{id}/Submit", token, []),
            PostWithTokenAsync(session, $"/Applications/{id}/Submit", token, []));
        var third = await PostWithTokenAsync(session, $"/Applications/{id}/Submit", token, []);

        Assert.That(responses.Append(third).Select(r => TestSession.IsRedirectTo(r, $"/Applications/{id}/Receipt")), Is.All.True, "every click ends on the receipt: " + string.Join(", ", responses.Select(r => $"{(int)r.StatusCode} {r.Headers.Location}")));
        var application = await ReadAsync(_app, id);
        var callAfter = await _app.WithDbAsync(db => db.Calls.AsNoTracking().SingleAsync(c => c.Id == call.Id));
        var callChanges = await _app.WithDbAsync(db => db.AuditEntries.CountAsync(e => e.EntityId == call.Id.ToString() && e.Action == AuditActions.EntityChanged));
        var submissions = await _app.WithDbAsync(db => db.AuditEntries.CountAsync(e => e.Action == AuditActions.ApplicationSubmitted && e.EntityId == id.ToString()));
        var emails = await _app.WithDbAsync(db => db.OutboxMessages.CountAsync(m => m.Subject.Contains(call.Code)));
        Assert.Multiple(() =>
        {
            Assert.That(application.Versions, Has.Count.EqualTo(1));
            Assert.That(application.Reference, Is.EqualTo($"UNVTF-2026-{call.Code}-0001"));
            Assert.That(callAfter.Version, Is.EqualTo(call.Version), "taking a reference number does not change the call");
            Assert.That(callChanges, Is.Zero, "nor write a 'call changed' entry");
            Assert.That(submissions, Is.EqualTo(1));
            Assert.That(emails, Is.EqualTo(1));
        });
        var (_, receipt) = await session.GetPageAsync($"/Applications/{id}/Receipt");
        Assert.That(receipt.QuerySelector("[data-receipt-reference]")?.TextContent, Is.EqualTo(application.Reference));
        Assert.That(receipt.QuerySelector("main")?.TextContent, Does.Contain("This application has already been submitted"));
    }

    [Test]
    public async Task Submit_TwoApplicationsToOneCall_GetConsecutiveReferences()
    {
        var call = await CreateOpenCallAsync(_app, t => t with { AllowsSeveralApplicationsPerOrganisation = true });
        using var session = await _app.SignInAsync(Applicant);
        var first = await StartAsync(session, call.Id);
        var second = await StartAsync(session, call.Id);
        await FillCompletelyAsync(session, first);
        await FillCompletelyAsync(session, second);

        await Task.WhenAll(SubmitAsync(session, first), SubmitAsync(session, second));

        var references = new[] { (await ReadAsync(_app, first)).Reference, (await ReadAsync(_app, second)).Reference };
        Assert.That(references, Is.EquivalentTo(new[] { $"UNVTF-2026-{call.Code}-0001", $"UNVTF-2026-{call.Code}-0002" }));
    }

    [Test]
    public async Task Submit_OneMinuteAfterDeadline_IsRefusedAndDraftStaysSaved()
    {
        var now = _app.Clock.GetUtcNow().UtcDateTime;
        var call = await CreateOpenCallAsync(_app, t => t with { ClosesAtUtc = now.AddMinutes(2) });
        using var session = await _app.SignInAsync(Applicant);
        var id = await StartAsync(session, call.Id);
        await FillCompletelyAsync(session, id);
        var token = await session.AntiforgeryTokenAsync($"/Applications/{id}/Submit");

        _app.Clock.SetUtcNow(call.ClosesAtUtc.AddMinutes(1));
        var response = await PostWithTokenAsync(session, $"/Applications/{id}/Submit", token, []);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        var page = await TestSession.ParseAsync(response);
        Assert.That(page.QuerySelector("[data-error-summary]")?.TextContent, Does.Contain("The deadline for this call was").And.Contain("your draft is still saved"));
        var application = await ReadAsync(_app, id);
        Assert.Multiple(() =>
        {
            Assert.That(application.Status, Is.EqualTo(ApplicationStatus.Draft));
            Assert.That(application.Reference, Is.Null);
            Assert.That(application.Content.Title, Is.EqualTo("Safe shelter and legal aid in Lagos"));
            Assert.That(application.Content.Budget, Has.Count.EqualTo(2));
        });
        var (_, project) = await session.GetPageAsync($"/Applications/{id}/Project");
        Assert.That(project.QuerySelector("#Title")?.GetAttribute("value"), Is.EqualTo("Safe shelter and legal aid in Lagos"));
    }

    [Test]
    public async Task Submit_ExactlyAtDeadline_IsAccepted()
    {
        var now = _app.Clock.GetUtcNow().UtcDateTime;
        var call = await CreateOpenCallAsync(_app, t => t with { ClosesAtUtc = now.AddMinutes(2) });
        using var session = await _app.SignInAsync(Applicant);
        var id = await StartAsync(session, call.Id);
        await FillCompletelyAsync(session, id);
        var token = await session.AntiforgeryTokenAsync($"/Applications/{id}/Submit");

        _app.Clock.SetUtcNow(call.ClosesAtUtc);
        var response = await PostWithTokenAsync(session, $"/Applications/{id}/Submit", token, []);

        Assert.That(TestSession.IsRedirectTo(response, $"/Applications/{id}/Receipt"), Is.True);
    }

    [Test]
    public async Task Submit_DuringTheDeadlinesMinute_IsAccepted()
    {
        var now = _app.Clock.GetUtcNow().UtcDateTime;
        var call = await CreateOpenCallAsync(_app, t => t with { ClosesAtUtc = now.AddMinutes(2) });
        using var session = await _app.SignInAsync(Applicant);
        var id = await StartAsync(session, call.Id);
        await FillCompletelyAsync(session, id);
        var token = await session.AntiforgeryTokenAsync($"/Applications/{id}/Submit");

        _app.Clock.SetUtcNow(call.ClosesAtUtc.AddSeconds(59));
        var response = await PostWithTokenAsync(session, $"/Applications/{id}/Submit", token, []);

        Assert.That(TestSession.IsRedirectTo(response, $"/Applications/{id}/Receipt"), Is.True, "a deadline of 23:59 includes 23:59:59");
        Assert.That((await ReadAsync(_app, id)).Status, Is.EqualTo(ApplicationStatus.Submitted));
    }

    [Test]
    public async Task Submit_PendingOrganisation_IsRefusedWithClearMessage()
    {
        var call = await CreateOpenCallAsync(_app);
        using var session = await _app.SignInAsync(PendingApplicant);
        var id = await StartAsync(session, call.Id);
        await FillCompletelyAsync(session, id);

        var (_, checklist) = await session.GetPageAsync($"/Applications/{id}/Submit");
        Assert.That(checklist.QuerySelector("[data-field=Organisation]")?.GetAttribute("data-passed"), Is.EqualTo("false"));
        Assert.That(checklist.QuerySelector("form[action$='/Submit'] button"), Is.Null, "no submit button while a rule fails");

        var response = await SubmitAsync(session, id);

        var page = await TestSession.ParseAsync(response);
        Assert.That(page.QuerySelector("[data-error-summary]")?.TextContent, Does.Contain("Your organisation has not been verified by the Secretariat yet"));
        Assert.That((await ReadAsync(_app, id)).Status, Is.EqualTo(ApplicationStatus.Draft));
    }

    [Test]
    public async Task Submit_EmptyRequiredFields_ChecklistLinksEachToItsSection()
    {
        var call = await CreateOpenCallAsync(_app);
        using var session = await _app.SignInAsync(Applicant);
        var id = await StartAsync(session, call.Id);

        var (_, checklist) = await session.GetPageAsync($"/Applications/{id}/Submit");
        var titleRule = checklist.QuerySelector("[data-field=Title]");
        Assert.That(titleRule?.GetAttribute("data-passed"), Is.EqualTo("false"));
        Assert.That(titleRule?.QuerySelector("a")?.GetAttribute("href"), Is.EqualTo($"/Applications/{id}/Project#Title"));
        Assert.That(checklist.QuerySelector("[data-field=Budget] a")?.GetAttribute("href"), Does.StartWith($"/Applications/{id}/Budget"));
        Assert.That(checklist.QuerySelector("[data-field=AuditedFinancialStatements] a")?.GetAttribute("href"), Is.EqualTo($"/Applications/{id}/Documents"));

        var response = await SubmitAsync(session, id);
        var page = await TestSession.ParseAsync(response);
        Assert.That(page.QuerySelector("[data-error-summary]")?.TextContent, Does.Contain("Enter the project title."));
        Assert.That((await ReadAsync(_app, id)).Status, Is.EqualTo(ApplicationStatus.Draft));
    }

    [TestCase("AmountRequested", "5000", "Request between USD 10,000.00 and USD 100,000.00.", TestName = "Submit_AmountBelowCallMinimum_FailsItsRule")]
    [TestCase("AmountRequested", "150000", "Request between USD 10,000.00 and USD 100,000.00.", TestName = "Submit_AmountAboveCallMaximum_FailsItsRule")]
    [TestCase("DurationMonths", "36", "Enter a duration of 1 to 24 months.", TestName = "Submit_DurationOverCallMaximum_FailsItsRule")]
    [TestCase("StartDate", "2026-01-15", "Enter a start date that is not in the past.", TestName = "Submit_StartDateInPast_FailsItsRule")]
    public async Task Submit_ValueBreakingCallTerms_FailsItsRuleAndKeepsDraft(string field, string value, string message)
    {
        var call = await CreateOpenCallAsync(_app);
        using var session = await _app.SignInAsync(Applicant);
        var id = await StartAsync(session, call.Id);
        await FillCompletelyAsync(session, id);
        var project = CompleteProject();
        project[field] = value;
        await ExpectSavedAsync(SaveSectionAsync(session, id, "Project", project));

        var (_, checklist) = await session.GetPageAsync($"/Applications/{id}/Submit");
        var rule = checklist.QuerySelector($"[data-field={field}]");
        Assert.That(rule?.GetAttribute("data-passed"), Is.EqualTo("false"));
        Assert.That(rule?.TextContent, Does.Contain(message));
        Assert.That(rule?.QuerySelector("a")?.GetAttribute("href"), Is.EqualTo($"/Applications/{id}/Project#{field}"));

        var response = await SubmitAsync(session, id);
        Assert.That((await TestSession.ParseAsync(response)).QuerySelector("[data-error-summary]")?.TextContent, Does.Contain(message));
        var saved = await ReadAsync(_app, id);
        Assert.That(saved.Status, Is.EqualTo(ApplicationStatus.Draft));
    }

    [Test]
    public async Task Withdraw_SubmittedApplicationWithReason_IsWithdrawnAndAudited()
    {
        var call = await CreateOpenCallAsync(_app);
        using var session = await _app.SignInAsync(Applicant);
        var id = await StartAsync(session, call.Id);
        await FillCompletelyAsync(session, id);
        await SubmitAsync(session, id);

        var empty = await session.PostFormAsync($"/Applications/{id}/Withdraw", $"/Applications/{id}/Withdraw", new() { ["Reason"] = "  " });
        Assert.That((await TestSession.ParseAsync(empty)).QuerySelector("[data-error-summary]")?.TextContent, Does.Contain("Give a reason for withdrawing."));

        var response = await session.PostFormAsync($"/Applications/{id}/Withdraw", $"/Applications/{id}/Withdraw", new() { ["Reason"] = "Funding secured elsewhere." });

        Assert.That(TestSession.IsRedirectTo(response, $"/Applications/{id}"), Is.True);
        var application = await ReadAsync(_app, id);
        Assert.That(application.Status, Is.EqualTo(ApplicationStatus.Withdrawn));
        Assert.That(application.WithdrawalReason, Is.EqualTo("Funding secured elsewhere."));
        var audit = await _app.WithDbAsync(db => db.AuditEntries.AsNoTracking().SingleAsync(e => e.Action == AuditActions.ApplicationWithdrawn && e.EntityId == id.ToString()));
        Assert.That(audit.Summary, Does.Contain(application.Reference!).And.Contain("Funding secured elsewhere."));

        var again = await session.PostFormAsync($"/Applications/{id}/Withdraw", $"/Applications/{id}/Withdraw", new() { ["Reason"] = "Again" });
        Assert.That(TestSession.IsRedirectTo(again, $"/Applications/{id}"), Is.True, "a repeated withdrawal changes nothing");
    }

    [Test]
    public async Task Resubmit_AfterInformationRequest_KeepsReferenceAddsVersionAndComparesFields()
    {
        var call = await CreateOpenCallAsync(_app);
        using var session = await _app.SignInAsync(Applicant);
        var id = await StartAsync(session, call.Id);
        await FillCompletelyAsync(session, id);
        await SubmitAsync(session, id);
        var reference = (await ReadAsync(_app, id)).Reference;
        await _app.WithDbAsync(async db =>
        {
            var application = await db.Applications.SingleAsync(a => a.Id == id);
            application.RequestInformation("Please detail the shelter's staffing.", _app.Clock.GetUtcNow().UtcDateTime.AddDays(14), _app.Clock.GetUtcNow().UtcDateTime);
            return await db.SaveChangesAsync();
        });

        var (_, overview) = await session.GetPageAsync($"/Applications/{id}");
        Assert.That(overview.QuerySelector("[data-information-request]")?.TextContent, Does.Contain("Please detail the shelter's staffing."));
        var project = CompleteProject("Safe shelter, staffing and legal aid in Lagos");
        await ExpectSavedAsync(SaveSectionAsync(session, id, "Project", project));
        var response = await SubmitAsync(session, id);

        Assert.That(TestSession.IsRedirectTo(response, $"/Applications/{id}/Receipt"), Is.True);
        var resubmitted = await ReadAsync(_app, id);
        Assert.Multiple(() =>
        {
            Assert.That(resubmitted.Status, Is.EqualTo(ApplicationStatus.Submitted));
            Assert.That(resubmitted.Reference, Is.EqualTo(reference));
            Assert.That(resubmitted.Versions.Select(v => v.Number), Is.EquivalentTo(new[] { 1, 2 }));
        });
        var audit = await _app.WithDbAsync(db => db.AuditEntries.CountAsync(e => e.Action == AuditActions.ApplicationResubmitted && e.EntityId == id.ToString()));
        Assert.That(audit, Is.EqualTo(1));

        var (compareResponse, compare) = await session.GetPageAsync($"/Applications/{id}/Versions/Compare?from=1&to=2");
        Assert.That(compareResponse.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        var title = compare.QuerySelector("tr[data-field='Project title']");
        Assert.That(title?.GetAttribute("data-changed"), Is.EqualTo("true"));
        Assert.That(title?.TextContent, Does.Contain("Safe shelter and legal aid in Lagos").And.Contain("Safe shelter, staffing and legal aid in Lagos"));
        Assert.That(compare.QuerySelector("tr[data-field='Amount requested']")?.GetAttribute("data-changed"), Is.EqualTo("false"));
        Assert.That(compare.QuerySelectorAll("tr[data-changed=true]"), Has.Length.EqualTo(1));
        var missing = await session.GetAsync($"/Applications/{id}/Versions/Compare?from=1&to=9");
        Assert.That(missing.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
    }

    [Test]
    public async Task Section_AfterSubmission_CannotBeChanged()
    {
        var call = await CreateOpenCallAsync(_app);
        using var session = await _app.SignInAsync(Applicant);
        var id = await StartAsync(session, call.Id);
        await FillCompletelyAsync(session, id);
        await SubmitAsync(session, id);

        var response = await SaveSectionAsync(session, id, "Project", CompleteProject("Changed after submission"));

        Assert.That(TestSession.IsRedirectTo(response, $"/Applications/{id}"), Is.True);
        Assert.That((await ReadAsync(_app, id)).Title, Is.EqualTo("Safe shelter and legal aid in Lagos"));
    }
}
