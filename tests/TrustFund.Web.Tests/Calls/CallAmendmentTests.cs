using System.Net;
using Microsoft.EntityFrameworkCore;
using TrustFund.Application.Audit;
using TrustFund.Domain.Applications;
using TrustFund.Web.Tests.Applications;
using TrustFund.Web.Tests.Infrastructure;

namespace TrustFund.Web.Tests.Calls;

/// <summary>A published call changes only by amendments: with a reason, audited, told to the organisations concerned.</summary>
public sealed class CallAmendmentTests
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
    public async Task Edit_PublishedCallWithoutReason_IsRefusedAndChangesNothing()
    {
        var call = await CallFixtures.AddCallAsync(_app);
        await CallFixtures.AddApplicationAsync(_app, call, ApplicantJourney.Applicant);
        var form = await CallPages.EditFormAsync(_manager, call.Id);
        form["MaximumAmount"] = "15000";

        var response = await _manager.PostFormAsync($"/Manage/Calls/{call.Id}/Edit", $"/Manage/Calls/{call.Id}/Edit", form);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        var page = await TestSession.ParseAsync(response);
        Assert.That(CallPages.FieldError(page, "AmendmentReason"), Does.Contain("give the reason for the amendment"));
        Assert.That(CallPages.InputValue(page, "MaximumAmount"), Is.EqualTo("15000"), "the change is kept in the form");
        var stored = await _app.WithDbAsync(db => db.Calls.AsNoTracking().SingleAsync(c => c.Id == call.Id));
        await Assert.MultipleAsync(async () =>
        {
            Assert.That(stored.Terms.MaximumAmount, Is.EqualTo(20_000m));
            Assert.That(stored.Amendments, Is.Empty);
            Assert.That(await _app.WithDbAsync(db => db.OutboxMessages.CountAsync(m => m.Subject.Contains(call.Title))), Is.Zero);
        });
    }

    [Test]
    public async Task Edit_PublishedCallWithReason_RecordsAmendmentShowsItPubliclyAndTellsOrganisationsWithDraftsOrSubmissions()
    {
        var call = await CallFixtures.AddCallAsync(_app);
        var draft = await CallFixtures.AddApplicationAsync(_app, call, ApplicantJourney.Applicant);
        var submittedOrganisation = await Screening.FundData.OrganisationAsync(_app, "Mercy Network Kenya", "KEN");
        await SeedMemberAsync(submittedOrganisation.Id, "grace@mercy.example.org");
        await Screening.FundData.ApplicationAsync(_app, call.Id, submittedOrganisation.Id, Screening.FundData.Content("Shelter in Nairobi", 12_000m));
        await CallFixtures.AddApplicationAsync(_app, call, ApplicantJourney.PendingApplicant, withdraw: true);
        var form = await CallPages.EditFormAsync(_manager, call.Id);
        form["MaximumAmount"] = "25,000.00";
        form["AmendmentReason"] = "The Board raised the ceiling for this window.";

        var response = await _manager.PostFormAsync($"/Manage/Calls/{call.Id}/Edit", $"/Manage/Calls/{call.Id}/Edit", form);

        Assert.That(TestSession.IsRedirectTo(response, $"/Manage/Calls/{call.Id}"), Is.True, await response.Content.ReadAsStringAsync());
        var stored = await _app.WithDbAsync(db => db.Calls.AsNoTracking().SingleAsync(c => c.Id == call.Id));
        var audit = await _app.WithDbAsync(db => db.AuditEntries.AsNoTracking().Where(e => e.Action == AuditActions.CallAmended && e.EntityId == call.Id.ToString()).Select(e => e.Summary).ToListAsync());
        var mail = await _app.WithDbAsync(db => db.OutboxMessages.AsNoTracking().Where(m => m.Subject.Contains(call.Title)).ToListAsync());
        using var anonymous = _app.NewSession();
        var (_, publicPage) = await anonymous.GetPageAsync($"/calls/{call.Code}");
        Assert.Multiple(() =>
        {
            Assert.That(stored.Terms.MaximumAmount, Is.EqualTo(25_000m));
            Assert.That(stored.Amendments.Single().Reason, Is.EqualTo("The Board raised the ceiling for this window."));
            Assert.That(audit.Single(), Does.Contain("amendment 1").And.Contain("MaximumAmount 20000.00 -> 25000.00"));
            Assert.That(mail.Select(m => m.To), Is.EquivalentTo(new[] { ApplicantJourney.Applicant, "grace@mercy.example.org" }), "drafts and submissions, not the withdrawn application");
            Assert.That(mail[0].Subject, Does.Contain("Amendment 1"));
            Assert.That(mail[0].TextBody, Does.Contain("The Board raised the ceiling for this window.").And.Contain("- Maximum amount (USD): before USD 20,000.00; now USD 25,000.00"));
            Assert.That(publicPage.QuerySelector("#amendments-title"), Is.Not.Null);
            Assert.That(publicPage.DocumentElement.TextContent, Does.Contain("The Board raised the ceiling for this window."));
        });
        Assert.That(draft.Status, Is.EqualTo(ApplicationStatus.Draft));
    }

    [Test]
    public async Task Answer_PublishedAnswerAmended_KeepsTheEarlierTextShownAsAmended()
    {
        var call = await CallFixtures.AddCallAsync(_app);
        using var applicant = await _app.SignInAsync(ApplicantJourney.Applicant);
        await applicant.PostFormAsync($"/calls/{call.Code}", $"/calls/{call.Code}/questions", new() { ["Question"] = "May two partners apply together?" });
        var question = await _app.WithDbAsync(db => db.ClarificationQuestions.AsNoTracking().SingleAsync(q => q.CallId == call.Id));
        var url = $"/Manage/Calls/{call.Id}/Questions/{question.Id}";
        await _manager.PostFormAsync($"/Manage/Calls/{call.Id}", url, new() { ["Answer"] = "Yes, always.", ["Publish"] = "true", ["Version"] = question.Version.ToString() });
        var published = await _app.WithDbAsync(db => db.ClarificationQuestions.AsNoTracking().SingleAsync(q => q.Id == question.Id));
        _app.Clock.Advance(TimeSpan.FromMinutes(5));

        var response = await _manager.PostFormAsync($"/Manage/Calls/{call.Id}", url, new() { ["Answer"] = "Yes, if both are registered in the implementing country.", ["Publish"] = "true", ["Version"] = published.Version.ToString() });

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
        using var anonymous = _app.NewSession();
        var (_, page) = await anonymous.GetPageAsync($"/calls/{call.Code}");
        var answers = page.QuerySelector(".published-answers")!.TextContent;
        var stored = await _app.WithDbAsync(db => db.ClarificationQuestions.AsNoTracking().SingleAsync(q => q.Id == question.Id));
        var amended = await _app.WithDbAsync(db => db.AuditEntries.CountAsync(e => e.Action == AuditActions.ClarificationAmended && e.EntityId == question.Id.ToString()));
        Assert.Multiple(() =>
        {
            Assert.That(answers, Does.Contain("Yes, if both are registered in the implementing country."));
            Assert.That(answers, Does.Contain("Amended on"));
            Assert.That(page.QuerySelector(".published-answers del")!.TextContent, Is.EqualTo("Yes, always."));
            Assert.That(stored.EarlierAnswers.Single().Text, Is.EqualTo("Yes, always."));
            Assert.That(amended, Is.EqualTo(1));
        });
    }

    [Test]
    public async Task Submissions_WhileTheDeadlineIsExtended_AllSucceed()
    {
        var call = await ApplicantJourney.CreateOpenCallAsync(_app, t => t with { AllowsSeveralApplicationsPerOrganisation = true });
        using var applicant = await _app.SignInAsync(ApplicantJourney.Applicant);
        var ids = new List<Guid>();
        for (var i = 0; i < 4; i++)
        {
            var id = await ApplicantJourney.StartAsync(applicant, call.Id);
            await ApplicantJourney.FillCompletelyAsync(applicant, id, $"Shelter project {i}");
            ids.Add(id);
        }

        var tokens = new List<string>();
        foreach (var id in ids)
        {
            tokens.Add(await applicant.AntiforgeryTokenAsync($"/Applications/{id}/Submit"));
        }

        var form = await CallPages.EditFormAsync(_manager, call.Id);
        form["ClosesAt"] = DateTime.Parse(form["ClosesAt"], System.Globalization.CultureInfo.InvariantCulture).AddDays(7).ToString("yyyy-MM-dd'T'HH:mm", System.Globalization.CultureInfo.InvariantCulture);
        form["AmendmentReason"] = "One more week for partners affected by the floods.";

        var submissions = ids.Select((id, i) => ApplicantJourney.PostWithTokenAsync(applicant, $"/Applications/{id}/Submit", tokens[i], [])).ToList();
        var extension = _manager.PostFormAsync($"/Manage/Calls/{call.Id}/Edit", $"/Manage/Calls/{call.Id}/Edit", form);
        await Task.WhenAll([.. submissions, extension]);

        Assert.That(TestSession.IsRedirectTo(await extension, $"/Manage/Calls/{call.Id}"), Is.True, "the manager's extension is not refused as stale: " + await (await extension).Content.ReadAsStringAsync());
        var references = new List<string?>();
        foreach (var (id, submission) in ids.Zip(submissions))
        {
            Assert.That(TestSession.IsRedirectTo(await submission, $"/Applications/{id}/Receipt"), Is.True);
            references.Add((await ApplicantJourney.ReadAsync(_app, id)).Reference);
        }

        var stored = await _app.WithDbAsync(db => db.Calls.AsNoTracking().SingleAsync(c => c.Id == call.Id));
        Assert.Multiple(() =>
        {
            Assert.That(references, Is.Unique.And.All.Not.Null);
            Assert.That(references.Select(r => r![^4..]).Order(), Is.EqualTo(new[] { "0001", "0002", "0003", "0004" }));
            Assert.That(stored.ClosesAtUtc, Is.EqualTo(call.ClosesAtUtc.AddDays(7)));
        });
    }

    private async Task SeedMemberAsync(Guid organisationId, string email) =>
        await ApplicantJourney.CreateColleagueAsync(_app, email, "Grace Wanjiru", organisationId);
}
