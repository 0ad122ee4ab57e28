using TrustFund.Domain.Applications;
using TrustFund.Domain.Calls;
using TrustFund.Domain.Common;
using TrustFund.Domain.Reviews;
using TrustFund.Domain.Reviews.Events;
using TrustFund.Domain.Tests.Builders;

namespace TrustFund.Domain.Tests.Reviews;

public class ReviewAssignmentTests
{
    private static readonly DateTime Now = CallBuilder.Now;
    private static readonly Guid Reviewer = Guid.NewGuid();

    private static CallTerms Terms => CallBuilder.ValidTerms() with
    {
        Rubric = [new("relevance", "Relevance", 60), new("budget", "Budget realism", 40)],
    };

    [Test]
    public void Assigning_an_eligible_application_puts_it_under_review_and_waits_for_a_declaration()
    {
        var application = GrantApplicationBuilder.AnApplication().In(ApplicationStatus.Eligible).Build();

        var assignment = ReviewAssignment.Assign(application, Reviewer, "Amina Diallo", new DateOnly(2026, 3, 23), "manager", Now);

        Assert.Multiple(() =>
        {
            Assert.That(application.Status, Is.EqualTo(ApplicationStatus.UnderReview));
            Assert.That(assignment.Status, Is.EqualTo(AssignmentStatus.Pending));
            Assert.That(assignment.PendingEvents().OfType<ReviewerAssigned>().Single().ReviewerId, Is.EqualTo(Reviewer));
        });
    }

    [TestCase(ApplicationStatus.Submitted)]
    [TestCase(ApplicationStatus.Ineligible)]
    [TestCase(ApplicationStatus.Draft)]
    public void Only_eligible_applications_get_reviewers(ApplicationStatus status)
    {
        var application = GrantApplicationBuilder.AnApplication().In(status).Build();

        var error = Assert.Throws<DomainException>(() => ReviewAssignment.Assign(application, Reviewer, "A", new DateOnly(2026, 3, 23), "m", Now));

        Assert.That(error!.Message, Is.EqualTo("Reviewers can be assigned only to applications found eligible."));
    }

    [Test]
    public void Scoring_before_declaring_is_refused()
    {
        var assignment = Pending();

        var error = Assert.Throws<DomainException>(() => assignment.SaveDraft(Terms, [new("relevance", 3, "")], null, null, Now));

        Assert.That(error!.Message, Does.StartWith("Declare whether you have a conflict"));
    }

    [Test]
    public void A_declared_conflict_recuses_and_names_its_type()
    {
        var assignment = Pending();

        assignment.DeclareConflict(ConflictType.Financial, "  I sit on their audit committee. ", Now);

        Assert.Multiple(() =>
        {
            Assert.That(assignment.Status, Is.EqualTo(AssignmentStatus.Recused));
            Assert.That(assignment.ConflictNote, Is.EqualTo("I sit on their audit committee."));
            Assert.That(assignment.PendingEvents().OfType<ConflictDeclared>().Single().Type, Is.EqualTo(ConflictType.Financial));
            Assert.That(() => assignment.DeclareNoConflict(Now), Throws.TypeOf<DomainException>());
            Assert.That(() => assignment.SaveDraft(Terms, [], null, null, Now), Throws.TypeOf<DomainException>().With.Message.Contains("declared a conflict"));
        });
    }

    [Test]
    public void A_conflict_needs_a_note()
    {
        var assignment = Pending();

        var error = Assert.Throws<RulesViolatedException>(() => assignment.DeclareConflict(ConflictType.Personal, " ", Now));

        Assert.That(error!.Violations.Single().Field, Is.EqualTo(nameof(ReviewAssignment.ConflictNote)));
        Assert.That(assignment.Status, Is.EqualTo(AssignmentStatus.Pending));
    }

    [Test]
    public void A_draft_may_be_partial_but_a_score_off_the_scale_is_refused_by_criterion()
    {
        var assignment = Declared();
        assignment.SaveDraft(Terms, [new("relevance", 4, "Strong fit")], null, null, Now);

        var error = Assert.Throws<RulesViolatedException>(() => assignment.SaveDraft(Terms, [new("relevance", 6, ""), new("budget", -1, "")], null, null, Now));

        Assert.Multiple(() =>
        {
            Assert.That(error!.Violations.Select(v => v.Field), Is.EqualTo(new[] { "relevance", "budget" }));
            Assert.That(error.Violations[0].Message, Is.EqualTo("Score \"Relevance\" with a whole number from 0 to 5."));
            Assert.That(assignment.Scores.Single(s => s.Key == "relevance").Score, Is.EqualTo(4), "the saved draft is kept");
        });
    }

    [Test]
    public void Submitting_needs_every_criterion_a_recommendation_and_a_summary()
    {
        var assignment = Declared();

        var error = Assert.Throws<RulesViolatedException>(() => assignment.Submit(Terms, [new("relevance", 4, "")], null, "", Now));

        Assert.That(error!.Violations.Select(v => v.Field), Is.EqualTo(new[] { "budget", nameof(Recommendation), nameof(ReviewAssignment.Summary) }));
        Assert.That(assignment.Status, Is.EqualTo(AssignmentStatus.Draft));
    }

    [Test]
    public void A_criterion_the_rubric_does_not_have_is_refused()
    {
        var assignment = Declared();

        var error = Assert.Throws<RulesViolatedException>(() => assignment.SaveDraft(Terms, [new("charm", 5, "")], null, null, Now));

        Assert.That(error!.Violations.Single().Message, Is.EqualTo("That is not a criterion of this call's rubric."));
    }

    [Test]
    public void Submitting_computes_the_weighted_score_and_locks_the_review()
    {
        var assignment = Declared();

        // relevance 4/5 × 60 = 48; budget 3/5 × 40 = 24; total 72.
        assignment.Submit(Terms, [new("budget", 3, "Costs high"), new("relevance", 4, "Good")], Recommendation.Fund, "Solid.", Now);

        Assert.Multiple(() =>
        {
            Assert.That(assignment.WeightedScore, Is.EqualTo(72m));
            Assert.That(assignment.Scores.Select(s => s.Key), Is.EqualTo(new[] { "relevance", "budget" }));
            Assert.That(assignment.PendingEvents().OfType<ReviewSubmitted>().Single().WeightedScore, Is.EqualTo(72m));
            Assert.That(() => assignment.SaveDraft(Terms, [], null, null, Now), Throws.TypeOf<DomainException>().With.Message.EqualTo("This review has been submitted and is locked."));
            Assert.That(() => assignment.Submit(Terms, assignment.Scores, Recommendation.Fund, "Again", Now), Throws.TypeOf<DomainException>());
        });
    }

    [Test]
    public void Reopening_needs_a_reason_and_keeps_the_score_it_had()
    {
        var assignment = Declared();
        assignment.Submit(Terms, [new("relevance", 5, ""), new("budget", 5, "")], Recommendation.Fund, "Excellent.", Now);

        Assert.Throws<RulesViolatedException>(() => assignment.Reopen("", "manager", Now));
        assignment.Reopen("Budget comment missing", "manager", Now.AddDays(1));

        Assert.Multiple(() =>
        {
            Assert.That(assignment.Status, Is.EqualTo(AssignmentStatus.Draft));
            Assert.That(assignment.WeightedScore, Is.Null);
            Assert.That(assignment.Reopenings.Single(), Is.EqualTo(new ReviewReopening("Budget comment missing", "manager", Now.AddDays(1), 100m)));
        });
    }

    [Test]
    public void A_submitted_review_cannot_be_taken_back_but_an_open_one_can()
    {
        var open = Pending();
        open.Remove(Now);
        var submitted = Declared();
        submitted.Submit(Terms, [new("relevance", 1, ""), new("budget", 0, "")], Recommendation.Reject, "Weak.", Now);

        Assert.Multiple(() =>
        {
            Assert.That(open.Status, Is.EqualTo(AssignmentStatus.Removed));
            Assert.That(() => submitted.Remove(Now), Throws.TypeOf<DomainException>().With.Message.EqualTo("A submitted review cannot be taken back; reopen it instead."));
            Assert.That(submitted.WeightedScore, Is.EqualTo(12m));
        });
    }

    [Test]
    public void Overdue_only_after_the_due_day_and_only_while_open()
    {
        var assignment = Pending();

        Assert.Multiple(() =>
        {
            Assert.That(assignment.IsOverdueOn(new DateOnly(2026, 3, 23)), Is.False);
            Assert.That(assignment.IsOverdueOn(new DateOnly(2026, 3, 24)), Is.True);
        });
        assignment.DeclareConflict(ConflictType.Other, "Former employee", Now);
        Assert.That(assignment.IsOverdueOn(new DateOnly(2026, 3, 24)), Is.False);
    }

    [Test]
    public void A_reviewed_application_goes_back_under_review_when_a_reviewer_is_added()
    {
        var application = GrantApplicationBuilder.AnApplication().In(ApplicationStatus.Eligible).Build();
        ReviewAssignment.Assign(application, Reviewer, "A", new DateOnly(2026, 3, 23), "m", Now);
        application.CompleteReview();

        ReviewAssignment.Assign(application, Guid.NewGuid(), "B", new DateOnly(2026, 3, 23), "m", Now);

        Assert.That(application.Status, Is.EqualTo(ApplicationStatus.UnderReview));
    }

    private static ReviewAssignment Pending() =>
        ReviewAssignment.Assign(GrantApplicationBuilder.AnApplication().In(ApplicationStatus.Eligible).Build(), Reviewer, "Amina Diallo", new DateOnly(2026, 3, 23), "manager", Now);

    private static ReviewAssignment Declared()
    {
        var assignment = Pending();
        assignment.DeclareNoConflict(Now);
        return assignment;
    }
}

public class ReviewSettingsTests
{
    [Test]
    public void A_closed_call_changes_its_review_settings_and_lists_the_changes()
    {
        var call = CallBuilder.ACall().In(CallStatus.Closed).Build();

        var changes = call.ChangeReviewSettings(3, 14, 20, 60, true, RankingBasis.Raw);

        Assert.Multiple(() =>
        {
            Assert.That(call.Terms.DisagreementThreshold, Is.EqualTo(20));
            Assert.That(call.Terms.MinimumScore, Is.EqualTo(60));
            Assert.That(call.Terms.RankBy, Is.EqualTo(RankingBasis.Raw));
            Assert.That(changes.Select(c => c.Term), Does.Contain(nameof(CallTerms.DisagreementThreshold)).And.Contain(nameof(CallTerms.RankBy)));
        });
    }

    [Test]
    public void Settings_off_their_range_are_refused_and_nothing_changes()
    {
        var call = CallBuilder.ACall().In(CallStatus.Closed).Build();

        Assert.Throws<RulesViolatedException>(() => call.ChangeReviewSettings(0, 14, 25, null, false, RankingBasis.Normalised));
        Assert.That(call.Terms.ReviewersPerApplication, Is.EqualTo(3));
    }

    [Test]
    public void A_draft_call_has_no_review_to_set()
    {
        var call = CallBuilder.ACall().Build();

        Assert.Throws<DomainException>(() => call.ChangeReviewSettings(3, 14, 25, null, false, RankingBasis.Normalised));
    }
}
