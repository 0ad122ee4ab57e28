using System.Net;
using Microsoft.EntityFrameworkCore;
using TrustFund.Application.Audit;
using TrustFund.Domain.Applications;
using TrustFund.Domain.Decisions;
using TrustFund.Domain.Grants;
using TrustFund.Web.Tests.Infrastructure;
using TrustFund.Web.Tests.Screening;
using static TrustFund.Web.Tests.Grants.GrantWebData;

namespace TrustFund.Web.Tests.Grants;

/// <summary>
/// A fund manager records the Board's session and decisions on a call's ranking: the envelope, the
/// request and the ranking are enforced with clear messages, an approval creates the grant, the
/// organisation is told by email, and the grant becomes active once both parties have signed.
/// </summary>
public sealed class DecisionFlowTests
{
    private const string Manager = "manager@trustfund.test";
    private TrustFundApp _app = null!;

    [OneTimeSetUp]
    public async Task StartApp() => _app = await new TrustFundApp().StartAsync();

    [OneTimeTearDown]
    public void StopApp() => _app.Dispose();

    [Test]
    public async Task Approve_TopRanked_CreatesTheGrant_TellsTheOrganisation_AndSignaturesMakeItActive()
    {
        var organisationId = await FundData.DemoOrganisationIdAsync(_app, "applicant@trustfund.test");
        var (callId, applications) = await RankedCallAsync(_app, "DF1", 100_000m, new Entry(organisationId, 12_000m, 5));
        using var manager = await _app.SignInAsync(Manager);
        var sessionId = await RecordSessionAsync(manager, callId, "27th session");

        var response = await DecideAsync(manager, callId, applications[0], sessionId, "Approved", amount: "10000", conditions: "Quarterly safeguarding check-ins.");

        Assert.That(TestSession.IsRedirectTo(response, $"/Manage/Calls/{callId}/Decisions/{applications[0]}"), Is.True, await response.Content.ReadAsStringAsync());
        var grant = await _app.WithDbAsync(db => db.Grants.AsNoTracking().SingleAsync(g => g.ApplicationId == applications[0]));
        var status = await _app.WithDbAsync(db => db.Applications.Where(a => a.Id == applications[0]).Select(a => a.Status).SingleAsync());
        var reports = await _app.WithDbAsync(db => db.GranteeReports.CountAsync(r => r.GrantId == grant.Id));
        var emails = await FundData.EmailsToAsync(_app, "applicant@trustfund.test");
        Assert.Multiple(() =>
        {
            Assert.That(status, Is.EqualTo(ApplicationStatus.Approved));
            Assert.That(grant.Number, Does.Match(@"^UNVTF-G-2026-\d{4}$"));
            Assert.That(grant.Amount.Amount, Is.EqualTo(10_000m));
            Assert.That(grant.Status, Is.EqualTo(GrantStatus.AgreementPending));
            Assert.That(grant.Instalments.Select(i => i.Amount.Amount), Is.EqualTo(new[] { 4_000m, 4_000m, 2_000m }));
            Assert.That(grant.StartDate, Is.GreaterThan(new DateOnly(2026, 3, 2)));
            Assert.That(reports, Is.EqualTo(2), "one interim and the final report");
            Assert.That(emails.Select(e => e.Subject), Has.Some.Contains("is approved"));
        });

        // The grant page: the budget must be revised to the approved amount; both signatures make it active.
        var (_, page) = await manager.GetPageAsync($"/Grants/{grant.Id}");
        Assert.That(page.QuerySelector("[data-budget-needs-revision]"), Is.Not.Null);
        Assert.That(page.QuerySelector("[data-number]")!.TextContent, Is.EqualTo(grant.Number));
        await SignAsync(manager, grant.Id, "Fund", "2026-03-01");
        var afterFund = await ReadAsync(_app, grant.Id);
        Assert.That(afterFund.Status, Is.EqualTo(GrantStatus.AgreementPending));
        await SignAsync(manager, grant.Id, "Organisation", "2026-03-02");
        var active = await ReadAsync(_app, grant.Id);
        Assert.Multiple(() =>
        {
            Assert.That(active.Status, Is.EqualTo(GrantStatus.Active));
            Assert.That(active.FundSignedOn, Is.EqualTo(new DateOnly(2026, 3, 1)));
            Assert.That(active.OrganisationSignedOn, Is.EqualTo(new DateOnly(2026, 3, 2)));
        });

        // The applicant sees it among their grants, and its page.
        using var applicant = await _app.SignInAsync("applicant@trustfund.test");
        var (_, mine) = await applicant.GetPageAsync("/Grants");
        Assert.That(mine.QuerySelector($"[data-grant='{grant.Id}']"), Is.Not.Null);
        var (ownResponse, own) = await applicant.GetPageAsync($"/Grants/{grant.Id}");
        Assert.That(ownResponse.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(own.QuerySelector("[data-status]")!.GetAttribute("data-status"), Is.EqualTo("Active"));
        Assert.That(own.QuerySelector("[data-signature-form]"), Is.Null, "applicants do not record signatures");
        var audit = await _app.WithDbAsync(db => db.AuditEntries.Where(e => e.Action == AuditActions.BoardDecisionRecorded || e.Action == AuditActions.GrantActivated).Select(e => e.Action).ToListAsync());
        Assert.That(audit, Does.Contain(AuditActions.BoardDecisionRecorded).And.Contain(AuditActions.GrantActivated));
    }

    [Test]
    public async Task Approve_MoreThanRequestedOrBeyondTheEnvelope_IsRefusedClearly_AndNothingIsSaved()
    {
        var organisations = await OrganisationsAsync(_app, "Envelope One", "Envelope Two");
        var (callId, applications) = await RankedCallAsync(_app, "DF2", 20_000m, new Entry(organisations[0], 15_000m, 5), new Entry(organisations[1], 10_000m, 4));
        using var manager = await _app.SignInAsync(Manager);
        var sessionId = await RecordSessionAsync(manager, callId, "28th session");

        var tooMuch = await DecideAsync(manager, callId, applications[0], sessionId, "Approved", amount: "16000");
        Assert.That(await ErrorsAsync(tooMuch), Does.Contain("is more than the amount requested"));

        Assert.That(TestSession.IsRedirectTo(await DecideAsync(manager, callId, applications[0], sessionId, "Approved", amount: "15000"), "/Manage/Calls"), Is.True);
        var beyond = await DecideAsync(manager, callId, applications[1], sessionId, "Approved", amount: "10000");
        Assert.That(await ErrorsAsync(beyond), Does.Contain("over its envelope of USD 20,000.00: USD 5,000.00 remains"));
        var grants = await _app.WithDbAsync(db => db.Grants.CountAsync(g => g.CallId == callId));
        var second = await _app.WithDbAsync(db => db.Applications.Where(a => a.Id == applications[1]).Select(a => a.Status).SingleAsync());
        Assert.Multiple(() =>
        {
            Assert.That(grants, Is.EqualTo(1));
            Assert.That(second, Is.EqualTo(ApplicationStatus.Reviewed));
        });

        // Within what remains it is recorded.
        Assert.That(TestSession.IsRedirectTo(await DecideAsync(manager, callId, applications[1], sessionId, "Approved", amount: "5000"), "/Manage/Calls"), Is.True);
    }

    [Test]
    public async Task Approve_PassingOverAHigherRankedApplication_NeedsAJustification_AndIsMarked()
    {
        var organisations = await OrganisationsAsync(_app, "Ranking One", "Ranking Two");
        var (callId, applications) = await RankedCallAsync(_app, "DF3", 100_000m, new Entry(organisations[0], 10_000m, 5), new Entry(organisations[1], 10_000m, 3));
        using var manager = await _app.SignInAsync(Manager);
        var sessionId = await RecordSessionAsync(manager, callId, "29th session");
        Assert.That(TestSession.IsRedirectTo(await DecideAsync(manager, callId, applications[0], sessionId, "ReserveList"), "/Manage/Calls"), Is.True);

        var unjustified = await DecideAsync(manager, callId, applications[1], sessionId, "Approved", amount: "10000");
        Assert.That(await ErrorsAsync(unjustified), Does.Contain("departs from the ranking: it passes over").And.Contain("rank 1, on the reserve list"));

        var justified = await DecideAsync(manager, callId, applications[1], sessionId, "Approved", amount: "10000", justification: "The Board favours the under-served region this project covers.");
        Assert.That(TestSession.IsRedirectTo(justified, "/Manage/Calls"), Is.True);
        var (_, page) = await manager.GetPageAsync($"/Manage/Calls/{callId}/Decisions");
        Assert.That(page.QuerySelector($"[data-application='{applications[1]}'] [data-departure]"), Is.Not.Null);
        var audit = await _app.WithDbAsync(db => db.AuditEntries.Where(e => e.Action == AuditActions.BoardDecisionRecorded && e.EntityId == callId.ToString()).Select(e => e.Summary).ToListAsync());
        Assert.That(audit, Has.Some.Contains("DEPARTS FROM THE RANKING").And.Some.Contains("under-served region"));

        // The reserve-list application is approved at a later session while funds remain.
        var later = await RecordSessionAsync(manager, callId, "30th session");
        Assert.That(TestSession.IsRedirectTo(await DecideAsync(manager, callId, applications[0], later, "Approved", amount: "8000"), "/Manage/Calls"), Is.True);
        var standing = await _app.WithDbAsync(db => db.Applications.Where(a => a.Id == applications[0]).Select(a => a.Status).SingleAsync());
        Assert.That(standing, Is.EqualTo(ApplicationStatus.Approved));
    }

    [Test]
    public async Task Decision_AfterAnotherManagerDecidedMeanwhile_IsRefusedAsStale_AndASecondSendChangesNothing()
    {
        var organisations = await OrganisationsAsync(_app, "Stale One", "Stale Two");
        var (callId, applications) = await RankedCallAsync(_app, "DF4", 100_000m, new Entry(organisations[0], 10_000m, 5), new Entry(organisations[1], 10_000m, 4));
        using var manager = await _app.SignInAsync(Manager);
        var sessionId = await RecordSessionAsync(manager, callId, "31st session");
        var oldStamp = await StampAsync(manager, callId, applications[1]);
        Assert.That(TestSession.IsRedirectTo(await DecideAsync(manager, callId, applications[0], sessionId, "Approved", amount: "10000"), "/Manage/Calls"), Is.True);

        var stale = await manager.PostFormAsync($"/Manage/Calls/{callId}/Decisions/{applications[1]}", $"/Manage/Calls/{callId}/Decisions/{applications[1]}", DecisionFields(sessionId, oldStamp, "Approved", "10000"));
        Assert.That(await ErrorsAsync(stale), Does.Contain("after you opened this page"));

        // The same approval sent twice: one grant.
        Assert.That(TestSession.IsRedirectTo(await DecideAsync(manager, callId, applications[1], sessionId, "NotApproved"), "/Manage/Calls"), Is.True);
        Assert.That(TestSession.IsRedirectTo(await DecideAsync(manager, callId, applications[1], sessionId, "NotApproved"), "/Manage/Calls"), Is.True);
        var decisions = await _app.WithDbAsync(db => db.BoardSessions.Where(s => s.Id == sessionId).SelectMany(s => s.Decisions).CountAsync());
        Assert.That(decisions, Is.EqualTo(2));
    }

    [Test]
    public async Task Feedback_IsSentOnlyWhenReleased_AndThenCannotChange()
    {
        var organisationId = await FundData.DemoOrganisationIdAsync(_app, "applicant@trustfund.test");
        var (callId, applications) = await RankedCallAsync(_app, "DF5", 100_000m, new Entry(organisationId, 10_000m, 4));
        const string member = "applicant@trustfund.test";
        using var manager = await _app.SignInAsync(Manager);
        var sessionId = await RecordSessionAsync(manager, callId, "32nd session");
        Assert.That(TestSession.IsRedirectTo(await DecideAsync(manager, callId, applications[0], sessionId, "NotApproved", feedback: "The budget lacked detail on shelter costs."), "/Manage/Calls"), Is.True);
        var before = await FundData.EmailsToAsync(_app, member);
        Assert.That(before.Select(e => e.TextBody), Has.None.Contains("shelter costs"));

        var page = $"/Manage/Calls/{callId}/Decisions/{applications[0]}";
        var version = await _app.WithDbAsync(db => db.BoardSessions.Where(s => s.Id == sessionId).Select(s => s.Version).SingleAsync());
        var released = await manager.PostFormAsync(page, page + "/Feedback/Release", new Dictionary<string, string> { ["SessionId"] = sessionId.ToString(), ["SessionVersion"] = version.ToString(), ["Text"] = "The budget lacked detail on shelter costs." });
        Assert.That(TestSession.IsRedirectTo(released, page), Is.True);
        var after = await FundData.EmailsToAsync(_app, member);
        Assert.That(after.Select(e => e.TextBody), Has.Some.Contains("shelter costs"));
        var (_, shown) = await manager.GetPageAsync(page);
        Assert.That(shown.QuerySelector("[data-feedback-released]")!.TextContent, Does.Contain("shelter costs"));
        Assert.That(shown.QuerySelector("[data-feedback-form]"), Is.Null);
    }

    private static async Task<string> ErrorsAsync(HttpResponseMessage response)
    {
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), "the form is shown again");
        var page = await TestSession.ParseAsync(response);
        return page.QuerySelector("[data-error-summary]")?.TextContent ?? "(no error summary)";
    }

    [Test]
    public async Task DecisionPage_ApplicationStillUnderReview_SaysSoAndOffersNoOutcome_AndAPostIsRefused()
    {
        var organisations = await OrganisationsAsync(_app, "Association Al-Amal لمكافحة الاتجار", "Reviewed Partner Trust");
        var (callId, applications) = await RankedCallAsync(_app, "DF6", 100_000m, new Entry(organisations[0], 20_000m, 4), new Entry(organisations[1], 20_000m, 3));
        await _app.WithDbAsync(async db =>
        {
            var application = await db.Applications.SingleAsync(a => a.Id == applications[0]);
            application.ResumeReview();
            await db.SaveChangesAsync();
            return true;
        });
        using var manager = await _app.SignInAsync(Manager);
        var sessionId = await RecordSessionAsync(manager, callId, "31st session");

        var (_, underReview) = await manager.GetPageAsync($"/Manage/Calls/{callId}/Decisions/{applications[0]}");
        var (_, reviewed) = await manager.GetPageAsync($"/Manage/Calls/{callId}/Decisions/{applications[1]}");
        var posted = await DecideAsync(manager, callId, applications[0], sessionId, "NotApproved");
        var status = await _app.WithDbAsync(db => db.Applications.Where(a => a.Id == applications[0]).Select(a => a.Status).SingleAsync());

        Assert.Multiple(() =>
        {
            Assert.That(underReview.QuerySelector("[data-awaiting-reviews]"), Is.Not.Null);
            Assert.That(underReview.QuerySelectorAll("input[name=Outcome]"), Is.Empty);
            Assert.That(reviewed.QuerySelector("[data-awaiting-reviews]"), Is.Null);
            Assert.That(reviewed.QuerySelectorAll("input[name=Outcome]").Select(i => i.GetAttribute("value")), Does.Contain("NotApproved"));
            Assert.That(posted.StatusCode, Is.Not.EqualTo(HttpStatusCode.InternalServerError));
            Assert.That(status, Is.EqualTo(ApplicationStatus.UnderReview), "nothing is decided on an application under review");
        });
    }

    private async Task<Guid> RecordSessionAsync(TestSession manager, Guid callId, string number)
    {
        var response = await manager.PostFormAsync($"/Manage/Calls/{callId}/Decisions", $"/Manage/Calls/{callId}/Decisions/Sessions", new Dictionary<string, string> { ["Number"] = number, ["HeldOn"] = "2026-03-01" });
        Assert.That(TestSession.IsRedirectTo(response, $"/Manage/Calls/{callId}/Decisions"), Is.True, await response.Content.ReadAsStringAsync());
        return await _app.WithDbAsync(db => db.BoardSessions.Where(s => s.CallId == callId && s.Number == number).Select(s => s.Id).SingleAsync());
    }

    private static async Task<Guid?> StampAsync(TestSession manager, Guid callId, Guid applicationId)
    {
        var (_, page) = await manager.GetPageAsync($"/Manage/Calls/{callId}/Decisions/{applicationId}");
        return Guid.TryParse(page.QuerySelector("[data-decision-form] input[name=Stamp]")?.GetAttribute("value"), out var stamp) ? stamp : null;
    }

    private static async Task<HttpResponseMessage> DecideAsync(TestSession manager, Guid callId, Guid applicationId, Guid sessionId, string outcome, string? amount = null, string? justification = null, string? conditions = null, string? feedback = null)
    {
        var page = $"/Manage/Calls/{callId}/Decisions/{applicationId}";
        var stamp = await StampAsync(manager, callId, applicationId);
        return await manager.PostFormAsync(page, page, DecisionFields(sessionId, stamp, outcome, amount, justification, conditions, feedback));
    }

    private static async Task SignAsync(TestSession manager, Guid grantId, string party, string date)
    {
        var (_, page) = await manager.GetPageAsync($"/Grants/{grantId}");
        var version = page.QuerySelector("[data-signature-form] input[name=Version]")!.GetAttribute("value")!;
        var response = await manager.PostFormAsync($"/Grants/{grantId}", $"/Grants/{grantId}/Signatures", new Dictionary<string, string> { ["Version"] = version, ["Party"] = party, ["SignedOn"] = date });
        Assert.That(TestSession.IsRedirectTo(response, $"/Grants/{grantId}"), Is.True, await response.Content.ReadAsStringAsync());
    }
}
