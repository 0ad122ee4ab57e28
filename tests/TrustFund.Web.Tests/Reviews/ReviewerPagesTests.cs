using System.Net;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using TrustFund.Application.Accounts;
using TrustFund.Application.Audit;
using TrustFund.Domain.Applications;
using TrustFund.Domain.Calls;
using TrustFund.Domain.Reviews;
using TrustFund.Web.Tests.Infrastructure;
using TrustFund.Web.Tests.Screening;

namespace TrustFund.Web.Tests.Reviews;

/// <summary>The reviewer's pages over HTTP: the queue, the declaration, the scoring form, visibility and the profile.</summary>
public sealed class ReviewerPagesTests
{
    private const string Reviewer = "reviewer@trustfund.test";
    private TrustFundApp _app = null!;
    private TestSession _reviewer = null!;

    [OneTimeSetUp]
    public async Task StartApp()
    {
        _app = await new TrustFundApp().StartAsync();
        _reviewer = await _app.SignInAsync(Reviewer);
    }

    [OneTimeTearDown]
    public void StopApp()
    {
        _reviewer.Dispose();
        _app.Dispose();
    }

    [Test]
    public async Task Home_ListsTheQueue_WithOverdueFlaggedInWords()
    {
        var overdue = await ReviewWebData.AssignedAsync(_app, Reviewer, "QOV", dueInDays: -2);
        var draft = await ReviewWebData.AssignedAsync(_app, Reviewer, "QDF", declareNoConflict: true);

        var (response, page) = await _reviewer.GetPageAsync("/");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        var overdueRow = page.QuerySelector($"[data-queue=declare] [data-assignment='{overdue.AssignmentId}']");
        var draftRow = page.QuerySelector($"[data-queue=score] [data-assignment='{draft.AssignmentId}']");
        Assert.Multiple(() =>
        {
            Assert.That(overdueRow, Is.Not.Null, "a pending assignment is a conflict to declare");
            Assert.That(overdueRow!.TextContent, Does.Contain("Shelter project QOV").And.Contain("QOV Survivors Network").And.Contain("Overdue"));
            Assert.That(overdueRow.QuerySelector("a")!.GetAttribute("href"), Is.EqualTo($"/Reviews/{overdue.AssignmentId}/Declaration"));
            Assert.That(draftRow, Is.Not.Null, "declared, not started: to score");
            Assert.That(draftRow!.TextContent, Does.Not.Contain("Overdue"));
            Assert.That(page.QuerySelector("nav a[href='/Reviews/Profile']"), Is.Not.Null);
        });
    }

    [Test]
    public async Task Declaration_BeforeDeclaring_ShowsOnlyTitleOrganisationAndCountry_AndTheReviewRedirectsToIt()
    {
        var (assignment, _) = await ReviewWebData.AssignedAsync(_app, Reviewer, "DCP");

        var (_, page) = await _reviewer.GetPageAsync($"/Reviews/{assignment}/Declaration");
        var review = await _reviewer.GetAsync($"/Reviews/{assignment}");

        var main = page.QuerySelector("main")!.TextContent;
        Assert.Multiple(() =>
        {
            Assert.That(page.QuerySelector("[data-title]")!.TextContent, Is.EqualTo("Shelter project DCP"));
            Assert.That(page.QuerySelector("[data-organisation]")!.TextContent, Is.EqualTo("DCP Survivors Network"));
            Assert.That(page.QuerySelector("[data-countries]")!.TextContent, Is.EqualTo("Nigeria"));
            Assert.That(main, Does.Not.Contain("Objectives and activities.").And.Not.Contain("Context of the project.").And.Not.Contain("10,000"));
            Assert.That(TestSession.IsRedirectTo(review, $"/Reviews/{assignment}/Declaration"), Is.True, "no scoring before declaring");
        });
    }

    [Test]
    public async Task Declaration_NoConflict_OpensTheApplication_AndDeclaringAgainSaysSo()
    {
        var (assignment, _) = await ReviewWebData.AssignedAsync(_app, Reviewer, "DNO");
        var version = (await ReviewWebData.ReadAsync(_app, assignment)).Version.ToString();

        var response = await _reviewer.PostFormAsync($"/Reviews/{assignment}/Declaration", $"/Reviews/{assignment}/Declaration", new() { ["Version"] = version, ["Decision"] = "none" });
        var again = await _reviewer.PostFormAsync($"/Reviews/{assignment}/Declaration", $"/Reviews/{assignment}/Declaration", new() { ["Version"] = version, ["Decision"] = "none" });
        var (_, page) = await _reviewer.GetPageAsync($"/Reviews/{assignment}");

        Assert.Multiple(() =>
        {
            Assert.That(TestSession.IsRedirectTo(response, $"/Reviews/{assignment}"), Is.True);
            Assert.That(TestSession.IsRedirectTo(again, $"/Reviews/{assignment}"), Is.True, "a second declaration is not an error");
            Assert.That(page.QuerySelector("[data-application-content]")!.TextContent, Does.Contain("Objectives and activities.").And.Contain("USD 10,000.00"));
            Assert.That(page.QuerySelectorAll("[data-review-form] [data-criterion]"), Has.Length.EqualTo(DefaultRubric.Criteria.Count));
        });
    }

    [Test]
    public async Task Declaration_ConflictWithoutNote_IsRefusedWithTheMessage_ThenAConflictRecusesAndTellsTheManager()
    {
        var (assignment, _) = await ReviewWebData.AssignedAsync(_app, Reviewer, "DCO");
        var url = $"/Reviews/{assignment}/Declaration";
        var version = (await ReviewWebData.ReadAsync(_app, assignment)).Version.ToString();

        var refused = await _reviewer.PostFormAsync(url, url, new() { ["Version"] = version, ["Decision"] = "conflict", ["ConflictType"] = "Personal", ["Note"] = " " });
        var refusedPage = await TestSession.ParseAsync(refused);
        var statusAfterRefusal = (await ReviewWebData.ReadAsync(_app, assignment)).Status;
        var declared = await _reviewer.PostFormAsync(url, url, new() { ["Version"] = version, ["Decision"] = "conflict", ["ConflictType"] = "Organisational", ["Note"] = "I sit on their board." });
        var afterwards = await _reviewer.GetAsync($"/Reviews/{assignment}");

        var saved = await ReviewWebData.ReadAsync(_app, assignment);
        var emails = await FundData.EmailsToAsync(_app, "manager@trustfund.test");
        Assert.Multiple(() =>
        {
            Assert.That(refused.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(TestAccounts.ErrorSummary(refusedPage), Does.Contain("Describe the conflict."));
            Assert.That(statusAfterRefusal, Is.EqualTo(AssignmentStatus.Pending));
            Assert.That(TestSession.IsRedirectTo(declared, "/"), Is.True);
            Assert.That(saved.Status, Is.EqualTo(AssignmentStatus.Recused));
            Assert.That(saved.ConflictType, Is.EqualTo(ConflictType.Organisational));
            Assert.That(emails.Select(e => e.Subject), Has.Some.Contains("declared a conflict of interest with"));
            Assert.That(afterwards.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        });
        var recusedPage = await TestSession.ParseAsync(afterwards);
        Assert.That(recusedPage.QuerySelector("[data-recused]"), Is.Not.Null);
        Assert.That(recusedPage.QuerySelector("[data-application-content]"), Is.Null, "a recused reviewer never sees the content");
    }

    [Test]
    public async Task Review_ScoreOutsideTheScale_IsRefusedOnThatCriterion_AndNothingIsSaved()
    {
        var (assignment, _) = await ReviewWebData.AssignedAsync(_app, Reviewer, "SOX", declareNoConflict: true);
        var fields = ReviewWebData.ScoreFields(4, "submit", version: (await ReviewWebData.ReadAsync(_app, assignment)).Version);
        fields["Scores[1].Score"] = "6";

        var response = await _reviewer.PostFormAsync($"/Reviews/{assignment}", $"/Reviews/{assignment}", fields);
        var page = await TestSession.ParseAsync(response);

        Assert.Multiple(() =>
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(TestAccounts.ErrorSummary(page), Does.Contain("Score \"Needs and context\" with a whole number from 0 to 5."));
            Assert.That(page.QuerySelector("[data-criterion=needs]")!.TextContent, Does.Contain("with a whole number from 0 to 5"));
            Assert.That(page.QuerySelector("textarea[name='Scores[0].Comment']")!.TextContent, Is.EqualTo("Comment 0."), "input kept");
        });
        var saved = await ReviewWebData.ReadAsync(_app, assignment);
        Assert.That((saved.Status, saved.LastSavedAtUtc), Is.EqualTo((AssignmentStatus.Draft, (DateTime?)null)));
    }

    [Test]
    public async Task Review_SubmitWithACriterionMissing_NamesIt_ButADraftKeepsPartialInput()
    {
        var (assignment, _) = await ReviewWebData.AssignedAsync(_app, Reviewer, "SMX", declareNoConflict: true);
        var url = $"/Reviews/{assignment}";
        var fields = ReviewWebData.ScoreFields(3, "submit", version: (await ReviewWebData.ReadAsync(_app, assignment)).Version);
        fields["Scores[6].Score"] = string.Empty;

        var submitted = await _reviewer.PostFormAsync(url, url, fields);
        var submitPage = await TestSession.ParseAsync(submitted);
        fields["Intent"] = "save";
        var draft = await _reviewer.PostFormAsync(url, url, fields);
        var (_, page) = await _reviewer.GetPageAsync(url);

        Assert.Multiple(() =>
        {
            Assert.That(TestAccounts.ErrorSummary(submitPage), Does.Contain("Score \"Budget realism\" before you submit."));
            Assert.That(TestSession.IsRedirectTo(draft, url), Is.True);
            Assert.That(page.QuerySelector("input[name='Scores[0].Score'][value='3']")!.HasAttribute("checked"), Is.True);
            Assert.That(page.QuerySelector("input[name='Scores[6].Score'][value='']")!.HasAttribute("checked"), Is.True, "left unscored in the draft");
        });
        Assert.That((await ReviewWebData.ReadAsync(_app, assignment)).Status, Is.EqualTo(AssignmentStatus.Draft));
    }

    [Test]
    public async Task Review_Submit_LocksIt_ADoubleClickIsNotAnError_AndTheSubmittedReviewIsReadOnly()
    {
        var (assignment, _) = await ReviewWebData.AssignedAsync(_app, Reviewer, "SDC", declareNoConflict: true);
        var url = $"/Reviews/{assignment}";
        var fields = ReviewWebData.ScoreFields(4, "submit", version: (await ReviewWebData.ReadAsync(_app, assignment)).Version);

        var first = await _reviewer.PostFormAsync(url, url, fields);
        var second = await _reviewer.PostFormAsync(url, url, fields);
        fields["Intent"] = "save";
        var draftAfter = await _reviewer.PostFormAsync(url, url, fields);
        var draftAfterPage = await TestSession.ParseAsync(draftAfter);
        var (_, page) = await _reviewer.GetPageAsync(url);

        await Assert.MultipleAsync(async () =>
        {
            Assert.That(TestSession.IsRedirectTo(first, "/"), Is.True);
            Assert.That(second.StatusCode, Is.EqualTo(HttpStatusCode.Redirect), "a second submit is not an error");
            Assert.That(TestAccounts.ErrorSummary(draftAfterPage), Does.Contain("This review has been submitted and is locked."));
            Assert.That(page.QuerySelector("[data-review-form]"), Is.Null, "read-only once submitted");
            Assert.That(page.QuerySelector("[data-review-status=Submitted]"), Is.Not.Null);
            Assert.That(page.QuerySelector("[data-own-review]")!.TextContent, Does.Contain("80 of 100"));
            Assert.That(await _app.WithDbAsync(db => db.AuditEntries.CountAsync(e => e.Action == AuditActions.ReviewSubmitted && e.EntityId == assignment.ToString())), Is.EqualTo(1));
        });
    }

    [Test]
    public async Task Review_StaleVersion_ShowsTheMessageAndKeepsTheInput()
    {
        var (assignment, _) = await ReviewWebData.AssignedAsync(_app, Reviewer, "STX", declareNoConflict: true);
        var url = $"/Reviews/{assignment}";
        var shown = (await ReviewWebData.ReadAsync(_app, assignment)).Version;
        await _reviewer.PostFormAsync(url, url, ReviewWebData.ScoreFields(2, "save", version: shown));
        var fields = ReviewWebData.ScoreFields(5, "save", version: shown);
        fields["Scores[0].Comment"] = "Typed in the older tab.";

        var response = await _reviewer.PostFormAsync(url, url, fields);
        var page = await TestSession.ParseAsync(response);

        Assert.Multiple(() =>
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(TestAccounts.ErrorSummary(page), Does.Contain("after you opened this page"));
            Assert.That(page.QuerySelector("textarea[name='Scores[0].Comment']")!.TextContent, Is.EqualTo("Typed in the older tab."));
        });
        Assert.That((await ReviewWebData.ReadAsync(_app, assignment)).Scores[0].Score, Is.EqualTo(2));
    }

    [Test]
    public async Task Review_AnotherReviewersAssignment_IsNotFound_AndAFundManagerIsRefused()
    {
        var (assignment, _) = await ReviewWebData.AssignedAsync(_app, Reviewer, "NFX", declareNoConflict: true);
        var other = await TestAccounts.CreateUserAsync(_app, Roles.Reviewer);
        using var otherSession = await _app.SignInAsync(other.Email!);
        using var manager = await _app.SignInAsync("manager@trustfund.test");

        var page = await otherSession.GetAsync($"/Reviews/{assignment}");
        var declaration = await otherSession.GetAsync($"/Reviews/{assignment}/Declaration");
        var post = await otherSession.PostFormAsync("/Reviews/Profile", $"/Reviews/{assignment}", ReviewWebData.ScoreFields(5, "submit"));
        var asManager = await manager.GetAsync($"/Reviews/{assignment}");

        Assert.Multiple(() =>
        {
            Assert.That(page.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
            Assert.That(declaration.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
            Assert.That(post.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
            Assert.That(asManager.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
        });
        Assert.That((await ReviewWebData.ReadAsync(_app, assignment)).LastSavedAtUtc, Is.Null);
    }

    [TestCase(true)]
    [TestCase(false)]
    public async Task Review_OtherReviewersScores_ShownAfterSubmittingOnlyIfTheCallAllows_NeverTheirNames(bool callAllows)
    {
        var code = callAllows ? "VSY" : "VSN";
        var (mine, applicationId) = await ReviewWebData.AssignedAsync(_app, Reviewer, code, declareNoConflict: true, terms: t => t with { ReviewersSeeOtherReviews = callAllows });
        var other = await TestAccounts.CreateUserAsync(_app, Roles.Reviewer);
        await _app.WithDbAsync(db => db.Users.Where(u => u.Id == other.Id).ExecuteUpdateAsync(s => s.SetProperty(u => u.DisplayName, $"Olena Kovalenko {code}")));
        var theirs = await ReviewWebData.AssignAlsoAsync(_app, applicationId, other.Email!);
        using var otherSession = await _app.SignInAsync(other.Email!);
        await otherSession.PostFormAsync($"/Reviews/{theirs}/Declaration", $"/Reviews/{theirs}/Declaration", new() { ["Version"] = (await ReviewWebData.ReadAsync(_app, theirs)).Version.ToString(), ["Decision"] = "none" });
        await otherSession.PostFormAsync($"/Reviews/{theirs}", $"/Reviews/{theirs}", ReviewWebData.ScoreFields(2, "submit", "Reject", version: (await ReviewWebData.ReadAsync(_app, theirs)).Version));
        Assert.That((await ReviewWebData.ReadAsync(_app, theirs)).Status, Is.EqualTo(AssignmentStatus.Submitted));
        _app.Clock.Advance(TimeSpan.FromMinutes(1)); // numbered in the order of submission

        var (_, before) = await _reviewer.GetPageAsync($"/Reviews/{mine}");
        await _reviewer.PostFormAsync($"/Reviews/{mine}", $"/Reviews/{mine}", ReviewWebData.ScoreFields(5, "submit", version: (await ReviewWebData.ReadAsync(_app, mine)).Version));
        var (_, after) = await _reviewer.GetPageAsync($"/Reviews/{mine}");

        Assert.Multiple(() =>
        {
            Assert.That(before.QuerySelector("[data-other-reviews]"), Is.Null, "never before submitting");
            Assert.That(after.QuerySelector("[data-review-status=Submitted]"), Is.Not.Null);
            Assert.That(after.Body!.TextContent, Does.Not.Contain("Olena Kovalenko"));
            Assert.That(after.Body.TextContent, Does.Not.Contain(other.Email!));
        });
        if (callAllows)
        {
            var row = after.QuerySelector("[data-other-reviews] [data-other-review='1']");
            Assert.That(row, Is.Not.Null);
            Assert.That(row!.TextContent, Does.Contain("Reviewer 1").And.Contain("Reject"));
            Assert.That(row.QuerySelector("[data-weighted]")!.TextContent, Is.EqualTo("40"));
        }
        else
        {
            Assert.That(after.QuerySelector("[data-other-reviews]"), Is.Null);
        }
    }

    [Test]
    public async Task ApplicantApplicationPage_UnderReview_ShowsNoReviewerIdentity()
    {
        var organisationId = await FundData.DemoOrganisationIdAsync(_app, "applicant@trustfund.test");
        var (assignment, applicationId) = await ReviewWebData.AssignedAsync(_app, Reviewer, "APV", declareNoConflict: true, organisationId: organisationId);
        await _reviewer.PostFormAsync($"/Reviews/{assignment}", $"/Reviews/{assignment}", ReviewWebData.ScoreFields(4, "save", version: (await ReviewWebData.ReadAsync(_app, assignment)).Version));
        using var applicant = await _app.SignInAsync("applicant@trustfund.test");

        var (response, page) = await applicant.GetPageAsync($"/Applications/{applicationId}");

        var status = await _app.WithDbAsync(db => db.Applications.Where(a => a.Id == applicationId).Select(a => a.Status).SingleAsync());
        var text = page.Body!.TextContent;
        Assert.Multiple(() =>
        {
            Assert.That(status, Is.EqualTo(ApplicationStatus.UnderReview));
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(text, Does.Contain("Shelter project APV"), "the applicant's own page was shown");
            Assert.That(text, Does.Not.Contain("Jean-Pierre Martin"));
            Assert.That(text, Does.Not.Contain(Reviewer));
            Assert.That(text, Does.Not.Contain("Comment 0."));
        });
    }

    [Test]
    public async Task Profile_SavesTheReviewersOwnProfile_AndRefusesAnUnknownRegion()
    {
        var refused = await _reviewer.PostFormAsync("/Reviews/Profile", "/Reviews/Profile", new() { ["Languages"] = "French", ["Regions"] = "999999", ["MaximumLoad"] = "10" });
        var refusedPage = await TestSession.ParseAsync(refused);
        var saved = await _reviewer.PostFormAsync("/Reviews/Profile", "/Reviews/Profile", new() { ["Languages"] = "French", ["Regions"] = "002", ["Forms"] = "ForcedLabour", ["MaximumLoad"] = "12" });
        var (_, page) = await _reviewer.GetPageAsync("/Reviews/Profile");

        Assert.Multiple(() =>
        {
            Assert.That(TestAccounts.ErrorSummary(refusedPage), Does.Contain("Choose regions and countries from the list."));
            Assert.That(TestSession.IsRedirectTo(saved, "/Reviews/Profile"), Is.True);
            Assert.That(page.QuerySelector("input[name=Languages][value=French]")!.HasAttribute("checked"), Is.True);
            Assert.That(page.QuerySelector("input[name=Regions][value='002']")!.HasAttribute("checked"), Is.True);
            Assert.That(page.QuerySelector("input[name=Forms][value=ForcedLabour]")!.HasAttribute("checked"), Is.True);
            Assert.That(page.QuerySelector("input[name=MaximumLoad]")!.GetAttribute("value"), Is.EqualTo("12"));
        });
    }
}
