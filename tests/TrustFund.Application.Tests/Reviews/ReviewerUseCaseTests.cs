using Microsoft.EntityFrameworkCore;
using TrustFund.Application.Accounts;
using TrustFund.Application.Audit;
using TrustFund.Application.Common;
using TrustFund.Application.Reviews;
using TrustFund.Application.Tests.Infrastructure;
using TrustFund.Domain.Applications;
using TrustFund.Domain.Calls;
using TrustFund.Domain.Reviews;

namespace TrustFund.Application.Tests.Reviews;

/// <summary>The reviewer's use cases (queue, declaration, scoring, visibility) through their handlers, on SQLite.</summary>
[FixtureLifeCycle(LifeCycle.InstancePerTestCase)]
public sealed class ReviewerUseCaseTests
{
    private SliceFixture _slice = null!;
    private TrustFundUser _reviewer = null!;

    [SetUp]
    public async Task Start()
    {
        _slice = await SliceFixture.StartAsync();
        _reviewer = await _slice.SignInAsNewUserAsync("amina@reviewers.example.org", Roles.Reviewer, name: "Amina Diallo");
    }

    [TearDown]
    public async Task Stop() => await _slice.DisposeAsync();

    [Test]
    public async Task ShowReviewerQueue_AssignmentsInEachState_SortedIntoTheirPartsWithOverdueFlags()
    {
        var today = DateOnly.FromDateTime(_slice.Now);
        var pending = await AssignedAsync("QPE", today.AddDays(-1));
        var toScore = await AssignedAsync("QTS", today.AddDays(3));
        var draft = await AssignedAsync("QDR", today);
        var submitted = await AssignedAsync("QSU", today.AddDays(-5));
        var recused = await AssignedAsync("QRE", today.AddDays(2));
        var other = await _slice.SignInAsNewUserAsync("other@reviewers.example.org", Roles.Reviewer, name: "Li Wei");
        var application = await ReviewData.EligibleAsync(_slice, "QOT");
        await ReviewData.AssignAsync(_slice, application.Id, other.Id, "Li Wei");
        _slice.Actor.SignIn(_reviewer, Roles.Reviewer);
        foreach (var id in new[] { toScore, draft, submitted })
        {
            await DeclareNoConflictAsync(id);
        }

        await SaveAsync(draft, [new CriterionScore("relevance", 3, "Partly.")], null, null, submit: false);
        await SaveAsync(submitted, ReviewData.Scores(4), Recommendation.Fund, "Sound.", submit: true);
        Assert.That((await _slice.RunAsync(new DeclareConflict(recused, (await ReviewData.ReadAsync(_slice, recused)).Version, ConflictType.Personal, "My cousin runs it."))).Succeeded, Is.True);

        var queue = (await _slice.RunAsync(new ShowReviewerQueue())).Value;

        Assert.Multiple(() =>
        {
            Assert.That(queue.ToDeclare.Select(i => (i.AssignmentId, i.Title, i.Overdue)), Is.EqualTo(new[] { (pending, "Project QPE", true) }));
            Assert.That(queue.ToScore.Select(i => (i.AssignmentId, i.Overdue)), Is.EqualTo(new[] { (toScore, false) }));
            Assert.That(queue.Drafts.Select(i => (i.AssignmentId, i.Overdue)), Is.EqualTo(new[] { (draft, false) }), "due today is not yet overdue");
            Assert.That(queue.Submitted.Select(i => (i.AssignmentId, i.Overdue)), Is.EqualTo(new[] { (submitted, false) }), "a submitted review is never overdue");
            Assert.That(queue.ToDeclare[0].OrganisationName, Is.EqualTo("QPE Partners"));
            Assert.That(queue.ToDeclare[0].Reference, Is.EqualTo("QPE-2026-001"), "the reference the test data gave at submission");
        });
    }

    [Test]
    public async Task ShowReviewerQueue_SubmittedReviews_LatestFirst()
    {
        var assignments = new List<Guid>();
        foreach (var code in new[] { "QY1", "QY2", "QY3" })
        {
            var assignment = await DeclaredAsync(code);
            await SaveAsync(assignment, ReviewData.Scores(4), Recommendation.Fund, "Sound.", submit: true);
            assignments.Add(assignment);
        }

        // Dated 300, 400 and 2 days before today (2 March 2026): not the order in which they were submitted.
        var daysAgo = new[] { 300, 400, 2 };
        for (var i = 0; i < assignments.Count; i++)
        {
            var id = assignments[i];
            var at = _slice.Now.AddDays(-daysAgo[i]);
            await _slice.WithDbAsync(db => db.ReviewAssignments.Where(a => a.Id == id).ExecuteUpdateAsync(s => s.SetProperty(a => a.SubmittedAtUtc, at)));
        }

        var queue = (await _slice.RunAsync(new ShowReviewerQueue())).Value;

        Assert.That(queue.Submitted.Select(i => i.AssignmentId), Is.EqualTo(new[] { assignments[2], assignments[0], assignments[1] }));
    }

    [Test]
    public async Task ShowDeclaration_AnotherReviewersAssignmentOrAFundManager_NotFound()
    {
        var assignment = await AssignedAsync("DNF");
        await _slice.SignInAsNewUserAsync("intruder@reviewers.example.org", Roles.Reviewer);
        var asOtherReviewer = await _slice.RunAsync(new ShowDeclaration(assignment));
        var saveAsOtherReviewer = await _slice.RunAsync(new SaveReview(assignment, null, ReviewData.Scores(5), Recommendation.Fund, "x", true));
        await _slice.SignInAsNewUserAsync("manager@trustfund.test", Roles.FundManager);
        var asManager = await _slice.RunAsync(new ShowReview(assignment));
        var declareAsManager = await _slice.RunAsync(new DeclareNoConflict(assignment, null));

        Assert.Multiple(() =>
        {
            Assert.That(asOtherReviewer.Kind, Is.EqualTo(OutcomeKind.NotFound));
            Assert.That(saveAsOtherReviewer.Kind, Is.EqualTo(OutcomeKind.NotFound));
            Assert.That(asManager.Kind, Is.EqualTo(OutcomeKind.NotFound));
            Assert.That(declareAsManager.Kind, Is.EqualTo(OutcomeKind.NotFound));
        });
        Assert.That((await ReviewData.ReadAsync(_slice, assignment)).Status, Is.EqualTo(AssignmentStatus.Pending));
    }

    [Test]
    public async Task ShowDeclaration_BeforeDeclaring_ShowsOnlyTitleOrganisationAndCountry_AndTheReviewHoldsNoContent()
    {
        var assignment = await AssignedAsync("DCL");

        var declaration = (await _slice.RunAsync(new ShowDeclaration(assignment))).Value;
        var review = (await _slice.RunAsync(new ShowReview(assignment))).Value;

        Assert.Multiple(() =>
        {
            Assert.That(declaration.Title, Is.EqualTo("Project DCL"));
            Assert.That(declaration.OrganisationName, Is.EqualTo("DCL Partners"));
            Assert.That(declaration.Countries, Is.EqualTo(new[] { "NGA" }));
            Assert.That(review.Status, Is.EqualTo(AssignmentStatus.Pending));
            Assert.That(review.Application, Is.Null, "no content before the declaration");
        });
    }

    [Test]
    public async Task DeclareNoConflict_SentTwice_RecordsOnceAndAuditsOnce()
    {
        var assignment = await AssignedAsync("DNC");
        var version = (await ReviewData.ReadAsync(_slice, assignment)).Version;

        var first = await _slice.RunAsync(new DeclareNoConflict(assignment, version));
        var second = await _slice.RunAsync(new DeclareNoConflict(assignment, version));
        var review = (await _slice.RunAsync(new ShowReview(assignment))).Value;

        await Assert.MultipleAsync(async () =>
        {
            Assert.That(first.Value, Is.EqualTo(Declared.Recorded));
            Assert.That(second.Value, Is.EqualTo(Declared.AlreadyRecorded));
            Assert.That(review.Status, Is.EqualTo(AssignmentStatus.Draft));
            Assert.That(review.Application!.Content.ObjectivesAndActivities, Is.EqualTo("Objectives and activities."));
            Assert.That(await AuditCountAsync(AuditActions.ReviewNoConflictDeclared, assignment), Is.EqualTo(1));
        });
    }

    [Test]
    public async Task DeclareConflict_RecusesAuditsAndEmailsTheFundManagersOnly()
    {
        var assignment = await AssignedAsync("DCF");
        var manager = await _slice.SignInAsNewUserAsync("manager@trustfund.test", Roles.FundManager, name: "Mariam Okafor");
        await _slice.SignInAsNewUserAsync("finance@trustfund.test", Roles.FinanceOfficer);
        _slice.Actor.SignIn(_reviewer, Roles.Reviewer);
        var version = (await ReviewData.ReadAsync(_slice, assignment)).Version;

        var outcome = await _slice.RunAsync(new DeclareConflict(assignment, version, ConflictType.Financial, "I advised them on their budget last year."));
        var again = await _slice.RunAsync(new DeclareConflict(assignment, version, ConflictType.Other, "Sent twice."));
        var noConflictAfter = await _slice.RunAsync(new DeclareNoConflict(assignment, version));
        var scoring = await _slice.RunAsync(new SaveReview(assignment, version, ReviewData.Scores(4), Recommendation.Fund, "x", false));

        var saved = await ReviewData.ReadAsync(_slice, assignment);
        var emails = await _slice.WithDbAsync(db => db.OutboxMessages.Where(m => m.Subject.Contains("conflict of interest")).Select(m => new { m.To, m.Subject, Body = m.TextBody }).ToListAsync());
        await Assert.MultipleAsync(async () =>
        {
            Assert.That(outcome.Value, Is.EqualTo(Declared.Recorded));
            Assert.That(again.Value, Is.EqualTo(Declared.AlreadyRecorded));
            Assert.That(saved.Status, Is.EqualTo(AssignmentStatus.Recused));
            Assert.That(saved.ConflictType, Is.EqualTo(ConflictType.Financial), "the first declaration stands");
            Assert.That(saved.ConflictNote, Is.EqualTo("I advised them on their budget last year."));
            Assert.That(noConflictAfter.Problems.Single().Text.ToString(), Is.EqualTo("You have already declared a conflict of interest for this application."));
            Assert.That(scoring.Problems.Single().Text.ToString(), Is.EqualTo("You declared a conflict of interest for this application."));
            Assert.That(await AuditCountAsync(AuditActions.ReviewConflictDeclared, assignment), Is.EqualTo(1));
            Assert.That(emails.Select(e => e.To), Is.EqualTo(new[] { manager.Email }));
            Assert.That(emails[0].Subject, Is.EqualTo("Amina Diallo declared a conflict of interest with DCF-2026-001"));
            Assert.That(emails[0].Body, Does.Contain("I advised them on their budget last year."));
        });
    }

    [Test]
    public async Task DeclareConflict_WithoutTypeOrNote_IsRefusedAndNothingChanges()
    {
        var assignment = await AssignedAsync("DCN");
        var version = (await ReviewData.ReadAsync(_slice, assignment)).Version;

        var outcome = await _slice.RunAsync(new DeclareConflict(assignment, version, null, "  "));

        Assert.That(outcome.Problems.Select(p => (p.Field, p.Text.ToString())), Is.EquivalentTo(new[]
        {
            ("Type", "Choose the type of conflict."),
            ("Note", "Describe the conflict."),
        }));
        Assert.That((await ReviewData.ReadAsync(_slice, assignment)).Status, Is.EqualTo(AssignmentStatus.Pending));
    }

    [Test]
    public async Task SaveReview_BeforeDeclaring_IsRefusedWithTheReason()
    {
        var assignment = await AssignedAsync("SBD");
        var version = (await ReviewData.ReadAsync(_slice, assignment)).Version;

        var outcome = await _slice.RunAsync(new SaveReview(assignment, version, ReviewData.Scores(3), null, null, false));

        Assert.That(outcome.Problems.Single().Text.ToString(), Is.EqualTo("Declare whether you have a conflict of interest before you score."));
    }

    [Test]
    public async Task SaveReview_ScoreOutsideTheScale_IsRefusedOnThatCriterionAndNothingIsSaved()
    {
        var assignment = await DeclaredAsync("SOS");
        var version = (await ReviewData.ReadAsync(_slice, assignment)).Version;

        var tooHigh = await _slice.RunAsync(new SaveReview(assignment, version, [new CriterionScore("needs", 6, "Excellent.")], null, null, false));
        var negative = await _slice.RunAsync(new SaveReview(assignment, version, [new CriterionScore("design", -1, string.Empty)], null, null, false));

        Assert.Multiple(() =>
        {
            Assert.That(tooHigh.Problems.Select(p => (p.Field, p.Text.ToString())), Is.EqualTo(new[] { ("needs", "Score \"Needs and context\" with a whole number from 0 to 5.") }));
            Assert.That(negative.Problems.Select(p => (p.Field, p.Text.ToString())), Is.EqualTo(new[] { ("design", "Score \"Design coherence\" with a whole number from 0 to 5.") }));
        });
        var saved = await ReviewData.ReadAsync(_slice, assignment);
        Assert.That(saved.LastSavedAtUtc, Is.Null);
        Assert.That(saved.Scores, Is.Empty);
    }

    [Test]
    public async Task SaveReview_DraftWithPartialInput_KeepsIt()
    {
        var assignment = await DeclaredAsync("SDP");
        var version = (await ReviewData.ReadAsync(_slice, assignment)).Version;

        var outcome = await _slice.RunAsync(new SaveReview(assignment, version, [new CriterionScore("needs", 2, "Thin analysis."), new CriterionScore("design", null, "Still reading.")], Recommendation.Reserve, "Half way.", false));

        Assert.That(outcome.Value, Is.EqualTo(ReviewSaved.DraftSaved));
        var review = (await _slice.RunAsync(new ShowReview(assignment))).Value;
        Assert.Multiple(() =>
        {
            Assert.That(review.Status, Is.EqualTo(AssignmentStatus.Draft));
            Assert.That(review.ScoreOf("needs"), Is.EqualTo(new CriterionScore("needs", 2, "Thin analysis.")));
            Assert.That(review.ScoreOf("design"), Is.EqualTo(new CriterionScore("design", null, "Still reading.")));
            Assert.That(review.ScoreOf("relevance")!.Score, Is.Null);
            Assert.That(review.Recommendation, Is.EqualTo(Recommendation.Reserve));
            Assert.That(review.Summary, Is.EqualTo("Half way."));
        });
    }

    [Test]
    public async Task SaveReview_SubmitWithACriterionMissing_NamesEveryMissingPartAndSubmitsNothing()
    {
        var assignment = await DeclaredAsync("SMC");
        var version = (await ReviewData.ReadAsync(_slice, assignment)).Version;
        var scores = ReviewData.Scores(4).Where(s => s.Key != "budget-realism").ToList();

        var outcome = await _slice.RunAsync(new SaveReview(assignment, version, scores, null, " ", true));

        Assert.That(outcome.Problems.Select(p => (p.Field, p.Text.ToString())), Is.EquivalentTo(new[]
        {
            ("budget-realism", "Score \"Budget realism\" before you submit."),
            ("Recommendation", "Choose your overall recommendation before you submit."),
            ("Summary", "Write a summary before you submit."),
        }));
        Assert.That((await ReviewData.ReadAsync(_slice, assignment)).Status, Is.EqualTo(AssignmentStatus.Draft));
    }

    [Test]
    public async Task SaveReview_Submit_LocksTheReviewAuditsLocksTheRubricAndCompletesTheApplication()
    {
        var application = await ReviewData.EligibleAsync(_slice, "SUB", reviewersPerApplication: 1);
        var assignment = await ReviewData.AssignAsync(_slice, application.Id, _reviewer.Id, "Amina Diallo");
        await DeclareNoConflictAsync(assignment);
        var version = (await ReviewData.ReadAsync(_slice, assignment)).Version;

        var outcome = await _slice.RunAsync(new SaveReview(assignment, version, ReviewData.Scores(4), Recommendation.Fund, "A sound, victim-centred project.", true));
        var doubleClick = await _slice.RunAsync(new SaveReview(assignment, version, ReviewData.Scores(4), Recommendation.Fund, "A sound, victim-centred project.", true));
        var draftAfter = await _slice.RunAsync(new SaveReview(assignment, version, ReviewData.Scores(1), Recommendation.Reject, "Changed my mind.", false));

        var saved = await ReviewData.ReadAsync(_slice, assignment);
        await Assert.MultipleAsync(async () =>
        {
            Assert.That(outcome.Value, Is.EqualTo(ReviewSaved.Submitted));
            Assert.That(doubleClick.Value, Is.EqualTo(ReviewSaved.AlreadySubmitted));
            Assert.That(draftAfter.Problems.Single().Text.ToString(), Is.EqualTo("This review has been submitted and is locked."));
            Assert.That(saved.Status, Is.EqualTo(AssignmentStatus.Submitted));
            Assert.That(saved.WeightedScore, Is.EqualTo(80m), "4 of 5 on every criterion");
            Assert.That(saved.Recommendation, Is.EqualTo(Recommendation.Fund));
            Assert.That(await AuditCountAsync(AuditActions.ReviewSubmitted, assignment), Is.EqualTo(1));
            Assert.That(await _slice.WithDbAsync(db => db.Calls.Where(c => c.Id == application.CallId).Select(c => c.RubricLockedAtUtc).SingleAsync()), Is.EqualTo(_slice.Now));
            Assert.That(await _slice.WithDbAsync(db => db.Applications.Where(a => a.Id == application.Id).Select(a => a.Status).SingleAsync()), Is.EqualTo(ApplicationStatus.Reviewed));
            Assert.That(await _slice.WithDbAsync(db => db.ReviewAssignments.CountAsync(a => a.ApplicationId == application.Id)), Is.EqualTo(1), "no second review");
        });
    }

    [Test]
    public async Task SaveReview_OneOfTwoReviewsSubmitted_LeavesTheApplicationUnderReview()
    {
        var application = await ReviewData.EligibleAsync(_slice, "HLF", reviewersPerApplication: 2);
        var assignment = await ReviewData.AssignAsync(_slice, application.Id, _reviewer.Id, "Amina Diallo");
        var other = await _slice.SignInAsNewUserAsync("second@reviewers.example.org", Roles.Reviewer);
        await ReviewData.AssignAsync(_slice, application.Id, other.Id, "Second");
        _slice.Actor.SignIn(_reviewer, Roles.Reviewer);
        await DeclareNoConflictAsync(assignment);

        await SaveAsync(assignment, ReviewData.Scores(3), Recommendation.Reserve, "Fair.", submit: true);

        Assert.That(await _slice.WithDbAsync(db => db.Applications.Where(a => a.Id == application.Id).Select(a => a.Status).SingleAsync()), Is.EqualTo(ApplicationStatus.UnderReview));
    }

    [Test]
    public async Task SaveReview_StaleVersion_IsRefusedAsStaleAndTheNewerDraftIsKept()
    {
        var assignment = await DeclaredAsync("STL");
        var shown = (await ReviewData.ReadAsync(_slice, assignment)).Version;
        await SaveAsync(assignment, [new CriterionScore("needs", 4, "From another tab.")], null, null, submit: false);

        var outcome = await _slice.RunAsync(new SaveReview(assignment, shown, [new CriterionScore("needs", 1, "From the old page.")], null, null, false));

        Assert.That(outcome.Kind, Is.EqualTo(OutcomeKind.Stale));
        Assert.That((await ReviewData.ReadAsync(_slice, assignment)).Scores.Single(s => s.Key == "needs").Comment, Is.EqualTo("From another tab."));
    }

    [TestCase(true, 1)]
    [TestCase(false, 0)]
    public async Task ShowReview_OtherReviews_OnlyAfterOwnSubmissionAndOnlyIfTheCallAllows(bool callAllows, int othersShown)
    {
        var application = await ReviewData.EligibleAsync(_slice, callAllows ? "VIS" : "HID", reviewersSeeOtherReviews: callAllows);
        var mine = await ReviewData.AssignAsync(_slice, application.Id, _reviewer.Id, "Amina Diallo");
        var other = await _slice.SignInAsNewUserAsync("second@reviewers.example.org", Roles.Reviewer, name: "Li Wei");
        var theirs = await ReviewData.AssignAsync(_slice, application.Id, other.Id, "Li Wei");
        await DeclareNoConflictAsync(theirs);
        await SaveAsync(theirs, ReviewData.Scores(2), Recommendation.Reject, "Weak.", submit: true);
        _slice.Clock.Advance(TimeSpan.FromMinutes(5));
        _slice.Actor.SignIn(_reviewer, Roles.Reviewer);
        await DeclareNoConflictAsync(mine);

        var beforeSubmitting = (await _slice.RunAsync(new ShowReview(mine))).Value;
        await SaveAsync(mine, ReviewData.Scores(5), Recommendation.Fund, "Excellent.", submit: true);
        var afterSubmitting = (await _slice.RunAsync(new ShowReview(mine))).Value;

        Assert.Multiple(() =>
        {
            Assert.That(beforeSubmitting.OtherReviews, Is.Empty, "never before the reviewer's own submission");
            Assert.That(afterSubmitting.OtherReviews, Has.Count.EqualTo(othersShown));
        });
        if (callAllows)
        {
            var shown = afterSubmitting.OtherReviews.Single();
            Assert.Multiple(() =>
            {
                Assert.That(shown.Number, Is.EqualTo(1), "the other reviewer submitted first");
                Assert.That(shown.WeightedScore, Is.EqualTo(40m));
                Assert.That(shown.Recommendation, Is.EqualTo(Recommendation.Reject));
                Assert.That(shown.Scores.Select(s => s.Score), Is.All.EqualTo(2));
            });
        }
    }

    private async Task<Guid> AssignedAsync(string code, DateOnly? dueOn = null)
    {
        var application = await ReviewData.EligibleAsync(_slice, code);
        return await ReviewData.AssignAsync(_slice, application.Id, _reviewer.Id, "Amina Diallo", dueOn);
    }

    private async Task<Guid> DeclaredAsync(string code)
    {
        var assignment = await AssignedAsync(code);
        await DeclareNoConflictAsync(assignment);
        return assignment;
    }

    private async Task DeclareNoConflictAsync(Guid assignment)
    {
        var outcome = await _slice.RunAsync(new DeclareNoConflict(assignment, (await ReviewData.ReadAsync(_slice, assignment)).Version));
        Assert.That(outcome.Value, Is.EqualTo(Declared.Recorded));
    }

    private async Task SaveAsync(Guid assignment, IReadOnlyList<CriterionScore> scores, Recommendation? recommendation, string? summary, bool submit)
    {
        var outcome = await _slice.RunAsync(new SaveReview(assignment, (await ReviewData.ReadAsync(_slice, assignment)).Version, scores, recommendation, summary, submit));
        Assert.That(outcome.Succeeded, Is.True, string.Join("; ", outcome.Problems.Select(p => $"{p.Field}: {p.Text.ToString()}")));
    }

    private Task<int> AuditCountAsync(string action, Guid assignment) =>
        _slice.WithDbAsync(db => db.AuditEntries.CountAsync(e => e.Action == action && e.EntityId == assignment.ToString()));
}
