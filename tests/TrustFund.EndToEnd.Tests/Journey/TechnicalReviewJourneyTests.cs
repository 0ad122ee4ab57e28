using System.Text.RegularExpressions;
using Microsoft.Playwright;
using TrustFund.EndToEnd.Tests.Infrastructure;

namespace TrustFund.EndToEnd.Tests.Journey;

/// <summary>
/// The technical review in the browser, on the demo call RI under review: the fund manager dismisses the probable
/// conflict of the second reviewer with the Senegalese organisation and assigns her; both reviewers declare no
/// conflict and score it far apart (the demo reviewer with JavaScript off); the second reviewer steps aside from the
/// Cambodian application; the fund manager sees the recusal in the conflicts log and the disagreement in the ranking.
/// Every page of the flow passes axe and is readable at 320 px.
/// </summary>
public sealed partial class TechnicalReviewJourneyTests : BrowserTest
{
    private const int NarrowWidth = 320;
    private const string SenegalTitle = "Protection of talibé children forced to beg";
    private const string CambodiaTitle = "Safe return and reintegration of fishermen trafficked at sea";
    private const string RecusalNote = "My sister sits on the board of this centre in Phnom Penh.";
    private const string DismissalReason = "A different Mei Lin: the board member is a Dakar lawyer, the reviewer has never worked in Senegal.";

    private static readonly DemoAccount Manager = DemoAccount.Named("manager@trustfund.test");
    private static readonly DemoAccount FirstReviewer = DemoAccount.Named("reviewer@trustfund.test");
    private static readonly DemoAccount SecondReviewer = DemoAccount.Named("reviewer2@trustfund.test");

    [Test]
    public async Task ReviewOfCallUnderReview_ReviewersDisagreeAndOneRecuses_ManagerSeesFlagAndConflict()
    {
        var manager = await NewSignedInPageAsync(Manager);
        var applicationId = await FindApplicationAsync(manager, SenegalTitle);
        var callId = await AssignSecondReviewerAsync(manager, applicationId);

        var first = await NewSignedInPageAsync(FirstReviewer);
        await CheckPageAsync(first, "review-01-reviewer-home");
        var firstAssignment = await DeclareNoConflictAsync(first, SenegalTitle, "review-02");

        await CheckPageAsync(first, "review-03-scoring-form");

        // The scoring form needs no script: the review is scored and submitted with JavaScript turned off
        // (axe and the layout check run scripts, so they ran on the page above).
        var firstWithoutScript = await NewSignedInPageAsync(FirstReviewer, options => options.JavaScriptEnabled = false);
        await ScoreAndSubmitAsync(firstWithoutScript, firstAssignment, 5, "Fund", "A credible plan with the daaras and the social services of Dakar.");

        var second = await NewSignedInPageAsync(SecondReviewer);
        var secondAssignment = await DeclareNoConflictAsync(second, SenegalTitle, screenshots: null);
        await ScoreAndSubmitAsync(second, secondAssignment, 1, "Reject", "The caseload is not evidenced and the budget has no follow-up after return.");
        await second.GotoAsync("/");
        await Assertions.Expect(second.Locator($"[data-queue='submitted'] [data-assignment='{secondAssignment}']")).ToHaveCountAsync(1);

        await DeclareConflictAsync(second, CambodiaTitle);

        await CheckConflictsLogAsync(manager, callId);
        await CheckRankingAsync(manager, callId, applicationId);
        await manager.GotoAsync($"/Manage/Applications/{applicationId}/Reviewers");
        await Assertions.Expect(manager.Locator("[data-assignments] tbody tr[data-status='Submitted']")).ToHaveCountAsync(2);
        await manager.GotoAsync($"/Manage/Calls/{callId}/Reviewers/Auto");
        await Assertions.Expect(manager.Locator("h1")).ToHaveTextAsync("Auto-assignment");
        await CheckPageAsync(manager, "review-08-auto-assignment");

        await EditSecondReviewersProfileAsync(manager);
    }

    /// <summary>From the reviewers' list to Mei Lin's assignments and her profile: she reads Chinese too.</summary>
    private static async Task EditSecondReviewersProfileAsync(IPage manager)
    {
        await manager.GotoAsync("/Manage/Reviewers");
        await CheckPageAsync(manager, "review-09-reviewers");
        await manager.Locator("[data-reviewers] tbody tr").Filter(new() { HasText = "reviewer2@trustfund.test" }).GetByRole(AriaRole.Link).First.ClickAsync();
        await Assertions.Expect(manager.Locator("h1")).ToHaveTextAsync("Mei Lin");
        await Assertions.Expect(manager.Locator("[data-assignments] tbody tr")).Not.ToHaveCountAsync(0);
        await CheckPageAsync(manager, "review-10-reviewer");

        await manager.Locator("[data-edit-profile]").ClickAsync();
        await Assertions.Expect(manager.Locator("h1")).ToHaveTextAsync("Reviewer profile of Mei Lin");
        await manager.GetByLabel("Chinese").CheckAsync();
        await CheckPageAsync(manager, "review-11-reviewer-profile");
        await manager.GetByRole(AriaRole.Button, new() { Name = "Save the profile" }).ClickAsync();

        await Assertions.Expect(manager.Locator("h1")).ToHaveTextAsync("Mei Lin");
        await Assertions.Expect(manager.GetByText("The reviewer's profile has been saved.")).ToBeVisibleAsync();
        await Assertions.Expect(manager.Locator("main")).ToContainTextAsync("Chinese");
    }

    private static async Task<string> FindApplicationAsync(IPage manager, string title)
    {
        await manager.GotoAsync("/Manage/Applications?q=" + Uri.EscapeDataString(title));
        var link = manager.Locator("[data-applications] [data-title]");
        await Assertions.Expect(link).ToHaveCountAsync(1);
        var href = await link.GetAttributeAsync("href");
        var match = ManageApplicationPage().Match(href ?? string.Empty);
        Assert.That(match.Success, Is.True, $"The demo call RI should hold the application \"{title}\"; found {href}.");
        return match.Groups["id"].Value;
    }

    /// <summary>Dismisses Mei Lin's probable conflict with a reason, assigns her, and returns the call's id.</summary>
    private static async Task<string> AssignSecondReviewerAsync(IPage manager, string applicationId)
    {
        await manager.GotoAsync($"/Manage/Applications/{applicationId}/Reviewers");
        await Assertions.Expect(manager.Locator("h1")).ToHaveTextAsync("Reviewers");
        await Assertions.Expect(manager.Locator("[data-assignments] tbody tr")).ToHaveCountAsync(1);
        await Assertions.Expect(manager.Locator("[data-assignments] tbody tr").First).ToHaveAttributeAsync("data-status", "Pending");
        var candidate = manager.Locator("[data-candidates] tbody tr").Filter(new() { HasText = "reviewer2@trustfund.test" });
        await Assertions.Expect(candidate).ToHaveAttributeAsync("data-exclusion", "ProbableConflict");
        await Assertions.Expect(candidate.Locator("[data-probable-conflict]")).ToContainTextAsync("Mei Lin");
        await CheckPageAsync(manager, "review-04-reviewers-probable-conflict");

        await candidate.GetByLabel("Reason (required to dismiss)").FillAsync(DismissalReason);
        await candidate.GetByRole(AriaRole.Button, new() { Name = "Dismiss: not a conflict" }).ClickAsync();

        await Assertions.Expect(manager.Locator("[data-error-summary]")).ToHaveCountAsync(0);
        candidate = manager.Locator("[data-candidates] tbody tr").Filter(new() { HasText = "reviewer2@trustfund.test" });
        await Assertions.Expect(candidate).ToHaveAttributeAsync("data-exclusion", "none");
        await candidate.GetByRole(AriaRole.Button, new() { Name = "Assign", Exact = true }).ClickAsync();

        await Assertions.Expect(manager.Locator("[data-error-summary]")).ToHaveCountAsync(0);
        var assigned = manager.Locator("[data-assignments] tbody tr");
        await Assertions.Expect(assigned).ToHaveCountAsync(2);
        await Assertions.Expect(assigned.Filter(new() { HasText = "Mei Lin" })).ToHaveAttributeAsync("data-status", "Pending");
        await CheckPageAsync(manager, "review-05-reviewers-assigned");

        var auto = await manager.Locator("a[href$='/Reviewers/Auto']").First.GetAttributeAsync("href");
        var match = AutoAssignmentPage().Match(auto ?? string.Empty);
        Assert.That(match.Success, Is.True, $"The reviewers page should link to the call's auto-assignment; found {auto}.");
        return match.Groups["id"].Value;
    }

    /// <summary>Declares no conflict on the application waiting in the reviewer's queue and returns the assignment's id.</summary>
    private static async Task<string> DeclareNoConflictAsync(IPage reviewer, string title, string? screenshots)
    {
        var assignment = await OpenDeclarationAsync(reviewer, title);
        if (screenshots is not null)
        {
            await CheckPageAsync(reviewer, $"{screenshots}-declaration");
        }

        await reviewer.GetByLabel("No, I have no conflict of interest").CheckAsync();
        await reviewer.GetByRole(AriaRole.Button, new() { Name = "Declare" }).ClickAsync();

        await reviewer.WaitForURLAsync(new Regex($"/Reviews/{assignment}$"));
        await Assertions.Expect(reviewer.Locator("[data-application-title]")).ToContainTextAsync(title);
        await Assertions.Expect(reviewer.Locator("[data-review-form]")).ToHaveCountAsync(1);
        return assignment;
    }

    private static async Task<string> OpenDeclarationAsync(IPage reviewer, string title)
    {
        await reviewer.GotoAsync("/");
        var row = reviewer.Locator("[data-queue='declare'] tbody tr").Filter(new() { HasText = title });
        await Assertions.Expect(row).ToHaveCountAsync(1);
        var assignment = await row.GetAttributeAsync("data-assignment");
        await row.GetByRole(AriaRole.Link).ClickAsync();

        await Assertions.Expect(reviewer.Locator("h1")).ToHaveTextAsync("Conflict of interest");
        await Assertions.Expect(reviewer.Locator("[data-title]")).ToHaveTextAsync(title);
        return assignment!;
    }

    private static async Task ScoreAndSubmitAsync(IPage reviewer, string assignment, int score, string recommendation, string summary)
    {
        await reviewer.GotoAsync($"/Reviews/{assignment}");
        var criteria = reviewer.Locator("[data-review-form] li[data-criterion]");
        var count = await criteria.CountAsync();
        Assert.That(count, Is.GreaterThan(0), "The call's rubric should have criteria to score.");
        for (var i = 0; i < count; i++)
        {
            await reviewer.Locator($"#score-{i}-{score}").CheckAsync();
            await criteria.Nth(i).Locator("textarea").FillAsync($"Criterion {i + 1}: {summary}");
        }

        await reviewer.Locator($"#Recommendation-{recommendation}").CheckAsync();
        await reviewer.GetByLabel("Summary").FillAsync(summary);

        await reviewer.GetByRole(AriaRole.Button, new() { Name = "Submit", Exact = true }).ClickAsync();

        await Assertions.Expect(reviewer.Locator("h1")).ToHaveTextAsync("Your reviews");
        await Assertions.Expect(reviewer.Locator("main")).ToContainTextAsync("Your review has been submitted. It can no longer be changed.");
        await reviewer.GotoAsync($"/Reviews/{assignment}");
        await Assertions.Expect(reviewer.Locator("[data-review-status]")).ToHaveAttributeAsync("data-review-status", "Submitted");
        await Assertions.Expect(reviewer.Locator("[data-own-review] [data-score]")).ToHaveTextAsync(Enumerable.Repeat(score.ToString(System.Globalization.CultureInfo.InvariantCulture), count).ToArray());
    }

    private static async Task DeclareConflictAsync(IPage reviewer, string title)
    {
        var assignment = await OpenDeclarationAsync(reviewer, title);
        await reviewer.GetByLabel("Yes, I have a conflict of interest and step aside").CheckAsync();
        await reviewer.Locator("#ConflictType-Personal").CheckAsync();
        await reviewer.GetByLabel("Describe the conflict (if you have one)").FillAsync(RecusalNote);
        await reviewer.GetByRole(AriaRole.Button, new() { Name = "Declare" }).ClickAsync();

        await Assertions.Expect(reviewer.Locator("h1")).ToHaveTextAsync("Your reviews");
        await Assertions.Expect(reviewer.Locator($"[data-assignment='{assignment}']")).ToHaveCountAsync(0);
        await reviewer.GotoAsync($"/Reviews/{assignment}/Declaration");
        await Assertions.Expect(reviewer.Locator("[data-declared='conflict']")).ToContainTextAsync("Personal");
        await reviewer.GotoAsync($"/Reviews/{assignment}");
        await Assertions.Expect(reviewer.Locator("[data-recused]")).ToHaveCountAsync(1);
        await Assertions.Expect(reviewer.Locator("[data-application-content]")).ToHaveCountAsync(0);
    }

    private static async Task CheckConflictsLogAsync(IPage manager, string callId)
    {
        await manager.GotoAsync($"/Manage/Calls/{callId}/Conflicts");
        await Assertions.Expect(manager.Locator("h1")).ToHaveTextAsync("Conflicts log");
        var recusal = manager.Locator("[data-declared] tbody tr").Filter(new() { HasText = RecusalNote });
        await Assertions.Expect(recusal).ToHaveCountAsync(1);
        await Assertions.Expect(recusal.Locator("th")).ToHaveTextAsync("Mei Lin");
        await Assertions.Expect(recusal).ToContainTextAsync(CambodiaTitle);
        await Assertions.Expect(recusal).ToContainTextAsync("Personal");
        var ruling = manager.Locator("[data-rulings] [data-ruling]").Filter(new() { HasText = DismissalReason });
        await Assertions.Expect(ruling).ToHaveCountAsync(1);
        await CheckPageAsync(manager, "review-06-conflicts-log");
    }

    private static async Task CheckRankingAsync(IPage manager, string callId, string applicationId)
    {
        await manager.GotoAsync($"/Manage/Calls/{callId}/Ranking");
        var line = manager.Locator($"[data-ranking] tr[data-application='{applicationId}']");
        await Assertions.Expect(line).ToHaveCountAsync(1);
        await Assertions.Expect(line).ToHaveAttributeAsync("data-rank", new Regex("^[1-9][0-9]*$"));
        await Assertions.Expect(line.Locator("[data-reviews]")).ToHaveAttributeAsync("data-reviews", "2");
        await Assertions.Expect(line.Locator("[data-complete]")).ToHaveCountAsync(1);
        await Assertions.Expect(line.Locator("[data-flag='spread']")).ToHaveTextAsync("Scores disagree");
        await Assertions.Expect(line.Locator("[data-flag='fund-and-reject']")).ToHaveTextAsync("Fund and reject");
        await Assertions.Expect(line).ToContainTextAsync("1 / 0 / 1");
        await Assertions.Expect(manager.Locator("[data-envelope-line]")).ToHaveCountAsync(1);
        await Assertions.Expect(manager.Locator("[data-envelope-line]")).ToContainTextAsync("runs out here");
        await CheckPageAsync(manager, "review-07-ranking");
    }

    /// <summary>axe at desktop width, then no sideways scrolling at 320 px; a screenshot of each.</summary>
    private static async Task CheckPageAsync(IPage page, string name)
    {
        await AccessibilityAssert.NoSeriousViolationsAsync(page);
        await SaveScreenshotAsync(page, name);
        var wide = page.ViewportSize;
        await page.SetViewportSizeAsync(NarrowWidth, 640);
        try
        {
            await SaveScreenshotAsync(page, $"{name}-320px");
            await LayoutAssert.NoHorizontalScrollAsync(page, NarrowWidth);
        }
        finally
        {
            await page.SetViewportSizeAsync(wide?.Width ?? 1280, wide?.Height ?? 800);
        }
    }

    [GeneratedRegex("^/Manage/Applications/(?<id>[0-9a-f-]{36})$")]
    private static partial Regex ManageApplicationPage();

    [GeneratedRegex("^/Manage/Calls/(?<id>[0-9a-f-]{36})/Reviewers/Auto$")]
    private static partial Regex AutoAssignmentPage();
}
