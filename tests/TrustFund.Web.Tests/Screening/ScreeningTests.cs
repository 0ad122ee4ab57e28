using System.Net;
using Microsoft.EntityFrameworkCore;
using TrustFund.Application.Accounts;
using TrustFund.Application.Audit;
using TrustFund.Domain.Applications;
using TrustFund.Domain.Organisations;
using TrustFund.Web.Tests.Infrastructure;

namespace TrustFund.Web.Tests.Screening;

public sealed class ScreeningTests
{
    private TrustFundApp _app = null!;
    private Guid _callId;

    [OneTimeSetUp]
    public async Task StartApp()
    {
        _app = await new TrustFundApp().StartAsync();
        _callId = (await FundData.PublishedCallAsync(_app, "SCR")).Id;
    }

    [OneTimeTearDown]
    public void StopApp() => _app.Dispose();

    [Test]
    public async Task Screening_PreEvaluatesGatesFromData_WithEvidence()
    {
        var organisation = await FundData.OrganisationAsync(_app, "Evidence Org", profile: p => p with { UnppPartnerId = string.Empty });
        var application = await FundData.ApplicationAsync(_app, _callId, organisation.Id, FundData.Content("Evidence project", 12_000m, ["NGA"], duration: 6, language: Domain.Calls.ProposalLanguage.French));
        using var manager = await _app.SignInAsync("manager@trustfund.test");

        var (response, page) = await manager.GetPageAsync($"/Manage/Applications/{application.Id}/Screening");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        string Evidence(string gate) => page.QuerySelector($"[data-gate={gate}] [data-evidence]")!.TextContent;

        // Signing in staff again within 30 seconds moves the clock to the next authenticator code, so the submission time is read back.
        var submitted = TimeZoneInfo.ConvertTimeFromUtc(application.SubmittedAtUtc!.Value, TimeZoneInfo.FindSystemTimeZoneById("Europe/Vienna"))
            .ToString("yyyy-MM-dd HH:mm:ss", System.Globalization.CultureInfo.InvariantCulture);
        string Suggested(string gate) => page.QuerySelector($"[data-gate={gate}] [data-suggested]")!.GetAttribute("data-suggested")!;
        Assert.Multiple(() =>
        {
            Assert.That(page.QuerySelectorAll("[data-gate]"), Has.Length.EqualTo(14));
            Assert.That(Evidence("RegisteredBeforeCutoff"), Is.EqualTo("Registered 2015-03-01, cut-off 2025-12-31."));
            Assert.That(Suggested("RegisteredBeforeCutoff"), Is.EqualTo("pass"));
            Assert.That(Evidence("Experience"), Is.EqualTo("11 years since 2015-03-01 at submission; the call asks for at least 2."));
            Assert.That(Evidence("OnTime"), Does.Contain($"Submitted {submitted} Europe/Vienna; deadline 2026-04-01 11:00:00 Europe/Vienna."));
            Assert.That(Suggested("OnTime"), Is.EqualTo("pass"));
            Assert.That(Evidence("AmountWithinLimits"), Is.EqualTo("Requests USD 12,000.00; the call allows USD 5,000.00 to USD 20,000.00."));
            Assert.That(Evidence("DurationWithinLimits"), Is.EqualTo("6 months; the call allows at most 9."));
            // The documents the version was submitted with (its registration certificate), not what exists now.
            Assert.That(Evidence("DocumentsComplete"), Is.EqualTo("Registration certificate: 1 of 1."));
            Assert.That(Suggested("DocumentsComplete"), Is.EqualTo("pass"));
            Assert.That(Evidence("UnppPartnerId"), Is.EqualTo("No UNPP Partner ID in the organisation's profile."));
            Assert.That(Suggested("UnppPartnerId"), Is.EqualTo("fail"));
            Assert.That(Suggested("OrganisationVerified"), Is.EqualTo("pass"));
            Assert.That(Evidence("AllowedLanguage"), Is.EqualTo("Written in French; the call accepts English, French."));
            Assert.That(Evidence("BankAccountInOwnName"), Is.EqualTo("Account holder: Evidence Org; legal name: Evidence Org."));
            Assert.That(Suggested("NonProfit"), Is.EqualTo("check"));
            Assert.That(Evidence("DirectAssistanceToVictims"), Does.Contain("Shelter and safe accommodation"));
            Assert.That(page.QuerySelector("[data-gate=UnppPartnerId] textarea")!.TextContent, Is.EqualTo("No UNPP Partner ID in the organisation's profile."));
        });
    }

    [Test]
    public async Task Screening_LateRegistration_FailsCutoffAndExperienceGates()
    {
        var organisation = await FundData.OrganisationAsync(_app, "Young Org", profile: p => p with { RegistrationDate = new DateOnly(2026, 1, 15) });
        var application = await FundData.ApplicationAsync(_app, _callId, organisation.Id, FundData.Content("Young project", 8_000m));
        using var manager = await _app.SignInAsync("manager@trustfund.test");

        var (_, page) = await manager.GetPageAsync($"/Manage/Applications/{application.Id}/Screening");

        Assert.That(page.QuerySelector("[data-gate=RegisteredBeforeCutoff] [data-evidence]")!.TextContent, Is.EqualTo("Registered 2026-01-15, cut-off 2025-12-31."));
        Assert.That(page.QuerySelector("[data-gate=RegisteredBeforeCutoff] [data-suggested]")!.GetAttribute("data-suggested"), Is.EqualTo("fail"));
        Assert.That(page.QuerySelector("[data-gate=Experience] [data-suggested]")!.GetAttribute("data-suggested"), Is.EqualTo("fail"));
    }

    [Test]
    public async Task Eligible_WhenAGateFails_IsRefusedAndNothingIsSaved()
    {
        var application = await SubmittedApplicationAsync("Gate fails");
        using var manager = await _app.SignInAsync("manager@trustfund.test");

        var response = await ScreeningForms.PostScreeningAsync(manager, application.Id, "Eligible", results: new Dictionary<string, string> { ["DocumentsComplete"] = "fail" });

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        var page = await TestSession.ParseAsync(response);
        Assert.That(page.QuerySelector("[data-error-summary]")!.TextContent, Does.Contain("cannot be recorded as eligible because 1 gate failed: required documents complete"));
        Assert.That(page.QuerySelector("[data-gate=DocumentsComplete] input[value=fail]")!.HasAttribute("checked"), Is.True, "the person's choices are kept");
        Assert.That(await StatusAsync(application.Id), Is.EqualTo(ApplicationStatus.Submitted));
        Assert.That(await _app.WithDbAsync(db => db.Screenings.CountAsync(s => s.ApplicationId == application.Id)), Is.Zero);
    }

    [Test]
    public async Task Eligible_WithUnconfirmedGates_IsRefusedGateByGate()
    {
        var application = await SubmittedApplicationAsync("Unconfirmed");
        using var manager = await _app.SignInAsync("manager@trustfund.test");

        var response = await ScreeningForms.PostScreeningAsync(manager, application.Id, "Eligible", confirmAll: false, results: new Dictionary<string, string> { ["OnTime"] = "pass" });

        var page = await TestSession.ParseAsync(response);
        var errors = page.QuerySelectorAll("[data-error-summary] li").Select(li => li.TextContent.Trim()).ToList();
        Assert.That(errors, Has.Count.EqualTo(13));
        Assert.That(errors, Has.All.EqualTo("Confirm this gate (pass or fail) before recording the outcome."));
        Assert.That(await StatusAsync(application.Id), Is.EqualTo(ApplicationStatus.Submitted));
    }

    [Test]
    public async Task Gate_WithoutComment_IsRefused()
    {
        var application = await SubmittedApplicationAsync("No comment");
        using var manager = await _app.SignInAsync("manager@trustfund.test");

        var response = await ScreeningForms.PostScreeningAsync(manager, application.Id, "save", comments: new Dictionary<string, string> { ["NonProfit"] = "  " });

        var page = await TestSession.ParseAsync(response);
        Assert.That(page.QuerySelector("[data-error-summary]")!.TextContent, Does.Contain("Write a comment for each gate you confirm."));
        Assert.That(await _app.WithDbAsync(db => db.Screenings.CountAsync(s => s.ApplicationId == application.Id)), Is.Zero);
    }

    [Test]
    public async Task Ineligible_WithoutReason_IsRefused()
    {
        var application = await SubmittedApplicationAsync("No reason");
        using var manager = await _app.SignInAsync("manager@trustfund.test");

        var response = await ScreeningForms.PostScreeningAsync(manager, application.Id, "Ineligible", reason: " ", results: new Dictionary<string, string> { ["UnppPartnerId"] = "fail" });

        var page = await TestSession.ParseAsync(response);
        Assert.That(page.QuerySelector("[data-error-summary]")!.TextContent, Does.Contain("Give the reason the application is ineligible."));
        Assert.That(await StatusAsync(application.Id), Is.EqualTo(ApplicationStatus.Submitted));
    }

    [Test]
    public async Task SaveChecklist_KeepsGateResultsWithWhoAndWhen()
    {
        var application = await SubmittedApplicationAsync("Saved checklist");
        using var manager = await _app.SignInAsync("manager@trustfund.test");

        var response = await ScreeningForms.PostScreeningAsync(manager, application.Id, "save", confirmAll: false, results: new Dictionary<string, string> { ["OnTime"] = "pass", ["NonProfit"] = "fail" }, comments: new Dictionary<string, string> { ["NonProfit"] = "Registered as a company." });

        Assert.That(TestSession.IsRedirectTo(response, $"/Manage/Applications/{application.Id}/Screening"), Is.True, await response.Content.ReadAsStringAsync());
        var screening = await _app.WithDbAsync(db => db.Screenings.AsNoTracking().SingleAsync(s => s.ApplicationId == application.Id));
        Assert.Multiple(() =>
        {
            Assert.That(screening.Gates.Select(g => (g.Gate, g.Passed)), Is.EqualTo(new[] { (EligibilityGate.OnTime, true), (EligibilityGate.NonProfit, false) }));
            Assert.That(screening.ResultOf(EligibilityGate.NonProfit)!.Comment, Is.EqualTo("Registered as a company."));
            Assert.That(screening.ResultOf(EligibilityGate.NonProfit)!.ConfirmedBy, Is.EqualTo("manager@trustfund.test"));
            Assert.That(screening.Outcome, Is.Null);
        });
        var (_, page) = await manager.GetPageAsync($"/Manage/Applications/{application.Id}/Screening");
        Assert.That(page.QuerySelector("[data-gate=NonProfit] [data-confirmed]")!.GetAttribute("data-confirmed"), Is.EqualTo("fail"));
        Assert.That(await _app.WithDbAsync(db => db.AuditEntries.CountAsync(e => e.Action == AuditActions.ScreeningGatesConfirmed && e.EntityId == application.Id.ToString())), Is.EqualTo(1));
    }

    [Test]
    public async Task Eligible_AllGatesPass_RecordsOutcomeNotifiesApplicantAndAudits()
    {
        var application = await SubmittedApplicationAsync("All pass", memberEmail: "eligible-member@example.org");
        using var manager = await _app.SignInAsync("manager@trustfund.test");

        var response = await ScreeningForms.PostScreeningAsync(manager, application.Id, "Eligible");
        var again = await ScreeningForms.PostScreeningAsync(manager, application.Id, "Eligible");

        Assert.That(TestSession.IsRedirectTo(response, $"/Manage/Applications/{application.Id}/Screening"), Is.True, await response.Content.ReadAsStringAsync());
        Assert.That(again.StatusCode, Is.Not.EqualTo(HttpStatusCode.InternalServerError));
        Assert.That(await StatusAsync(application.Id), Is.EqualTo(ApplicationStatus.Eligible));
        var screening = await _app.WithDbAsync(db => db.Screenings.AsNoTracking().SingleAsync(s => s.ApplicationId == application.Id));
        Assert.That(screening.Outcome, Is.EqualTo(ScreeningOutcome.Eligible));
        Assert.That(screening.Gates, Has.Count.EqualTo(14).And.All.Matches<GateResult>(g => g.Passed));
        var emails = await FundData.EmailsToAsync(_app, "eligible-member@example.org");
        Assert.That(emails.Single().Subject, Does.Contain("is eligible"));
        var audit = await _app.WithDbAsync(db => db.AuditEntries.AsNoTracking().Where(e => e.EntityId == application.Id.ToString()).Select(e => new { e.Action, e.Summary }).ToListAsync());
        Assert.That(audit.Count(a => a.Action == AuditActions.ScreenedEligible), Is.EqualTo(1));
        Assert.That(audit.Any(a => a.Summary.Contains("Status Submitted -> Eligible", StringComparison.Ordinal)), Is.True);

        var (_, page) = await manager.GetPageAsync($"/Manage/Applications/{application.Id}/Screening");
        Assert.That(page.QuerySelector("[data-outcome]")!.GetAttribute("data-outcome"), Is.EqualTo("Eligible"));
        Assert.That(page.QuerySelector("button[value=Eligible]"), Is.Null);
    }

    [Test]
    public async Task Ineligible_WithReason_RecordsOutcomeAndEmailsTheReason()
    {
        var application = await SubmittedApplicationAsync("Ineligible one", memberEmail: "ineligible-member@example.org");
        using var manager = await _app.SignInAsync("manager@trustfund.test");

        var response = await ScreeningForms.PostScreeningAsync(manager, application.Id, "Ineligible", reason: "The organisation works through an intermediary.", results: new Dictionary<string, string> { ["NotIntermediary"] = "fail" });

        Assert.That(TestSession.IsRedirectTo(response, $"/Manage/Applications/{application.Id}/Screening"), Is.True, await response.Content.ReadAsStringAsync());
        var saved = await _app.WithDbAsync(db => db.Applications.AsNoTracking().SingleAsync(a => a.Id == application.Id));
        Assert.That(saved.Status, Is.EqualTo(ApplicationStatus.Ineligible));
        Assert.That(saved.IneligibilityReason, Is.EqualTo("The organisation works through an intermediary."));
        var email = (await FundData.EmailsToAsync(_app, "ineligible-member@example.org")).Single();
        Assert.That(email.TextBody, Does.Contain("The organisation works through an intermediary."));
        Assert.That(await _app.WithDbAsync(db => db.AuditEntries.CountAsync(e => e.Action == AuditActions.ScreenedIneligible && e.EntityId == application.Id.ToString())), Is.EqualTo(1));
    }

    [Test]
    public async Task Details_ShowsHistoryFromTheAuditTrail()
    {
        var application = await SubmittedApplicationAsync("With history");
        using var manager = await _app.SignInAsync("manager@trustfund.test");
        await ScreeningForms.PostScreeningAsync(manager, application.Id, "Eligible");

        var (_, page) = await manager.GetPageAsync($"/Manage/Applications/{application.Id}");

        var history = page.QuerySelector("[data-history]")!.TextContent;
        Assert.That(history, Does.Contain("GrantApplication created").And.Contain("screened eligible"));
        Assert.That(page.QuerySelector("[data-versions]")!.TextContent, Does.Contain("Version 1"));
    }

    private async Task<GrantApplication> SubmittedApplicationAsync(string title, string? memberEmail = null)
    {
        var organisation = await FundData.OrganisationAsync(_app, $"{title} Org");
        if (memberEmail is not null)
        {
            await _app.WithDbAsync(db =>
            {
                db.Users.Add(new TrustFund.Application.Accounts.TrustFundUser { UserName = memberEmail, Email = memberEmail, DisplayName = "Member", OrganisationId = organisation.Id });
                return db.SaveChangesAsync();
            });
        }

        return await FundData.ApplicationAsync(_app, _callId, organisation.Id, FundData.Content(title, 10_000m));
    }

    private Task<ApplicationStatus> StatusAsync(Guid id) =>
        _app.WithDbAsync(db => db.Applications.Where(a => a.Id == id).Select(a => a.Status).SingleAsync());
}
