using TrustFund.Application.Accounts;
using TrustFund.Application.Reviews;
using TrustFund.Application.Tests.Infrastructure;
using TrustFund.Domain.Applications;
using TrustFund.Domain.Reviews;

namespace TrustFund.Application.Tests.Reviews;

/// <summary>The kept ranking follows every change that alters it: it is never shown as it was before a save.</summary>
[FixtureLifeCycle(LifeCycle.InstancePerTestCase)]
public sealed class RankingReaderTests
{
    private SliceFixture _slice = null!;

    [SetUp]
    public async Task Start() => _slice = await SliceFixture.StartAsync();

    [TearDown]
    public async Task Stop() => await _slice.DisposeAsync();

    [Test]
    public async Task A_submitted_review_shows_in_the_ranking_read_right_after_it()
    {
        var reviewer = await _slice.SignInAsNewUserAsync("rank.reviewer@trustfund.test", Roles.Reviewer, name: "Lina Haddad");
        var application = await ReviewData.EligibleAsync(_slice, "RK", reviewersPerApplication: 1);
        var assignment = await ReviewData.AssignAsync(_slice, application.Id, reviewer.Id, reviewer.DisplayName);

        await _slice.SignInAsNewUserAsync("rank.manager@trustfund.test", Roles.FundManager);
        var before = (await _slice.RunAsync(new ShowRanking(application.CallId))).Value.Lines.Single();

        _slice.Actor.SignIn(reviewer, Roles.Reviewer);
        Assert.That((await _slice.RunAsync(new DeclareNoConflict(assignment, (await ReviewData.ReadAsync(_slice, assignment)).Version))).Succeeded, Is.True);
        Assert.That((await _slice.RunAsync(new SaveReview(assignment, (await ReviewData.ReadAsync(_slice, assignment)).Version, ReviewData.Scores(4), Recommendation.Fund, "Sound and safe.", Submit: true))).Succeeded, Is.True);

        await _slice.SignInAsNewUserAsync("rank.manager2@trustfund.test", Roles.FundManager);
        var after = (await _slice.RunAsync(new ShowRanking(application.CallId))).Value;

        Assert.Multiple(() =>
        {
            Assert.That(before.Rank, Is.Null);
            Assert.That(before.ReviewsOpen, Is.EqualTo(1));
            var line = after.Lines.Single();
            Assert.That(line.Rank, Is.EqualTo(1));
            Assert.That(line.Raw!.Mean, Is.EqualTo(80m));
            Assert.That(line.ReviewsComplete, Is.True);
            Assert.That(line.Status, Is.EqualTo(ApplicationStatus.Reviewed));
            Assert.That(after.Ranking.Call.RubricLockedAtUtc, Is.Not.Null);
        });
    }
}
