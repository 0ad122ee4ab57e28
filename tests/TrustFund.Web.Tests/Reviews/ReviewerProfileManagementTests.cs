using System.Net;
using Microsoft.EntityFrameworkCore;
using TrustFund.Application.Accounts;
using TrustFund.Application.Audit;
using TrustFund.Domain.Calls;
using TrustFund.Web.Tests.Infrastructure;

namespace TrustFund.Web.Tests.Reviews;

/// <summary>A fund manager edits a reviewer's profile from the reviewers' pages.</summary>
public sealed class ReviewerProfileManagementTests
{
    private TrustFundApp _app = null!;

    [OneTimeSetUp]
    public async Task StartApp() => _app = await new TrustFundApp().StartAsync();

    [OneTimeTearDown]
    public void StopApp() => _app.Dispose();

    [Test]
    public async Task Manager_EditsAReviewersProfile_TheReviewerSeesItAndWhoChangedIt()
    {
        var reviewer = await TestAccounts.CreateUserAsync(_app, Roles.Reviewer);
        using var manager = await _app.SignInAsync("manager@trustfund.test");
        var url = $"/Manage/Reviewers/{reviewer.Id}/Profile";

        var (_, reviewerPage) = await manager.GetPageAsync($"/Manage/Reviewers/{reviewer.Id}");
        var saved = await manager.PostFormAsync(url, url, new() { ["Languages"] = "Arabic", ["Regions"] = "145", ["Forms"] = "ForcedLabour", ["MaximumLoad"] = "7" });
        using var own = await _app.SignInAsync(reviewer.Email!);
        var (_, ownPage) = await own.GetPageAsync("/Reviews/Profile");

        Assert.Multiple(() =>
        {
            Assert.That(reviewerPage.QuerySelector("[data-edit-profile]")!.GetAttribute("href"), Is.EqualTo(url));
            Assert.That(TestSession.IsRedirectTo(saved, $"/Manage/Reviewers/{reviewer.Id}"), Is.True);
            Assert.That(ownPage.QuerySelector("input[name=Languages][value=Arabic]")!.HasAttribute("checked"), Is.True);
            Assert.That(ownPage.QuerySelector("input[name=Languages][value=English]")!.HasAttribute("checked"), Is.False);
            Assert.That(ownPage.QuerySelector("input[name=Regions][value='145']")!.HasAttribute("checked"), Is.True);
            Assert.That(ownPage.QuerySelector("input[name=MaximumLoad]")!.GetAttribute("value"), Is.EqualTo("7"));
            Assert.That(ownPage.QuerySelector("main")!.TextContent, Does.Contain("Last changed by manager@trustfund.test"));
        });
        var profile = await _app.WithDbAsync(db => db.ReviewerProfiles.AsNoTracking().SingleAsync(p => p.Id == reviewer.Id));
        Assert.Multiple(async () =>
        {
            Assert.That(profile.Languages, Is.EqualTo(new[] { ProposalLanguage.Arabic }));
            Assert.That(profile.MaximumLoad, Is.EqualTo(7));
            Assert.That(await _app.WithDbAsync(db => db.AuditEntries.CountAsync(e => e.Action == AuditActions.ReviewerProfileChanged && e.EntityId == reviewer.Id.ToString())), Is.EqualTo(1));
        });
    }

    [Test]
    public async Task Manager_StaleEdit_IsRefusedWithTheInputKept_AndTheReviewersSaveStands()
    {
        var reviewer = await TestAccounts.CreateUserAsync(_app, Roles.Reviewer);
        using var manager = await _app.SignInAsync("manager@trustfund.test");
        using var own = await _app.SignInAsync(reviewer.Email!);
        var url = $"/Manage/Reviewers/{reviewer.Id}/Profile";

        // The manager's form was shown before the reviewer's first save: its version is empty.
        await own.PostFormAsync("/Reviews/Profile", "/Reviews/Profile", new() { ["Languages"] = "Spanish", ["MaximumLoad"] = "5" });
        var stale = await manager.PostFormAsync(url, url, new() { ["Version"] = string.Empty, ["Languages"] = "French", ["MaximumLoad"] = "9" });
        var stalePage = await TestSession.ParseAsync(stale);

        Assert.Multiple(async () =>
        {
            Assert.That(stale.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(TestAccounts.ErrorSummary(stalePage), Does.Contain("changed"));
            Assert.That(stalePage.QuerySelector("input[name=Languages][value=French]")!.HasAttribute("checked"), Is.True, "the manager's choice is kept");
            Assert.That(stalePage.QuerySelector("input[name=MaximumLoad]")!.GetAttribute("value"), Is.EqualTo("9"));
            Assert.That(stalePage.QuerySelector("input[name=Version]")!.GetAttribute("value"), Is.Not.Empty, "saving again is a deliberate choice");
            var profile = await _app.WithDbAsync(db => db.ReviewerProfiles.AsNoTracking().SingleAsync(p => p.Id == reviewer.Id));
            Assert.That(profile.Languages, Is.EqualTo(new[] { ProposalLanguage.Spanish }));
            Assert.That(profile.MaximumLoad, Is.EqualTo(5));
        });
    }

    [Test]
    public async Task Manager_BadInputAndAccountsThatAreNotReviewers_AreRefused()
    {
        var reviewer = await TestAccounts.CreateUserAsync(_app, Roles.Reviewer);
        var applicant = await _app.WithDbAsync(db => db.Users.Where(u => u.Email == "applicant@trustfund.test").Select(u => u.Id).SingleAsync());
        using var manager = await _app.SignInAsync("manager@trustfund.test");
        var url = $"/Manage/Reviewers/{reviewer.Id}/Profile";

        var bad = await TestSession.ParseAsync(await manager.PostFormAsync(url, url, new() { ["Languages"] = "Klingon", ["MaximumLoad"] = "lots" }));
        var notReviewer = await manager.GetAsync($"/Manage/Reviewers/{applicant}/Profile");
        var unknown = await manager.GetAsync($"/Manage/Reviewers/{Guid.NewGuid()}/Profile");

        Assert.Multiple(async () =>
        {
            Assert.That(TestAccounts.ErrorSummary(bad), Does.Contain("That is not a language the fund knows.").And.Contain("The maximum load must be a whole number from 1 to"));
            Assert.That(notReviewer.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
            Assert.That(unknown.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
            Assert.That(await _app.WithDbAsync(db => db.ReviewerProfiles.AnyAsync(p => p.Id == reviewer.Id)), Is.False, "nothing saved");
        });
    }
}
