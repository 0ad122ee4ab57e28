using Microsoft.EntityFrameworkCore;
using TrustFund.Application.Accounts;
using TrustFund.Application.Audit;
using TrustFund.Application.Common;
using TrustFund.Application.Reviews;
using TrustFund.Application.Tests.Infrastructure;
using TrustFund.Domain.Calls;

namespace TrustFund.Application.Tests.Reviews;

/// <summary>Reviewer profiles: a reviewer edits their own, a fund manager anyone's, nobody else anything.</summary>
[FixtureLifeCycle(LifeCycle.InstancePerTestCase)]
public sealed class ReviewerProfileUseCaseTests
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
    public async Task ShowReviewerProfile_NeverSaved_ShowsWhatAutoAssignmentAssumes_EnglishFrenchAndLoad40_AndNoVersion()
    {
        var view = (await _slice.RunAsync(new ShowReviewerProfile())).Value;

        Assert.Multiple(() =>
        {
            Assert.That(view.ReviewerId, Is.EqualTo(_reviewer.Id));
            Assert.That(view.ReviewerName, Is.EqualTo("Amina Diallo"));
            Assert.That(view.Version, Is.Null);
            Assert.That(view.MaximumLoad, Is.EqualTo(40));
            Assert.That(view.Languages, Is.EqualTo(new[] { ProposalLanguage.English, ProposalLanguage.French }));
        });
    }

    [Test]
    public async Task SaveReviewerProfile_OwnProfile_IsSavedAndAudited_ThenChangedWithItsVersion()
    {
        var first = await _slice.RunAsync(new SaveReviewerProfile(null, null, [ProposalLanguage.French, ProposalLanguage.English], ["002", "566"], [ExploitationForm.ForcedLabour], 12));
        var shown = (await _slice.RunAsync(new ShowReviewerProfile())).Value;
        var second = await _slice.RunAsync(new SaveReviewerProfile(null, shown.Version, [ProposalLanguage.Arabic], [], [], 5));

        var saved = (await _slice.RunAsync(new ShowReviewerProfile())).Value;
        await Assert.MultipleAsync(async () =>
        {
            Assert.That(first.Succeeded && second.Succeeded, Is.True);
            Assert.That(shown.Languages, Is.EqualTo(new[] { ProposalLanguage.English, ProposalLanguage.French }));
            Assert.That(shown.Regions, Is.EqualTo(new[] { "002", "566" }));
            Assert.That(shown.MaximumLoad, Is.EqualTo(12));
            Assert.That(saved.Languages, Is.EqualTo(new[] { ProposalLanguage.Arabic }));
            Assert.That(saved.MaximumLoad, Is.EqualTo(5));
            Assert.That(await _slice.WithDbAsync(db => db.AuditEntries.CountAsync(e => e.Action == AuditActions.ReviewerProfileChanged && e.EntityId == _reviewer.Id.ToString())), Is.EqualTo(2));
        });
    }

    [Test]
    public async Task SaveReviewerProfile_StaleVersion_IsRefusedAndTheNewerProfileKept()
    {
        await _slice.RunAsync(new SaveReviewerProfile(null, null, [ProposalLanguage.English], [], [], 10));
        var shown = (await _slice.RunAsync(new ShowReviewerProfile())).Value;
        await _slice.RunAsync(new SaveReviewerProfile(null, shown.Version, [ProposalLanguage.Spanish], [], [], 10));

        var stale = await _slice.RunAsync(new SaveReviewerProfile(null, shown.Version, [ProposalLanguage.Russian], [], [], 3));
        var createdTwice = await _slice.RunAsync(new SaveReviewerProfile(null, null, [ProposalLanguage.Russian], [], [], 3));

        Assert.That(stale.Kind, Is.EqualTo(OutcomeKind.Stale));
        Assert.That(createdTwice.Kind, Is.EqualTo(OutcomeKind.Stale));
        Assert.That((await _slice.RunAsync(new ShowReviewerProfile())).Value.Languages, Is.EqualTo(new[] { ProposalLanguage.Spanish }));
    }

    [Test]
    public async Task SaveReviewerProfile_BadInput_IsRefusedWithClearMessages()
    {
        var outcome = await _slice.RunAsync(new SaveReviewerProfile(null, null, [], ["XYZ"], [(ExploitationForm)99], 0));

        Assert.That(outcome.Problems.Select(p => p.Text.ToString()), Is.EquivalentTo(new[]
        {
            "Choose at least one language the reviewer reads.",
            "Choose regions and countries from the list.",
            "That is not a form of exploitation the fund knows.",
            "The maximum load must be a whole number from 1 to 500.",
        }));
        Assert.That(await _slice.WithDbAsync(db => db.ReviewerProfiles.CountAsync()), Is.Zero);
    }

    [Test]
    public async Task SaveReviewerProfile_FundManagerForAReviewer_IsSaved_ButAnotherReviewerAndNonReviewersAreNotFound()
    {
        var applicant = await _slice.SignInAsNewUserAsync("applicant@example.org", Roles.Applicant);
        var other = await _slice.SignInAsNewUserAsync("other@reviewers.example.org", Roles.Reviewer);
        var byOtherReviewer = await _slice.RunAsync(new SaveReviewerProfile(_reviewer.Id, null, [ProposalLanguage.English], [], [], 3));
        var shownToOtherReviewer = await _slice.RunAsync(new ShowReviewerProfile(_reviewer.Id));
        await _slice.SignInAsNewUserAsync("manager@trustfund.test", Roles.FundManager);

        var byManager = await _slice.RunAsync(new SaveReviewerProfile(_reviewer.Id, null, [ProposalLanguage.Chinese], ["142"], [], 7));
        var forApplicant = await _slice.RunAsync(new SaveReviewerProfile(applicant.Id, null, [ProposalLanguage.English], [], [], 3));
        var ownAsManager = await _slice.RunAsync(new ShowReviewerProfile());

        await Assert.MultipleAsync(async () =>
        {
            Assert.That(byOtherReviewer.Kind, Is.EqualTo(OutcomeKind.NotFound));
            Assert.That(shownToOtherReviewer.Kind, Is.EqualTo(OutcomeKind.NotFound));
            Assert.That(byManager.Succeeded, Is.True);
            Assert.That(forApplicant.Kind, Is.EqualTo(OutcomeKind.NotFound), "not a reviewer");
            Assert.That(ownAsManager.Kind, Is.EqualTo(OutcomeKind.NotFound), "a fund manager has no reviewer profile");
            Assert.That(await _slice.WithDbAsync(db => db.ReviewerProfiles.Select(p => p.Id).ToListAsync()), Is.EqualTo(new[] { _reviewer.Id }));
            Assert.That(await _slice.WithDbAsync(db => db.ReviewerProfiles.Select(p => p.LastChangedBy).SingleAsync()), Is.EqualTo("manager@trustfund.test"));
        });
        Assert.That(other.Id, Is.Not.EqualTo(_reviewer.Id));
    }
}
