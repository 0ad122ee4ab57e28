using Microsoft.EntityFrameworkCore;
using TrustFund.Application.Accounts;
using TrustFund.Application.Tests.Infrastructure;
using TrustFund.Application.Tests.Screenings;
using TrustFund.Domain.Applications;
using TrustFund.Domain.Calls;
using TrustFund.Domain.Reviews;

namespace TrustFund.Application.Tests.Reviews;

/// <summary>Reviewer profiles, assignments with their reviews, and conflict rulings survive a save and a fresh read.</summary>
[FixtureLifeCycle(LifeCycle.InstancePerTestCase)]
public sealed class ReviewPersistenceTests
{
    private SliceFixture _slice = null!;

    [SetUp]
    public async Task Start() => _slice = await SliceFixture.StartAsync();

    [TearDown]
    public async Task Stop() => await _slice.DisposeAsync();

    [Test]
    public async Task A_submitted_review_and_a_reviewer_profile_read_back_as_saved()
    {
        var reviewer = await _slice.SignInAsNewUserAsync("reviewer@trustfund.test", Roles.Reviewer, name: "Amina Diallo");
        var application = await EligibleAsync("REV");
        var now = _slice.Now;
        var terms = await _slice.WithDbAsync(db => db.Calls.Where(c => c.Id == application.CallId).Select(c => c.Terms).SingleAsync());

        var assignmentId = await _slice.WithDbAsync(async db =>
        {
            var tracked = await db.Applications.SingleAsync(a => a.Id == application.Id);
            var assignment = ReviewAssignment.Assign(tracked, reviewer.Id, reviewer.DisplayName, new DateOnly(2026, 12, 31), "manager", now);
            assignment.DeclareNoConflict(now);
            var scores = terms.Rubric.Select(c => new CriterionScore(c.Key, 4, $"Comment on {c.Name}")).ToArray();
            assignment.Submit(terms, scores, Recommendation.Fund, "Strong, victim-centred project.", now);
            db.ReviewAssignments.Add(assignment);
            db.ReviewerProfiles.Add(ReviewerProfile.For(reviewer.Id, [ProposalLanguage.Arabic, ProposalLanguage.English], ["002", "NGA"], [ExploitationForm.ForcedLabour], 12, "manager", now));
            await db.SaveChangesAsync();
            return assignment.Id;
        });

        var saved = await _slice.WithDbAsync(db => db.ReviewAssignments.AsNoTracking().SingleAsync(a => a.Id == assignmentId));
        var profile = await _slice.WithDbAsync(db => db.ReviewerProfiles.AsNoTracking().SingleAsync(p => p.Id == reviewer.Id));
        var status = await _slice.WithDbAsync(db => db.Applications.Where(a => a.Id == application.Id).Select(a => a.Status).SingleAsync());
        Assert.Multiple(() =>
        {
            Assert.That(saved.Status, Is.EqualTo(AssignmentStatus.Submitted));
            Assert.That(saved.WeightedScore, Is.EqualTo(80m));
            Assert.That(saved.Scores, Has.Count.EqualTo(terms.Rubric.Count));
            Assert.That(saved.Scores[0].Comment, Is.EqualTo($"Comment on {terms.Rubric[0].Name}"));
            Assert.That(saved.Recommendation, Is.EqualTo(Recommendation.Fund));
            Assert.That(profile.Languages, Is.EqualTo(new[] { ProposalLanguage.English, ProposalLanguage.Arabic }));
            Assert.That(profile.Regions, Is.EqualTo(new[] { "002", "NGA" }));
            Assert.That(profile.MaximumLoad, Is.EqualTo(12));
            Assert.That(status, Is.EqualTo(ApplicationStatus.UnderReview));
        });
    }

    [Test]
    public async Task A_second_assignment_of_the_same_reviewer_to_an_application_is_refused_by_the_database()
    {
        var reviewer = await _slice.SignInAsNewUserAsync("twice@trustfund.test", Roles.Reviewer, name: "Li Wei");
        var application = await EligibleAsync("TWC");
        var now = _slice.Now;
        await _slice.WithDbAsync(async db =>
        {
            var tracked = await db.Applications.SingleAsync(a => a.Id == application.Id);
            db.ReviewAssignments.Add(ReviewAssignment.Assign(tracked, reviewer.Id, "Li Wei", new DateOnly(2026, 12, 31), "m", now));
            return await db.SaveChangesAsync();
        });

        var second = _slice.WithDbAsync(async db =>
        {
            var tracked = await db.Applications.SingleAsync(a => a.Id == application.Id);
            db.ReviewAssignments.Add(ReviewAssignment.Assign(tracked, reviewer.Id, "Li Wei", new DateOnly(2026, 12, 31), "m", now));
            return await db.SaveChangesAsync();
        });

        Assert.That(async () => await second, Throws.InstanceOf<DbUpdateException>());
        Assert.That(await _slice.WithDbAsync(db => db.ReviewAssignments.CountAsync()), Is.EqualTo(1));
    }

    private Task<GrantApplication> EligibleAsync(string code) => ReviewData.EligibleAsync(_slice, code);
}
