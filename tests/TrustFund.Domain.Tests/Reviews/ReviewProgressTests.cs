using TrustFund.Domain.Applications;
using TrustFund.Domain.Calls;
using TrustFund.Domain.Reviews;
using TrustFund.Domain.Tests.Builders;

namespace TrustFund.Domain.Tests.Reviews;

public class ReviewProgressTests
{
    private static readonly DateTime Now = CallBuilder.Now;

    private static CallTerms Terms => CallBuilder.ValidTerms() with
    {
        Rubric = [new("relevance", "Relevance", 60), new("budget", "Budget realism", 40)],
    };

    [Test]
    public void Two_of_three_reviews_in_leave_the_application_under_review()
    {
        var application = GrantApplicationBuilder.AnApplication().In(ApplicationStatus.Eligible).Build();
        var assignments = new[] { Submitted(application), Submitted(application), Pending(application) };

        var changed = ReviewProgress.Settle(application, assignments, 3);

        Assert.Multiple(() =>
        {
            Assert.That(changed, Is.False);
            Assert.That(application.Status, Is.EqualTo(ApplicationStatus.UnderReview));
        });
    }

    [Test]
    public void The_third_submitted_review_with_nothing_open_completes_the_review()
    {
        var application = GrantApplicationBuilder.AnApplication().In(ApplicationStatus.Eligible).Build();
        var recused = Pending(application);
        recused.DeclareConflict(ConflictType.Personal, "My cousin chairs its board.", Now);
        var assignments = new[] { Submitted(application), Submitted(application), Submitted(application), recused };

        var changed = ReviewProgress.Settle(application, assignments, 3);

        Assert.Multiple(() =>
        {
            Assert.That(changed, Is.True);
            Assert.That(application.Status, Is.EqualTo(ApplicationStatus.Reviewed));
        });
    }

    [Test]
    public void A_reopened_review_puts_a_reviewed_application_back_under_review()
    {
        var application = GrantApplicationBuilder.AnApplication().In(ApplicationStatus.Eligible).Build();
        var first = Submitted(application);
        var assignments = new[] { first, Submitted(application) };
        ReviewProgress.Settle(application, assignments, 2);
        Assert.That(application.Status, Is.EqualTo(ApplicationStatus.Reviewed));

        first.Reopen("The budget score ignores the revised budget.", "manager", Now);
        var changed = ReviewProgress.Settle(application, assignments, 2);

        Assert.Multiple(() =>
        {
            Assert.That(changed, Is.True);
            Assert.That(application.Status, Is.EqualTo(ApplicationStatus.UnderReview));
        });
    }

    [Test]
    public void Applications_outside_review_are_left_alone()
    {
        var application = GrantApplicationBuilder.AnApplication().In(ApplicationStatus.Eligible).Build();

        var changed = ReviewProgress.Settle(application, [], 3);

        Assert.Multiple(() =>
        {
            Assert.That(changed, Is.False);
            Assert.That(application.Status, Is.EqualTo(ApplicationStatus.Eligible));
        });
    }

    private static ReviewAssignment Pending(GrantApplication application) =>
        ReviewAssignment.Assign(application, Guid.NewGuid(), "Reviewer", new DateOnly(2026, 3, 23), "manager", Now);

    private static ReviewAssignment Submitted(GrantApplication application)
    {
        var assignment = Pending(application);
        assignment.DeclareNoConflict(Now);
        assignment.Submit(Terms, [new("relevance", 4, "Clear."), new("budget", 3, "Tight.")], Recommendation.Fund, "Sound project.", Now);
        return assignment;
    }
}
