using Microsoft.EntityFrameworkCore;
using TrustFund.Application.Audit;
using TrustFund.Application.Common;
using TrustFund.Application.Reviews;
using TrustFund.Application.Tests.Infrastructure;
using TrustFund.Domain.Reviews;

namespace TrustFund.Application.Tests.Reviews;

/// <summary>Overdue reminders, the conflicts log and a call's review settings.</summary>
[FixtureLifeCycle(LifeCycle.InstancePerTestCase)]
public sealed class ReviewRemindersAndSettingsTests
{
    private SliceFixture _slice = null!;

    [SetUp]
    public async Task Start() => _slice = await SliceFixture.StartAsync();

    [TearDown]
    public async Task Stop() => await _slice.DisposeAsync();

    [Test]
    public async Task SendReviewReminders_OverdueAssignment_RemindedOnceNotAgainNextDayAgainAfterThreeDays()
    {
        var (_, applications) = await AssignmentData.CallWithEligibleAsync(_slice, "REM", 2);
        var reviewer = await AssignmentData.ReviewerAsync(_slice, "Late Reviewer");
        await AssignmentData.ManagerAsync(_slice);
        Assert.That((await _slice.RunAsync(new AssignReviewer(applications[0].Id, reviewer.Id, new DateOnly(2026, 3, 5)))).Succeeded, Is.True);
        Assert.That((await _slice.RunAsync(new AssignReviewer(applications[1].Id, reviewer.Id, new DateOnly(2026, 4, 30)))).Succeeded, Is.True);
        async Task<int> Reminders() => await _slice.WithDbAsync(db => db.OutboxMessages.CountAsync(m => m.To == reviewer.Email && m.Subject.StartsWith("Reminder")));

        var beforeDue = await _slice.RunAsync(new SendReviewReminders());
        _slice.Clock.Advance(TimeSpan.FromDays(4)); // 6 March: the first is overdue.
        var first = await _slice.RunAsync(new SendReviewReminders());
        _slice.Clock.Advance(TimeSpan.FromDays(1));
        var nextDay = await _slice.RunAsync(new SendReviewReminders());
        var afterNextDay = await Reminders();
        _slice.Clock.Advance(TimeSpan.FromDays(2));
        var third = await _slice.RunAsync(new SendReviewReminders());

        Assert.Multiple(async () =>
        {
            Assert.That(beforeDue.Value, Is.EqualTo(new RemindersSent(0, 0)));
            Assert.That(first.Value, Is.EqualTo(new RemindersSent(1, 1)));
            Assert.That(nextDay.Value, Is.EqualTo(new RemindersSent(0, 0)));
            Assert.That(afterNextDay, Is.EqualTo(1));
            Assert.That(third.Value, Is.EqualTo(new RemindersSent(1, 1)));
            Assert.That(await Reminders(), Is.EqualTo(2));
            Assert.That(await _slice.WithDbAsync(db => db.OutboxMessages.Where(m => m.Subject.StartsWith("Reminder")).Select(m => m.TextBody).FirstAsync()), Does.Contain("REM-2026-001: due 5 March 2026").And.Not.Contain("REM-2026-002"));
            Assert.That(await _slice.WithDbAsync(db => db.AuditEntries.CountAsync(e => e.Action == AuditActions.ReviewReminderSent)), Is.EqualTo(2));
        });
    }

    [Test]
    public async Task ShowConflictsLog_DeclaredConflictAndRulings_AreListed()
    {
        var (callId, applications) = await AssignmentData.CallWithEligibleAsync(_slice, "LOG", 2);
        var declaring = await AssignmentData.ReviewerAsync(_slice, "Declaring Reviewer");
        var pinned = await AssignmentData.ReviewerAsync(_slice, "Pinned Reviewer");
        await AssignmentData.ManagerAsync(_slice);
        Assert.That((await _slice.RunAsync(new AssignReviewer(applications[0].Id, declaring.Id, null))).Succeeded, Is.True);
        await AssignmentData.DeclareConflictAsync(_slice, applications[0].Id, declaring.Id);
        Assert.That((await _slice.RunAsync(new PinConflict(applications[1].Id, pinned.Id, "Sits on its board."))).Succeeded, Is.True);

        var log = (await _slice.RunAsync(new ShowConflictsLog(callId))).Value;

        Assert.Multiple(() =>
        {
            var declared = log.Declared.Single();
            Assert.That((declared.ReviewerName, declared.Reference, declared.OrganisationName, declared.Type, declared.Note), Is.EqualTo(("Declaring Reviewer", "LOG-2026-001", "LOG Partners 1", (ConflictType?)ConflictType.Personal, "My cousin leads this organisation.")));
            var ruling = log.Rulings.Single();
            Assert.That((ruling.ReviewerName, ruling.OrganisationName, ruling.Kind, ruling.Reason), Is.EqualTo(("Pinned Reviewer", "LOG Partners 2", ConflictRulingKind.Pinned, "Sits on its board.")));
        });
    }

    [Test]
    public async Task ChangeReviewSettings_ValidAndStale_SavesAuditsAndRefusesTheStaleEdit()
    {
        var (callId, _) = await AssignmentData.CallWithEligibleAsync(_slice, "SET", 1);
        await AssignmentData.ManagerAsync(_slice);
        var version = await _slice.WithDbAsync(db => db.Calls.Where(c => c.Id == callId).Select(c => c.Version).SingleAsync());

        var changed = await _slice.RunAsync(new ChangeReviewSettings(callId, version, 2, 14, 30, 60, true, RankingBasis.Raw));
        var stale = await _slice.RunAsync(new ChangeReviewSettings(callId, version, 4, 14, 30, 60, true, RankingBasis.Raw));
        var fresh = await _slice.WithDbAsync(db => db.Calls.Where(c => c.Id == callId).Select(c => new { c.Version, c.Terms }).SingleAsync());
        var invalid = await _slice.RunAsync(new ChangeReviewSettings(callId, fresh.Version, 0, 14, 30, 101, true, RankingBasis.Raw));

        Assert.Multiple(async () =>
        {
            Assert.That(changed.Value, Is.EqualTo(6));
            Assert.That((fresh.Terms.ReviewersPerApplication, fresh.Terms.ReviewDays, fresh.Terms.DisagreementThreshold, fresh.Terms.MinimumScore, fresh.Terms.ReviewersSeeOtherReviews, fresh.Terms.RankBy), Is.EqualTo((2, 14, 30, (int?)60, true, RankingBasis.Raw)));
            Assert.That(stale.Kind, Is.EqualTo(OutcomeKind.Stale));
            Assert.That(invalid.Problems.Select(p => p.Field), Is.EquivalentTo(new[] { "ReviewersPerApplication", "MinimumScore" }));
            Assert.That(await _slice.WithDbAsync(db => db.AuditEntries.CountAsync(e => e.Action == AuditActions.CallReviewSettingsChanged)), Is.EqualTo(1));
        });
    }
}
