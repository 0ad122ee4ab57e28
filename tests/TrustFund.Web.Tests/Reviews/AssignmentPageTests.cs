using System.Net;
using Microsoft.EntityFrameworkCore;
using TrustFund.Application.Accounts;
using TrustFund.Application.Audit;
using TrustFund.Domain.Applications;
using TrustFund.Domain.Organisations;
using TrustFund.Domain.Reviews;
using TrustFund.Web.Tests.Infrastructure;
using TrustFund.Web.Tests.Screening;

namespace TrustFund.Web.Tests.Reviews;

/// <summary>The fund manager's reviewers page of an application: conflicts are shown, refused with the reason, and ruled on.</summary>
public sealed class AssignmentPageTests
{
    private TrustFundApp _app = null!;
    private Guid _callId;

    [OneTimeSetUp]
    public async Task StartApp()
    {
        _app = await new TrustFundApp().StartAsync();
        _callId = (await FundData.PublishedCallAsync(_app, "RVA")).Id;
    }

    [OneTimeTearDown]
    public void StopApp() => _app.Dispose();

    /// <summary>An eligible application of a new organisation listing <paramref name="officers"/>.</summary>
    public static async Task<GrantApplication> EligibleAsync(TrustFundApp app, Guid callId, string name, params OrganisationOfficer[] officers)
    {
        var organisation = await FundData.OrganisationAsync(app, name, profile: p => p with { Officers = officers });
        var application = await FundData.ApplicationAsync(app, callId, organisation.Id, FundData.Content($"{name} project", 10_000m));
        await app.WithDbAsync(async db =>
        {
            var tracked = await db.Applications.SingleAsync(a => a.Id == application.Id);
            tracked.RecordEligibility(true, null, FundData.Now(app));
            return await db.SaveChangesAsync();
        });
        return application;
    }

    private static async Task<Guid> ReviewerIdAsync(TrustFundApp app, string email) =>
        await app.WithDbAsync(db => db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync());

    [Test]
    public async Task ProbableConflict_FlaggedWithTheMatch_AssignRefused_Dismissed_ThenAssigned()
    {
        var application = await EligibleAsync(_app, _callId, "Martin Trust", new OrganisationOfficer("Jean Pierre MARTIN", "Board chair", "chair@martin.example.org"));
        var reviewer = await ReviewerIdAsync(_app, "reviewer@trustfund.test");
        using var manager = await _app.SignInAsync("manager@trustfund.test");
        var url = $"/Manage/Applications/{application.Id}/Reviewers";

        var (response, page) = await manager.GetPageAsync(url);
        var flagged = page.QuerySelector($"[data-candidate='{reviewer}']")!;
        var refused = TestSession.Parse(await (await manager.PostFormAsync(url, url + "/Assign", new() { ["ReviewerId"] = reviewer.ToString() })).Content.ReadAsStringAsync());
        var dismissed = await manager.PostFormAsync(url, url + "/Conflicts/Dismiss", new() { ["ReviewerId"] = reviewer.ToString(), ["Reason"] = "Another person of the same name: checked." });
        var assigned = await manager.PostFormAsync(url, url + "/Assign", new() { ["ReviewerId"] = reviewer.ToString(), ["DueOn"] = "2026-12-31" });
        var (_, after) = await manager.GetPageAsync(url);

        Assert.Multiple(async () =>
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(flagged.GetAttribute("data-exclusion"), Is.EqualTo("ProbableConflict"));
            Assert.That(flagged.QuerySelector("[data-probable-conflict]")!.TextContent, Does.Contain("Jean Pierre MARTIN (Board chair): same name"));
            Assert.That(flagged.QuerySelector("form[action$='/Assign']"), Is.Null, "no assign form until the probable conflict is dismissed");
            Assert.That(TestAccounts.ErrorSummary(refused), Does.Contain("Jean-Pierre Martin may have a conflict of interest with Martin Trust (Jean Pierre MARTIN (Board chair): same name). Confirm or dismiss the probable conflict before assigning them."));
            Assert.That(TestSession.IsRedirectTo(dismissed, url), Is.True);
            Assert.That(TestSession.IsRedirectTo(assigned, url), Is.True);
            Assert.That(after.QuerySelector($"[data-assignment='{reviewer}']")?.GetAttribute("data-status"), Is.EqualTo("Pending"));
            Assert.That(await _app.WithDbAsync(db => db.AuditEntries.CountAsync(e => e.Action == AuditActions.ReviewProbableConflictDismissed && e.Summary.Contains("Martin Trust"))), Is.EqualTo(1));
            Assert.That(await _app.WithDbAsync(db => db.ReviewAssignments.Where(a => a.ApplicationId == application.Id).Select(a => a.DueOn).SingleAsync()), Is.EqualTo(new DateOnly(2026, 12, 31)));
        });
    }

    [Test]
    public async Task MemberOfTheOrganisation_ShownNotAssignable_AndAssigningIsRefused()
    {
        var application = await EligibleAsync(_app, _callId, "Members Org");
        var member = await TestAccounts.CreateUserAsync(_app, Roles.Reviewer);
        await _app.WithDbAsync(db => db.Users.Where(u => u.Id == member.Id).ExecuteUpdateAsync(s => s.SetProperty(u => u.OrganisationId, application.OrganisationId)));
        using var manager = await _app.SignInAsync("manager@trustfund.test");
        var url = $"/Manage/Applications/{application.Id}/Reviewers";

        var (_, page) = await manager.GetPageAsync(url);
        var refused = TestSession.Parse(await (await manager.PostFormAsync(url, url + "/Assign", new() { ["ReviewerId"] = member.Id.ToString() })).Content.ReadAsStringAsync());

        Assert.Multiple(async () =>
        {
            Assert.That(page.QuerySelector($"[data-candidate='{member.Id}'] [data-not-assignable]")!.TextContent, Is.EqualTo("Not assignable: a member of the applicant organisation."));
            Assert.That(TestAccounts.ErrorSummary(refused), Does.Contain("is a member of Members Org and can never review its applications."));
            Assert.That(await _app.WithDbAsync(db => db.ReviewAssignments.CountAsync(a => a.ApplicationId == application.Id)), Is.Zero);
        });
    }

    [Test]
    public async Task PinnedConflict_ShownNotAssignable_AndAssigningIsRefused()
    {
        var application = await EligibleAsync(_app, _callId, "Pinned Org");
        var reviewer = await ReviewerIdAsync(_app, "reviewer2@trustfund.test");
        using var manager = await _app.SignInAsync("manager@trustfund.test");
        var url = $"/Manage/Applications/{application.Id}/Reviewers";

        var pinned = await manager.PostFormAsync(url, url + "/Conflicts/Pin", new() { ["ReviewerId"] = reviewer.ToString(), ["Reason"] = "Her spouse is the director." });
        var (_, page) = await manager.GetPageAsync(url);
        var refused = TestSession.Parse(await (await manager.PostFormAsync(url, url + "/Assign", new() { ["ReviewerId"] = reviewer.ToString() })).Content.ReadAsStringAsync());

        Assert.Multiple(() =>
        {
            Assert.That(TestSession.IsRedirectTo(pinned, url), Is.True);
            Assert.That(page.QuerySelector($"[data-candidate='{reviewer}']")!.GetAttribute("data-exclusion"), Is.EqualTo(nameof(Exclusion.Conflict)));
            Assert.That(TestAccounts.ErrorSummary(refused), Does.Contain("Mei Lin has a conflict of interest with Pinned Org and cannot review its applications."));
        });
    }

    [Test]
    public async Task BadDueDateAndMissingReason_AreRefusedWithTheMessage()
    {
        var application = await EligibleAsync(_app, _callId, "Dates Org");
        var reviewer = await ReviewerIdAsync(_app, "reviewer2@trustfund.test");
        using var manager = await _app.SignInAsync("manager@trustfund.test");
        var url = $"/Manage/Applications/{application.Id}/Reviewers";

        var badDate = TestSession.Parse(await (await manager.PostFormAsync(url, url + "/Assign", new() { ["ReviewerId"] = reviewer.ToString(), ["DueOn"] = "31/12/2026" })).Content.ReadAsStringAsync());
        var noReason = TestSession.Parse(await (await manager.PostFormAsync(url, url + "/Conflicts/Pin", new() { ["ReviewerId"] = reviewer.ToString(), ["Reason"] = " " })).Content.ReadAsStringAsync());

        Assert.Multiple(async () =>
        {
            Assert.That(TestAccounts.ErrorSummary(badDate), Does.Contain("Enter the due date as a date, such as 2026-03-31."));
            Assert.That(TestAccounts.ErrorSummary(noReason), Does.Contain("Give the reason in at most 2,000 characters."));
            Assert.That(await _app.WithDbAsync(db => db.ConflictRulings.CountAsync(r => r.OrganisationId == application.OrganisationId)), Is.Zero);
        });
    }
}
