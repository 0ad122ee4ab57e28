using System.Net;
using Microsoft.EntityFrameworkCore;
using TrustFund.Domain.Reviews;
using TrustFund.Web.Tests.Infrastructure;
using TrustFund.Web.Tests.Screening;

namespace TrustFund.Web.Tests.Reviews;

/// <summary>A call's review settings, its auto-assignment page and its conflicts log, through the browser's forms.</summary>
public sealed class CallReviewSettingsTests
{
    private TrustFundApp _app = null!;

    [OneTimeSetUp]
    public async Task StartApp() => _app = await new TrustFundApp().StartAsync();

    [OneTimeTearDown]
    public void StopApp() => _app.Dispose();

    [Test]
    public async Task ReviewSettings_Saved_ThenAnAmendmentOfTheCallKeepsThem()
    {
        var call = await FundData.PublishedCallAsync(_app, "RVS");
        using var manager = await _app.SignInAsync("manager@trustfund.test");
        var settings = $"/Manage/Calls/{call.Id}/ReviewSettings";
        var (_, form) = await manager.GetPageAsync(settings);
        var version = form.QuerySelector("input[name=Version]")!.GetAttribute("value")!;

        var saved = await manager.PostFormAsync(settings, settings, new()
        {
            ["Version"] = version,
            ["ReviewersPerApplication"] = "2",
            ["ReviewDays"] = "10",
            ["DisagreementThreshold"] = "30",
            ["MinimumScore"] = "55",
            ["ReviewersSeeOtherReviews"] = "true",
            ["RankBy"] = nameof(RankingBasis.Raw),
        });
        var edit = $"/Manage/Calls/{call.Id}/Edit";
        var (_, editPage) = await manager.GetPageAsync(edit);
        var fields = editPage.QuerySelectorAll("form[action$='/Edit'] input[name], form[action$='/Edit'] textarea[name], form[action$='/Edit'] select[name]")
            .Where(e => e.GetAttribute("type") is not ("checkbox" or "radio" or "submit") || e.HasAttribute("checked"))
            .Where(e => e.GetAttribute("name") != "__RequestVerificationToken")
            .GroupBy(e => e.GetAttribute("name")!)
            .ToDictionary(g => g.Key, g => g.First().TagName == "SELECT" ? g.First().QuerySelector("option[selected]")?.GetAttribute("value") ?? string.Empty : g.First().TagName == "TEXTAREA" ? g.First().TextContent : g.First().GetAttribute("value") ?? string.Empty);
        fields["Title"] = "Call RVS, amended";
        fields["AmendmentReason"] = "A clearer title.";
        var amended = await manager.PostFormAsync(edit, edit, fields);

        var terms = await _app.WithDbAsync(db => db.Calls.Where(c => c.Id == call.Id).Select(c => c.Terms).SingleAsync());
        Assert.Multiple(() =>
        {
            Assert.That(TestSession.IsRedirectTo(saved, $"/Manage/Calls/{call.Id}"), Is.True);
            Assert.That(amended.StatusCode, Is.EqualTo(HttpStatusCode.Redirect), "the amendment was saved");
            Assert.That(terms.Title, Is.EqualTo("Call RVS, amended"));
            Assert.That((terms.ReviewersPerApplication, terms.ReviewDays, terms.DisagreementThreshold, terms.MinimumScore, terms.ReviewersSeeOtherReviews, terms.RankBy), Is.EqualTo((2, 10, 30, (int?)55, true, RankingBasis.Raw)));
        });
    }

    [Test]
    public async Task ReviewSettings_OutOfRangeAndNotNumbers_AreRefusedWithTheMessages()
    {
        var call = await FundData.PublishedCallAsync(_app, "RVX");
        using var manager = await _app.SignInAsync("manager@trustfund.test");
        var settings = $"/Manage/Calls/{call.Id}/ReviewSettings";
        var (_, form) = await manager.GetPageAsync(settings);
        var version = form.QuerySelector("input[name=Version]")!.GetAttribute("value")!;

        var page = TestSession.Parse(await (await manager.PostFormAsync(settings, settings, new()
        {
            ["Version"] = version,
            ["ReviewersPerApplication"] = "11",
            ["ReviewDays"] = "three weeks",
            ["DisagreementThreshold"] = "25",
            ["RankBy"] = nameof(RankingBasis.Normalised),
        })).Content.ReadAsStringAsync());
        var outOfRange = TestSession.Parse(await (await manager.PostFormAsync(settings, settings, new()
        {
            ["Version"] = version,
            ["ReviewersPerApplication"] = "11",
            ["ReviewDays"] = "21",
            ["DisagreementThreshold"] = "25",
            ["RankBy"] = nameof(RankingBasis.Normalised),
        })).Content.ReadAsStringAsync());

        Assert.Multiple(() =>
        {
            Assert.That(TestAccounts.ErrorSummary(page), Does.Contain("Enter the number of days reviewers have, such as 21."));
            Assert.That(TestAccounts.ErrorSummary(outOfRange), Does.Contain("Reviewers per application must be between 1 and 10."));
        });
    }

    [Test]
    public async Task AutoAssignment_TooFewReviewers_PreviewExplainsAndConfirmAssignsWhatItCan()
    {
        var call = await FundData.PublishedCallAsync(_app, "RVT", t => t with { ReviewersPerApplication = 3 });
        var application = await AssignmentPageTests.EligibleAsync(_app, call.Id, "Auto Org");
        using var manager = await _app.SignInAsync("manager@trustfund.test");
        var url = $"/Manage/Calls/{call.Id}/Reviewers/Auto";
        var reviewers = await _app.WithDbAsync(db => (from ur in db.UserRoles join r in db.Roles on ur.RoleId equals r.Id join u in db.Users on ur.UserId equals u.Id where r.Name == "Reviewer" && u.IsActive select u.Id).CountAsync());

        var (response, page) = await manager.GetPageAsync(url);
        var confirmed = await manager.PostFormAsync(url, url, new() { ["Fingerprint"] = page.QuerySelector("input[name=Fingerprint]")!.GetAttribute("value")! });
        var changed = TestSession.Parse(await (await manager.PostFormAsync(url, url, new() { ["Fingerprint"] = "0000" })).Content.ReadAsStringAsync());

        Assert.Multiple(async () =>
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(reviewers, Is.LessThan(3), "the demo data has fewer reviewers than the call asks for");
            Assert.That(page.QuerySelector($"[data-shortfall='{application.Id}']")!.TextContent, Does.Contain($"Needs 3, found {reviewers}"));
            Assert.That(TestSession.IsRedirectTo(confirmed, url), Is.True);
            Assert.That(await _app.WithDbAsync(db => db.ReviewAssignments.CountAsync(a => a.ApplicationId == application.Id)), Is.EqualTo(reviewers));
            Assert.That(TestAccounts.ErrorSummary(changed), Does.Contain("The assignments proposed have changed since you saw them"));
        });
    }

    [Test]
    public async Task ConflictsLog_ShowsAPinnedConflictOfTheCallsOrganisation()
    {
        var call = await FundData.PublishedCallAsync(_app, "RVC");
        var application = await AssignmentPageTests.EligibleAsync(_app, call.Id, "Logged Org");
        var reviewer = await _app.WithDbAsync(db => db.Users.Where(u => u.Email == "reviewer2@trustfund.test").Select(u => u.Id).SingleAsync());
        using var manager = await _app.SignInAsync("manager@trustfund.test");
        var reviewers = $"/Manage/Applications/{application.Id}/Reviewers";
        await manager.PostFormAsync(reviewers, reviewers + "/Conflicts/Pin", new() { ["ReviewerId"] = reviewer.ToString(), ["Reason"] = "Consultant to the organisation in 2025." });

        var (response, page) = await manager.GetPageAsync($"/Manage/Calls/{call.Id}/Conflicts");

        Assert.Multiple(() =>
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            var row = page.QuerySelector("[data-rulings] tbody tr")!.TextContent;
            Assert.That(row, Does.Contain("Mei Lin").And.Contain("Logged Org").And.Contain("Conflict pinned").And.Contain("Consultant to the organisation in 2025."));
        });
    }
}
