using Microsoft.EntityFrameworkCore;
using TrustFund.Application.Audit;
using TrustFund.Application.Common;
using TrustFund.Application.Reviews;
using TrustFund.Application.Tests.Infrastructure;
using TrustFund.Domain.Applications;
using TrustFund.Domain.Organisations;
using TrustFund.Domain.Reviews;

namespace TrustFund.Application.Tests.Reviews;

/// <summary>A fund manager assigns reviewers by hand: members, conflicts and probable conflicts are refused with the reason.</summary>
[FixtureLifeCycle(LifeCycle.InstancePerTestCase)]
public sealed class AssignmentUseCaseTests
{
    private SliceFixture _slice = null!;

    [SetUp]
    public async Task Start() => _slice = await SliceFixture.StartAsync();

    [TearDown]
    public async Task Stop() => await _slice.DisposeAsync();

    [Test]
    public async Task AssignReviewer_ReviewerWithoutConflict_AssignsPutsUnderReviewAuditsAndEmails()
    {
        var (_, applications) = await AssignmentData.CallWithEligibleAsync(_slice, "ASG", 1);
        var reviewer = await AssignmentData.ReviewerAsync(_slice, "Amina Diallo");
        await AssignmentData.ManagerAsync(_slice);

        var outcome = await _slice.RunAsync(new AssignReviewer(applications[0].Id, reviewer.Id, null));

        Assert.That(outcome.Succeeded, Is.True, string.Join(" ", outcome.Problems.Select(p => p.Message)));
        var assignment = await _slice.WithDbAsync(db => db.ReviewAssignments.SingleAsync());
        Assert.Multiple(async () =>
        {
            Assert.That(assignment.ReviewerId, Is.EqualTo(reviewer.Id));
            Assert.That(assignment.Status, Is.EqualTo(AssignmentStatus.Pending));
            // 2 March 2026 plus the call's default 21 days.
            Assert.That(assignment.DueOn, Is.EqualTo(new DateOnly(2026, 3, 23)));
            Assert.That(await _slice.WithDbAsync(db => db.Applications.Where(a => a.Id == applications[0].Id).Select(a => a.Status).SingleAsync()), Is.EqualTo(ApplicationStatus.UnderReview));
            Assert.That(await _slice.WithDbAsync(db => db.AuditEntries.CountAsync(e => e.Action == AuditActions.ReviewerAssigned && e.EntityId == assignment.Id.ToString())), Is.EqualTo(1));
            Assert.That(await _slice.WithDbAsync(db => db.OutboxMessages.Where(m => m.To == reviewer.Email).Select(m => m.TextBody).SingleAsync()), Does.Contain("declare whether you have a conflict of interest"));
        });
    }

    [Test]
    public async Task AssignReviewer_MemberOfTheApplicantOrganisation_IsRefusedAndNothingSaved()
    {
        var (_, applications) = await AssignmentData.CallWithEligibleAsync(_slice, "MEM", 1);
        var member = await AssignmentData.ReviewerAsync(_slice, "Grace Okafor", applications[0].OrganisationId);
        await AssignmentData.ManagerAsync(_slice);

        var outcome = await _slice.RunAsync(new AssignReviewer(applications[0].Id, member.Id, null));

        Assert.Multiple(async () =>
        {
            Assert.That(outcome.Kind, Is.EqualTo(OutcomeKind.Refused));
            Assert.That(outcome.Problems.Single().Message, Is.EqualTo("{0} is a member of {1} and can never review its applications."));
            Assert.That(outcome.Problems.Single().Arguments, Is.EqualTo(new object?[] { "Grace Okafor", "MEM Partners 1" }));
            Assert.That(await _slice.WithDbAsync(db => db.ReviewAssignments.CountAsync()), Is.Zero);
            Assert.That(await _slice.WithDbAsync(db => db.Applications.Where(a => a.Id == applications[0].Id).Select(a => a.Status).SingleAsync()), Is.EqualTo(ApplicationStatus.Eligible));
        });
    }

    [Test]
    public async Task AssignReviewer_PinnedConflict_IsRefused()
    {
        var (_, applications) = await AssignmentData.CallWithEligibleAsync(_slice, "PIN", 1);
        var reviewer = await AssignmentData.ReviewerAsync(_slice, "Li Wei");
        await AssignmentData.ManagerAsync(_slice);
        var pinned = await _slice.RunAsync(new PinConflict(applications[0].Id, reviewer.Id, "Former board member of this organisation."));
        Assert.That(pinned.Succeeded, Is.True);

        var outcome = await _slice.RunAsync(new AssignReviewer(applications[0].Id, reviewer.Id, null));

        Assert.Multiple(async () =>
        {
            Assert.That(outcome.Problems.Single().Message, Is.EqualTo("{0} has a conflict of interest with {1} and cannot review its applications."));
            Assert.That(await _slice.WithDbAsync(db => db.ReviewAssignments.CountAsync()), Is.Zero);
            Assert.That(await _slice.WithDbAsync(db => db.AuditEntries.CountAsync(e => e.Action == AuditActions.ReviewConflictPinned)), Is.EqualTo(1));
        });
    }

    [Test]
    public async Task PinConflict_ReviewerWithAnOpenAssignment_EndsItAndTheApplicationsOfTheOrganisationAreClosedToThem()
    {
        var (_, applications) = await AssignmentData.CallWithEligibleAsync(_slice, "PNO", 1);
        var reviewer = await AssignmentData.ReviewerAsync(_slice, "Li Wei");
        await AssignmentData.ManagerAsync(_slice);
        Assert.That((await _slice.RunAsync(new AssignReviewer(applications[0].Id, reviewer.Id, null))).Succeeded, Is.True);

        var outcome = await _slice.RunAsync(new PinConflict(applications[0].Id, reviewer.Id, "Works for the organisation's main donor."));

        Assert.Multiple(async () =>
        {
            Assert.That(outcome.Value, Is.EqualTo(1));
            Assert.That(await _slice.WithDbAsync(db => db.ReviewAssignments.Select(a => a.Status).SingleAsync()), Is.EqualTo(AssignmentStatus.Removed));
        });
    }

    [Test]
    public async Task AssignReviewer_ReviewerWhoRecusedFromAnotherApplicationOfTheOrganisation_IsRefusedAsConflicted()
    {
        var (callId, applications) = await AssignmentData.CallWithEligibleAsync(_slice, "REC", 1);
        var reviewer = await AssignmentData.ReviewerAsync(_slice, "Jean Dupont");
        await AssignmentData.ManagerAsync(_slice);
        Assert.That((await _slice.RunAsync(new AssignReviewer(applications[0].Id, reviewer.Id, null))).Succeeded, Is.True);
        await AssignmentData.DeclareConflictAsync(_slice, applications[0].Id, reviewer.Id);

        var again = await _slice.RunAsync(new AssignReviewer(applications[0].Id, reviewer.Id, null));

        Assert.That(again.Problems.Single().Message, Is.EqualTo("{0} declared a conflict of interest on this application and cannot be assigned to it again."));
        Assert.That(callId, Is.Not.EqualTo(Guid.Empty));
    }

    [Test]
    public async Task ProbableConflict_FlaggedWithTheMatch_ThenDismissedAndAudited_ThenAssignable()
    {
        OrganisationOfficer[] officers = [new("María José García", "Board chair", "mj.garcia@example.org")];
        var (_, applications) = await AssignmentData.CallWithEligibleAsync(_slice, "PRB", 1, officers: officers);
        var reviewer = await AssignmentData.ReviewerAsync(_slice, "Garcia, Maria Jose");
        await AssignmentData.ManagerAsync(_slice);

        var page = await _slice.RunAsync(new ShowApplicationReviewers(applications[0].Id));
        var flagged = page.Value.Candidates.Single(c => c.Reviewer.Id == reviewer.Id);
        var refused = await _slice.RunAsync(new AssignReviewer(applications[0].Id, reviewer.Id, null));
        var dismissed = await _slice.RunAsync(new RuleOnProbableConflict(applications[0].Id, reviewer.Id, false, "A different person: checked with the organisation."));
        var assigned = await _slice.RunAsync(new AssignReviewer(applications[0].Id, reviewer.Id, null));

        Assert.Multiple(async () =>
        {
            Assert.That(flagged.Exclusion?.Kind, Is.EqualTo(Exclusion.ProbableConflict));
            Assert.That(flagged.Exclusion?.Matches, Is.EqualTo(new[] { new OfficerMatch("María José García", "Board chair", OfficerMatchKind.SameName) }));
            Assert.That(refused.Problems.Single().Message, Does.Contain("Confirm or dismiss the probable conflict before assigning them."));
            Assert.That(dismissed.Succeeded, Is.True);
            Assert.That(await _slice.WithDbAsync(db => db.AuditEntries.Where(e => e.Action == AuditActions.ReviewProbableConflictDismissed).Select(e => e.Summary).SingleAsync()), Does.Contain("A different person"));
            Assert.That(await _slice.WithDbAsync(db => db.ConflictRulings.Select(r => r.Kind).SingleAsync()), Is.EqualTo(ConflictRulingKind.Dismissed));
            Assert.That(assigned.Succeeded, Is.True, string.Join(" ", assigned.Problems.Select(p => p.Message)));
        });
    }

    [Test]
    public async Task ProbableConflict_Confirmed_BecomesAPinnedConflictWithTheMatchAndIsAudited()
    {
        OrganisationOfficer[] officers = [new("Someone Else", "Treasurer", "amina@reviewers.example.org")];
        var (_, applications) = await AssignmentData.CallWithEligibleAsync(_slice, "PRC", 1, officers: officers);
        var reviewer = await AssignmentData.ReviewerAsync(_slice, "Amina");
        await AssignmentData.ManagerAsync(_slice);

        var confirmed = await _slice.RunAsync(new RuleOnProbableConflict(applications[0].Id, reviewer.Id, true, null));

        var ruling = await _slice.WithDbAsync(db => db.ConflictRulings.SingleAsync());
        Assert.Multiple(async () =>
        {
            Assert.That(confirmed.Succeeded, Is.True);
            Assert.That(ruling.Kind, Is.EqualTo(ConflictRulingKind.Pinned));
            Assert.That(ruling.Matches, Is.EqualTo(new[] { new OfficerMatch("Someone Else", "Treasurer", OfficerMatchKind.SameEmail) }));
            Assert.That(ruling.Match, Is.Null, "no English sentence is stored");
            Assert.That(ruling.Reason, Is.Empty, "confirmed without a reason, the match is the reason");
            Assert.That(await _slice.WithDbAsync(db => db.AuditEntries.CountAsync(e => e.Action == AuditActions.ReviewProbableConflictConfirmed)), Is.EqualTo(1));
            Assert.That((await _slice.RunAsync(new AssignReviewer(applications[0].Id, reviewer.Id, null))).Problems.Single().Message, Does.Contain("has a conflict of interest"));
        });
    }

    [Test]
    public async Task ProbableConflict_ConfirmedWithoutReason_StoresTheMatchKindAndNoEnglishSentence_TheAuditSummaryStaysEnglish()
    {
        OrganisationOfficer[] officers = [new("Li Wei", "Treasurer", "li.wei@reviewers.example.org"), new("Ana Costa", "", "ana@costa.example.org")];
        var (_, applications) = await AssignmentData.CallWithEligibleAsync(_slice, "PRK", 1, officers: officers);
        var reviewer = await AssignmentData.ReviewerAsync(_slice, "Wei Li");
        await AssignmentData.ManagerAsync(_slice);

        var confirmed = await _slice.RunAsync(new RuleOnProbableConflict(applications[0].Id, reviewer.Id, true, "   "));

        var ruling = await _slice.WithDbAsync(db => db.ConflictRulings.AsNoTracking().SingleAsync());
        var log = (await _slice.RunAsync(new ShowConflictsLog(applications[0].CallId))).Value.Rulings.Single();
        Assert.Multiple(async () =>
        {
            Assert.That(confirmed.Succeeded, Is.True, string.Join(" ", confirmed.Problems.Select(p => p.Message)));
            Assert.That(ruling.Matches, Is.EqualTo(new[] { new OfficerMatch("Li Wei", "Treasurer", OfficerMatchKind.SameNameAndEmail) }));
            Assert.That(ruling.Match, Is.Null);
            Assert.That(ruling.Reason, Is.Empty);
            Assert.That((log.Kind, log.ConfirmedMatch, log.Reason, log.RecordedMatch), Is.EqualTo((ConflictRulingKind.Pinned, true, string.Empty, (string?)null)));
            Assert.That(log.Matches, Is.EqualTo(new[] { new OfficerMatch("Li Wei", "Treasurer", OfficerMatchKind.SameNameAndEmail) }));
            Assert.That(
                await _slice.WithDbAsync(db => db.AuditEntries.Where(e => e.Action == AuditActions.ReviewProbableConflictConfirmed).Select(e => e.Summary).SingleAsync()),
                Does.StartWith("Probable conflict between Wei Li and ").And.EndWith(" (Li Wei (Treasurer): same name and email) confirmed: Confirmed: Li Wei (Treasurer): same name and email"));
        });
    }

    [Test]
    public async Task ProbableConflict_ConfirmedWithATypedReason_KeepsTheReasonAsTyped()
    {
        OrganisationOfficer[] officers = [new("Someone Else", "Treasurer", "amina@reviewers.example.org")];
        var (_, applications) = await AssignmentData.CallWithEligibleAsync(_slice, "PRT", 1, officers: officers);
        var reviewer = await AssignmentData.ReviewerAsync(_slice, "Amina");
        await AssignmentData.ManagerAsync(_slice);

        await _slice.RunAsync(new RuleOnProbableConflict(applications[0].Id, reviewer.Id, true, " Elle tient la trésorerie de l'association. "));

        var ruling = await _slice.WithDbAsync(db => db.ConflictRulings.AsNoTracking().SingleAsync());
        Assert.Multiple(() =>
        {
            Assert.That(ruling.Reason, Is.EqualTo("Elle tient la trésorerie de l'association."));
            Assert.That(ruling.Matches, Is.EqualTo(new[] { new OfficerMatch("Someone Else", "Treasurer", OfficerMatchKind.SameEmail) }));
        });
    }

    [Test]
    public async Task RuleOnProbableConflict_NoMatch_IsRefused()
    {
        var (_, applications) = await AssignmentData.CallWithEligibleAsync(_slice, "NOM", 1);
        var reviewer = await AssignmentData.ReviewerAsync(_slice, "Amina Diallo");
        await AssignmentData.ManagerAsync(_slice);

        var outcome = await _slice.RunAsync(new RuleOnProbableConflict(applications[0].Id, reviewer.Id, false, "Not them."));

        Assert.That(outcome.Problems.Single().Message, Is.EqualTo("There is no probable conflict to rule on between {0} and {1}."));
        Assert.That(await _slice.WithDbAsync(db => db.ConflictRulings.CountAsync()), Is.Zero);
    }

    [Test]
    public async Task AssignReviewer_AlreadyAssignedOrApplicationNotEligible_IsRefusedWithTheReason()
    {
        var (_, applications) = await AssignmentData.CallWithEligibleAsync(_slice, "TWO", 1);
        var submitted = await ScreeningsData();
        var reviewer = await AssignmentData.ReviewerAsync(_slice, "Amina Diallo");
        await AssignmentData.ManagerAsync(_slice);
        Assert.That((await _slice.RunAsync(new AssignReviewer(applications[0].Id, reviewer.Id, null))).Succeeded, Is.True);

        var twice = await _slice.RunAsync(new AssignReviewer(applications[0].Id, reviewer.Id, null));
        var notEligible = await _slice.RunAsync(new AssignReviewer(submitted, reviewer.Id, null));
        var past = await _slice.RunAsync(new AssignReviewer(applications[0].Id, reviewer.Id, new DateOnly(2026, 3, 1)));

        Assert.Multiple(() =>
        {
            Assert.That(twice.Problems.Single().Message, Is.EqualTo("{0} is already assigned to this application."));
            Assert.That(notEligible.Problems.Single().Message, Is.EqualTo("Reviewers can be assigned only to applications found eligible."));
            Assert.That(past.Kind, Is.EqualTo(OutcomeKind.Refused));
        });
    }

    [Test]
    public async Task RemoveRescheduleReopen_OpenAndSubmittedAssignments_ChangeAndAreAudited()
    {
        var (callId, applications) = await AssignmentData.CallWithEligibleAsync(_slice, "RRR", 2);
        var reviewer = await AssignmentData.ReviewerAsync(_slice, "Amina Diallo");
        await AssignmentData.ManagerAsync(_slice);
        var first = (await _slice.RunAsync(new AssignReviewer(applications[0].Id, reviewer.Id, null))).Value;
        var second = (await _slice.RunAsync(new AssignReviewer(applications[1].Id, reviewer.Id, null))).Value;
        var terms = await _slice.WithDbAsync(db => db.Calls.Where(c => c.Id == callId).Select(c => c.Terms).SingleAsync());
        await _slice.WithDbAsync(async db =>
        {
            var assignment = await db.ReviewAssignments.SingleAsync(a => a.Id == second);
            assignment.DeclareNoConflict(_slice.Now);
            assignment.Submit(terms, [.. terms.Rubric.Select(c => new CriterionScore(c.Key, 3, "Fair."))], Recommendation.Reserve, "Sound.", _slice.Now);
            return await db.SaveChangesAsync();
        });
        Guid VersionOf(Guid id) => _slice.WithDbAsync(db => db.ReviewAssignments.Where(a => a.Id == id).Select(a => a.Version).SingleAsync()).GetAwaiter().GetResult();

        var rescheduled = await _slice.RunAsync(new RescheduleReview(applications[0].Id, first, VersionOf(first), new DateOnly(2026, 4, 30)));
        var stale = await _slice.RunAsync(new RemoveAssignment(applications[0].Id, first, Guid.NewGuid()));
        var removed = await _slice.RunAsync(new RemoveAssignment(applications[0].Id, first, VersionOf(first)));
        var noReason = await _slice.RunAsync(new ReopenReview(applications[1].Id, second, VersionOf(second), " "));
        var reopened = await _slice.RunAsync(new ReopenReview(applications[1].Id, second, VersionOf(second), "The budget criterion was scored against the wrong call."));
        var wrongApplication = await _slice.RunAsync(new RemoveAssignment(applications[1].Id, first, VersionOf(first)));

        var rows = await _slice.WithDbAsync(db => db.ReviewAssignments.AsNoTracking().ToDictionaryAsync(a => a.Id));
        Assert.Multiple(async () =>
        {
            Assert.That(rescheduled.Succeeded, Is.True);
            Assert.That(rows[first].DueOn, Is.EqualTo(new DateOnly(2026, 4, 30)));
            Assert.That(stale.Kind, Is.EqualTo(OutcomeKind.Stale));
            Assert.That(removed.Succeeded, Is.True);
            Assert.That(rows[first].Status, Is.EqualTo(AssignmentStatus.Removed));
            Assert.That(noReason.Problems.Single().Message, Does.StartWith("Give the reason for reopening the review"));
            Assert.That(reopened.Succeeded, Is.True);
            Assert.That(rows[second].Status, Is.EqualTo(AssignmentStatus.Draft));
            Assert.That(wrongApplication.Kind, Is.EqualTo(OutcomeKind.NotFound));
            string[] actions = [AuditActions.ReviewDueDateChanged, AuditActions.ReviewAssignmentRemoved, AuditActions.ReviewReopened];
            Assert.That(await _slice.WithDbAsync(db => db.AuditEntries.Where(e => actions.Contains(e.Action)).CountAsync()), Is.EqualTo(3));
        });
    }

    private async Task<Guid> ScreeningsData() => (await Screenings.ScreeningData.SubmittedAsync(_slice, "SUB")).Id;
}
