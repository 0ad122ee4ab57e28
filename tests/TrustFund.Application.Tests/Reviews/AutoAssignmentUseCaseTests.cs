using Microsoft.EntityFrameworkCore;
using TrustFund.Application.Audit;
using TrustFund.Application.Common;
using TrustFund.Application.Reviews;
using TrustFund.Application.Tests.Infrastructure;
using TrustFund.Domain.Calls;
using TrustFund.Domain.Reviews;

namespace TrustFund.Application.Tests.Reviews;

/// <summary>Auto-assignment of a call: preview, confirmation, too few reviewers, pinned conflicts and recusals.</summary>
[FixtureLifeCycle(LifeCycle.InstancePerTestCase)]
public sealed class AutoAssignmentUseCaseTests
{
    private SliceFixture _slice = null!;

    [SetUp]
    public async Task Start() => _slice = await SliceFixture.StartAsync();

    [TearDown]
    public async Task Stop() => await _slice.DisposeAsync();

    [Test]
    public async Task Confirm_EnoughReviewers_EachApplicationGetsTheCallsNumberOfDistinctReviewersAuditedAndOneEmailPerReviewer()
    {
        var (callId, applications) = await AssignmentData.CallWithEligibleAsync(_slice, "AUT", 4, t => t with { ReviewersPerApplication = 2 });
        var reviewers = new[] { await AssignmentData.ReviewerAsync(_slice, "Ana"), await AssignmentData.ReviewerAsync(_slice, "Ben"), await AssignmentData.ReviewerAsync(_slice, "Chloe"), await AssignmentData.ReviewerAsync(_slice, "Dev") };
        await AssignmentData.ManagerAsync(_slice);

        var preview = (await _slice.RunAsync(new PreviewAutoAssignment(callId))).Value;
        var done = await _slice.RunAsync(new ConfirmAutoAssignment(callId, preview.Fingerprint));

        var saved = await _slice.WithDbAsync(db => db.ReviewAssignments.AsNoTracking().ToListAsync());
        Assert.Multiple(async () =>
        {
            Assert.That(preview.Rows, Has.Count.EqualTo(4));
            Assert.That(preview.Shortfalls, Is.Empty);
            Assert.That(preview.ProposedCount, Is.EqualTo(8));
            // 8 assignments over 4 reviewers: 2 each.
            Assert.That((preview.MinimumLoadAfter, preview.MaximumLoadAfter), Is.EqualTo((2, 2)));
            Assert.That(done.Value, Is.EqualTo(new AutoAssignmentDone(8, 4, 0)));
            Assert.That(saved, Has.Count.EqualTo(8));
            Assert.That(saved.GroupBy(a => a.ApplicationId).Select(g => g.Select(a => a.ReviewerId).Distinct().Count()), Is.All.EqualTo(2));
            Assert.That(await _slice.WithDbAsync(db => db.AuditEntries.CountAsync(e => e.Action == AuditActions.ReviewersAutoAssigned)), Is.EqualTo(1));
            foreach (var reviewer in reviewers)
            {
                Assert.That(await _slice.WithDbAsync(db => db.OutboxMessages.Where(m => m.To == reviewer.Email).Select(m => m.Subject).ToListAsync()), Is.EqualTo(new[] { "2 new review assignments in call AUT" }));
            }

            Assert.That(applications, Has.Count.EqualTo(4));
        });
    }

    [Test]
    public async Task Confirm_TooFewReviewers_AssignsWhatItCanAndExplainsTheShortfallsWithoutFailing()
    {
        var (callId, _) = await AssignmentData.CallWithEligibleAsync(_slice, "FEW", 3);
        await AssignmentData.ReviewerAsync(_slice, "Only One");
        await AssignmentData.ManagerAsync(_slice);

        var preview = await _slice.RunAsync(new PreviewAutoAssignment(callId));
        var done = await _slice.RunAsync(new ConfirmAutoAssignment(callId, preview.Value.Fingerprint));

        Assert.Multiple(async () =>
        {
            Assert.That(preview.Succeeded, Is.True);
            Assert.That(preview.Value.Shortfalls, Has.Count.EqualTo(3));
            Assert.That(preview.Value.Shortfalls.Select(s => (s.Needed, s.Found)), Is.All.EqualTo((3, 1)));
            Assert.That(preview.Value.Shortfalls.Select(s => (s.Causes.Pool, s.Causes.AnyExcluded)), Is.All.EqualTo((1, false)), "the pool of one reviewer is too small");
            Assert.That(done.Value, Is.EqualTo(new AutoAssignmentDone(3, 1, 3)));
            Assert.That(await _slice.WithDbAsync(db => db.ReviewAssignments.CountAsync()), Is.EqualTo(3));
        });
    }

    [Test]
    public async Task Preview_NoReviewersAtAll_ExplainsEveryApplication()
    {
        var (callId, _) = await AssignmentData.CallWithEligibleAsync(_slice, "NON", 2);
        await AssignmentData.ManagerAsync(_slice);

        var preview = await _slice.RunAsync(new PreviewAutoAssignment(callId));
        var done = await _slice.RunAsync(new ConfirmAutoAssignment(callId, preview.Value.Fingerprint));

        Assert.That(preview.Value.Shortfalls.Select(s => s.Found), Is.EqualTo(new[] { 0, 0 }));
        Assert.That(done.Value, Is.EqualTo(new AutoAssignmentDone(0, 0, 2)));
    }

    [Test]
    public async Task Preview_PinnedConflictAndMember_AreNeverProposed()
    {
        var (callId, applications) = await AssignmentData.CallWithEligibleAsync(_slice, "NVR", 1);
        var pinned = await AssignmentData.ReviewerAsync(_slice, "Pinned Person");
        var member = await AssignmentData.ReviewerAsync(_slice, "Member Person", applications[0].OrganisationId);
        await AssignmentData.ReviewerAsync(_slice, "Free Person");
        await AssignmentData.ManagerAsync(_slice);
        Assert.That((await _slice.RunAsync(new PinConflict(applications[0].Id, pinned.Id, "Paid consultant of this organisation."))).Succeeded, Is.True);

        var preview = (await _slice.RunAsync(new PreviewAutoAssignment(callId))).Value;

        Assert.Multiple(() =>
        {
            Assert.That(preview.Rows.Single().Reviewers, Is.EqualTo(new[] { "Free Person" }));
            Assert.That(preview.Shortfalls.Single().Causes with { Language = null }, Is.EqualTo(new ShortfallCauses(Pool: 3, AlreadyAssigned: 0, Members: 1, Conflicts: 1, ProbableConflicts: 0, OtherLanguage: 0, Language: null, AtMaximumLoad: 0)), "of the 3 reviewers, 1 is a member and 1 has a conflict");
            Assert.That(member.Id, Is.Not.EqualTo(pinned.Id));
        });
    }

    [Test]
    public async Task Preview_ReviewerWhoDoesNotReadTheLanguage_IsNotProposed()
    {
        var (callId, _) = await AssignmentData.CallWithEligibleAsync(_slice, "LNG", 1, t => t with { ReviewersPerApplication = 1, AcceptedLanguages = [ProposalLanguage.English, ProposalLanguage.French, ProposalLanguage.Spanish] }, language: ProposalLanguage.Spanish);
        await AssignmentData.ReviewerAsync(_slice, "Reads English", null, ProposalLanguage.English);
        await AssignmentData.ReviewerAsync(_slice, "Lee Espanol", null, ProposalLanguage.Spanish);
        await AssignmentData.ManagerAsync(_slice);

        var preview = (await _slice.RunAsync(new PreviewAutoAssignment(callId))).Value;

        Assert.That(preview.Rows.Single().Reviewers, Is.EqualTo(new[] { "Lee Espanol" }));
    }

    [Test]
    public async Task Recusal_ThenAutoAssignment_FillsTheGapWithADifferentReviewer()
    {
        var (callId, applications) = await AssignmentData.CallWithEligibleAsync(_slice, "GAP", 1, t => t with { ReviewersPerApplication = 2 });
        var ana = await AssignmentData.ReviewerAsync(_slice, "Ana");
        var ben = await AssignmentData.ReviewerAsync(_slice, "Ben");
        var zoe = await AssignmentData.ReviewerAsync(_slice, "Zoe");
        await AssignmentData.ManagerAsync(_slice);
        var first = (await _slice.RunAsync(new PreviewAutoAssignment(callId))).Value;
        Assert.That((await _slice.RunAsync(new ConfirmAutoAssignment(callId, first.Fingerprint))).Succeeded, Is.True);
        var assigned = await _slice.WithDbAsync(db => db.ReviewAssignments.Select(a => a.ReviewerId).ToListAsync());
        Assert.That(assigned, Is.EquivalentTo(new[] { ana.Id, ben.Id }), "ties go by name");

        await AssignmentData.DeclareConflictAsync(_slice, applications[0].Id, ana.Id);
        var second = (await _slice.RunAsync(new PreviewAutoAssignment(callId))).Value;
        var done = await _slice.RunAsync(new ConfirmAutoAssignment(callId, second.Fingerprint));

        var active = await _slice.WithDbAsync(db => db.ReviewAssignments.Where(a => a.Status != AssignmentStatus.Recused).Select(a => a.ReviewerId).ToListAsync());
        Assert.Multiple(() =>
        {
            Assert.That(second.Rows.Single().Needed, Is.EqualTo(1));
            Assert.That(second.Rows.Single().Reviewers, Is.EqualTo(new[] { "Zoe" }));
            Assert.That(done.Value.Assignments, Is.EqualTo(1));
            Assert.That(active, Is.EquivalentTo(new[] { ben.Id, zoe.Id }));
        });
    }

    [Test]
    public async Task Confirm_PlanChangedSincePreview_IsRefusedAndNothingSaved()
    {
        var (callId, applications) = await AssignmentData.CallWithEligibleAsync(_slice, "CHG", 1, t => t with { ReviewersPerApplication = 1 });
        var ana = await AssignmentData.ReviewerAsync(_slice, "Ana");
        await AssignmentData.ReviewerAsync(_slice, "Ben");
        await AssignmentData.ManagerAsync(_slice);
        var preview = (await _slice.RunAsync(new PreviewAutoAssignment(callId))).Value;
        Assert.That((await _slice.RunAsync(new PinConflict(applications[0].Id, ana.Id, "Conflict found meanwhile."))).Succeeded, Is.True);

        var outcome = await _slice.RunAsync(new ConfirmAutoAssignment(callId, preview.Fingerprint));
        var forged = await _slice.RunAsync(new ConfirmAutoAssignment(callId, null));

        Assert.Multiple(async () =>
        {
            Assert.That(outcome.Problems.Single().Message, Is.EqualTo(ConfirmAutoAssignment.PlanChanged));
            Assert.That(forged.Kind, Is.EqualTo(OutcomeKind.Refused));
            Assert.That(await _slice.WithDbAsync(db => db.ReviewAssignments.CountAsync()), Is.Zero);
        });
    }
}
