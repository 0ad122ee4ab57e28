using Microsoft.EntityFrameworkCore;
using TrustFund.Application.Accounts;
using TrustFund.Application.Audit;
using TrustFund.Application.Common;
using TrustFund.Application.GranteeReports;
using TrustFund.Application.Tests.Infrastructure;
using TrustFund.Domain.Common;
using TrustFund.Domain.GranteeReports;

namespace TrustFund.Application.Tests.GranteeReports;

/// <summary>The grantee reports' use cases through their handlers, on SQLite: submitting, reviewing, versions, facts, overdue and reminders.</summary>
[FixtureLifeCycle(LifeCycle.InstancePerTestCase)]
public sealed class ReportUseCaseTests
{
    private SliceFixture _slice = null!;

    [SetUp]
    public async Task Start() => _slice = await SliceFixture.StartAsync();

    [TearDown]
    public async Task Stop() => await _slice.DisposeAsync();

    [Test]
    public async Task SubmitReport_ConsistentContent_KeepsVersion1_AuditsAndTellsTheFundManagers()
    {
        var (grant, organisationId, interim, _) = await ReportData.GrantAsync(_slice, "RSU");
        await _slice.SignInAsNewUserAsync("manager@fund.example.org", Roles.FundManager);
        await _slice.SignInAsNewUserAsync("grace@rsu.example.org", Roles.Applicant, organisationId);

        var outcome = await _slice.RunAsync(new SubmitReport(grant.Id, interim.Id, interim.Version, ReportData.Valid(), false));

        var saved = await ReportData.ReadAsync(_slice, interim.Id);
        var audit = await _slice.WithDbAsync(db => db.AuditEntries.AsNoTracking().Where(e => e.Action == AuditActions.ReportSubmitted).ToListAsync());
        var emails = await _slice.WithDbAsync(db => db.OutboxMessages.AsNoTracking().Where(m => m.To == "manager@fund.example.org").ToListAsync());
        Assert.Multiple(() =>
        {
            Assert.That(outcome.Value, Is.EqualTo(ReportSent.Submitted));
            Assert.That(saved.Status, Is.EqualTo(ReportStatus.Submitted));
            Assert.That(saved.Submissions.Select(s => (s.Number, s.SubmittedBy)), Is.EqualTo(new[] { (1, "grace@rsu.example.org") }));
            Assert.That(saved.LatestSubmission!.Content.Victims.UniquePersons, Is.EqualTo(30));
            Assert.That(audit.Single().Summary, Does.Contain("Interim report 1 of grant " + grant.Number).And.Contain("version 1"));
            Assert.That(emails.Single().Subject, Is.EqualTo($"Interim report 1 of grant {grant.Number} submitted"));
        });
    }

    [Test]
    public async Task SubmitReport_InconsistentAndNegativeCounts_EachRuleAtItsField_AndNothingIsSaved()
    {
        var (grant, organisationId, interim, _) = await ReportData.GrantAsync(_slice, "RIN");
        await _slice.SignInAsNewUserAsync("grace@rin.example.org", Roles.Applicant, organisationId);
        var valid = ReportData.Valid();
        var inconsistent = valid with { Victims = valid.Victims with { UniquePersons = 40, NewPersons = 22, ContinuingPersons = 8 } };
        var negative = valid with { Victims = valid.Victims with { Stateless = -1 } };

        var totals = await _slice.RunAsync(new SubmitReport(grant.Id, interim.Id, interim.Version, inconsistent, false));
        var below = await _slice.RunAsync(new SubmitReport(grant.Id, interim.Id, interim.Version, negative, false));

        Assert.Multiple(async () =>
        {
            Assert.That(totals.Kind, Is.EqualTo(OutcomeKind.Refused));
            Assert.That(totals.Problems.Select(p => p.Field), Is.SupersetOf(new[] { "Victims.BySexAndAge", "Victims.ByNationality", "Victims.NewPersons" }));
            Assert.That(totals.Problems.Single(p => p.Field == "Victims.BySexAndAge").Text.ToString(), Does.Contain("adds up to 30 persons, but 40 unique persons"));
            Assert.That(below.Kind, Is.EqualTo(OutcomeKind.Refused));
            Assert.That(below.Problems.Single(p => p.Field == "Victims.Stateless").Text.ToString(), Does.Contain("whole number from 0"));
            var saved = await ReportData.ReadAsync(_slice, interim.Id);
            Assert.That((saved.Status, saved.Submissions.Count), Is.EqualTo((ReportStatus.Due, 0)));
        });
    }

    [Test]
    public async Task SubmitReport_PersonalData_IsRefusedUntilAttested_ThenKeptMasked()
    {
        var (grant, organisationId, interim, _) = await ReportData.GrantAsync(_slice, "RPD");
        await _slice.SignInAsNewUserAsync("grace@rpd.example.org", Roles.Applicant, organisationId);
        var valid = ReportData.Valid();
        var flagged = valid with { Narrative = valid.Narrative with { Challenges = "Write to coordinator@rpd.example.org for the referral list." } };

        var check = await _slice.RunAsync(new CheckReport(grant.Id, interim.Id, flagged));
        var refused = await _slice.RunAsync(new SubmitReport(grant.Id, interim.Id, interim.Version, flagged, false));
        var attested = await _slice.RunAsync(new SubmitReport(grant.Id, interim.Id, interim.Version, flagged, true));

        var saved = await ReportData.ReadAsync(_slice, interim.Id);
        Assert.Multiple(() =>
        {
            Assert.That(check.Value.Problems, Is.Empty);
            Assert.That(check.Value.PossiblePersonalData.Select(f => (f.Field, f.Kind)), Is.EqualTo(new[] { ("Narrative.Challenges", PersonalDataKind.EmailAddress) }));
            Assert.That(refused.Kind, Is.EqualTo(OutcomeKind.Refused));
            Assert.That(refused.Problems.Single().Field, Is.EqualTo("Narrative.Challenges"));
            Assert.That(attested.Value, Is.EqualTo(ReportSent.Submitted));
            Assert.That(saved.LatestSubmission!.AttestedNotAboutVictim, Is.True);
            Assert.That(saved.LatestSubmission.FlaggedPersonalData.Single().MaskedExcerpt, Does.Not.Contain("coordinator@rpd.example.org"));
        });
    }

    [Test]
    public async Task Reports_OfAnotherOrganisationsGrant_AreNotFound_ForReadingCheckingAndSubmitting()
    {
        var (grant, _, interim, _) = await ReportData.GrantAsync(_slice, "ROT");
        var (_, otherOrganisation, _, _) = await ReportData.GrantAsync(_slice, "ROW");
        await _slice.SignInAsNewUserAsync("mallory@row.example.org", Roles.Applicant, otherOrganisation);

        var show = await _slice.RunAsync(new ShowGrantReports(grant.Id));
        var report = await _slice.RunAsync(new ShowReport(grant.Id, interim.Id));
        var check = await _slice.RunAsync(new CheckReport(grant.Id, interim.Id, ReportData.Valid()));
        var submit = await _slice.RunAsync(new SubmitReport(grant.Id, interim.Id, interim.Version, ReportData.Valid(), false));

        Assert.Multiple(async () =>
        {
            Assert.That(new[] { show.Kind, report.Kind, check.Kind, submit.Kind }, Is.All.EqualTo(OutcomeKind.NotFound));
            Assert.That((await ReportData.ReadAsync(_slice, interim.Id)).Status, Is.EqualTo(ReportStatus.Due));
        });
    }

    [Test]
    public async Task SubmitReport_Twice_TheSecondChangesNothing_AndAStaleFormIsRefused()
    {
        var (grant, organisationId, interim, final) = await ReportData.GrantAsync(_slice, "RTW");
        await _slice.SignInAsNewUserAsync("grace@rtw.example.org", Roles.Applicant, organisationId);
        var first = await _slice.RunAsync(new SubmitReport(grant.Id, interim.Id, interim.Version, ReportData.Valid(), false));
        var again = await _slice.RunAsync(new SubmitReport(grant.Id, interim.Id, interim.Version, ReportData.Valid(), false));

        var draft = await _slice.RunAsync(new SaveReportDraft(grant.Id, final.Id, final.Version, new ReportContent()));
        var stale = await _slice.RunAsync(new SubmitReport(grant.Id, final.Id, final.Version, ReportData.Valid(), false));

        Assert.Multiple(async () =>
        {
            Assert.That((first.Value, again.Value), Is.EqualTo((ReportSent.Submitted, ReportSent.AlreadySubmitted)));
            Assert.That((await ReportData.ReadAsync(_slice, interim.Id)).Submissions, Has.Count.EqualTo(1));
            Assert.That(draft.Succeeded, Is.True);
            Assert.That(stale.Kind, Is.EqualTo(OutcomeKind.Stale), "a colleague saved the report after the form was opened");
        });
    }

    [Test]
    public async Task SaveReportDraft_IncompleteContent_IsKept_AndShownNextTime_ButNotSubmitted()
    {
        var (grant, organisationId, interim, _) = await ReportData.GrantAsync(_slice, "RDR");
        await _slice.SignInAsNewUserAsync("grace@rdr.example.org", Roles.Applicant, organisationId);
        var partial = new ReportContent { Narrative = NarrativeReport.Empty with { Challenges = "Half written." } };

        var saved = await _slice.RunAsync(new SaveReportDraft(grant.Id, interim.Id, interim.Version, partial));
        var view = (await _slice.RunAsync(new ShowReport(grant.Id, interim.Id))).Value;

        Assert.Multiple(() =>
        {
            Assert.That(saved.Succeeded, Is.True);
            Assert.That(view.Status, Is.EqualTo(ReportStatus.Due));
            Assert.That(view.Draft.Narrative.Challenges, Is.EqualTo("Half written."));
            Assert.That(view.DraftSavedBy, Is.EqualTo("grace@rdr.example.org"));
            Assert.That(view.Versions, Is.Empty);
        });
    }

    [Test]
    public async Task ShowReport_FirstVersion_StartsFromTheGrantsBudget()
    {
        var (grant, organisationId, interim, _) = await ReportData.GrantAsync(_slice, "RBU");
        await _slice.SignInAsNewUserAsync("grace@rbu.example.org", Roles.Applicant, organisationId);

        var view = (await _slice.RunAsync(new ShowReport(grant.Id, interim.Id))).Value;

        Assert.Multiple(() =>
        {
            Assert.That(view.CanEdit, Is.True);
            Assert.That(view.CanReview, Is.False);
            Assert.That(view.Draft.Financial.Lines.Select(l => (l.Description, l.Budget)), Is.EqualTo(new[] { ("Shelter nights", Money.Usd(10_000m)) }));
        });
    }

    [Test]
    public async Task RequestRevision_ThenResubmit_KeepsBothVersions_TellsTheGrantee_AndAcceptingMeetsTheInterimCondition()
    {
        var (grant, organisationId, interim, _) = await ReportData.GrantAsync(_slice, "RRV");
        var grantee = await _slice.SignInAsNewUserAsync("grace@rrv.example.org", Roles.Applicant, organisationId);
        var manager = await _slice.SignInAsNewUserAsync("omar@fund.example.org", Roles.FundManager);
        _slice.Actor.SignIn(grantee, Roles.Applicant);
        await _slice.RunAsync(new SubmitReport(grant.Id, interim.Id, interim.Version, ReportData.Valid(), false));
        _slice.Actor.SignIn(manager, Roles.FundManager);
        var noComment = await _slice.RunAsync(new RequestReportRevision(grant.Id, interim.Id, (await ReportData.ReadAsync(_slice, interim.Id)).Version, " ", null));
        var sentBack = await _slice.RunAsync(new RequestReportRevision(grant.Id, interim.Id, (await ReportData.ReadAsync(_slice, interim.Id)).Version, "Add the referral figures.", DateOnly.FromDateTime(_slice.Now).AddDays(14)));
        _slice.Actor.SignIn(grantee, Roles.Applicant);
        var applicantAccepts = await _slice.RunAsync(new AcceptReport(grant.Id, interim.Id, (await ReportData.ReadAsync(_slice, interim.Id)).Version));
        await _slice.RunAsync(new SubmitReport(grant.Id, interim.Id, (await ReportData.ReadAsync(_slice, interim.Id)).Version, ReportData.Valid(), false));
        _slice.Actor.SignIn(manager, Roles.FundManager);
        var before = await FactsAsync(grant.Id);
        var accepted = await _slice.RunAsync(new AcceptReport(grant.Id, interim.Id, (await ReportData.ReadAsync(_slice, interim.Id)).Version));

        var saved = await ReportData.ReadAsync(_slice, interim.Id);
        var mail = await _slice.WithDbAsync(db => db.OutboxMessages.AsNoTracking().Where(m => m.To == "grace@rrv.example.org").OrderBy(m => m.CreatedAtUtc).ToListAsync());
        Assert.Multiple(async () =>
        {
            Assert.That(noComment.Kind, Is.EqualTo(OutcomeKind.Refused));
            Assert.That(sentBack.Value, Is.EqualTo(ReportReviewed.Done));
            Assert.That(applicantAccepts.Kind, Is.EqualTo(OutcomeKind.NotFound), "only fund managers review");
            Assert.That(accepted.Value, Is.EqualTo(ReportReviewed.Done));
            Assert.That(saved.Status, Is.EqualTo(ReportStatus.Accepted));
            Assert.That(saved.Submissions.Select(s => (s.Number, s.ReviewOutcome)), Is.EqualTo(new[] { (1, (ReportReviewOutcome?)ReportReviewOutcome.RevisionRequested), (2, ReportReviewOutcome.Accepted) }));
            Assert.That(saved.Submissions[0].ReviewComment, Is.EqualTo("Add the referral figures."));
            Assert.That(mail.Select(m => m.Subject), Is.EqualTo(new[] { $"Revision requested: Interim report 1 of grant {grant.Number}", $"Interim report 1 of grant {grant.Number} accepted" }));
            Assert.That(mail[0].TextBody, Does.Contain("Add the referral figures."));
            Assert.That(before.InterimReportAccepted, Is.False);
            Assert.That((await FactsAsync(grant.Id)).InterimReportAccepted, Is.True);
            Assert.That(await _slice.WithDbAsync(db => ReportFacts.FinalReportsAcceptedAsync(db, grant.Id, default)), Is.False);
        });
    }

    [Test]
    public async Task ShowGrantReports_InterimPastItsDueDay_IsFlaggedOverdue_AndListReportsSortsIt()
    {
        var (grant, organisationId, interim, final) = await ReportData.GrantAsync(_slice, "ROV", new DateOnly(2025, 6, 1), new DateOnly(2026, 5, 31));
        var (otherGrant, _, _, _) = await ReportData.GrantAsync(_slice, "ROX");
        await _slice.SignInAsNewUserAsync("grace@rov.example.org", Roles.Applicant, organisationId);

        var view = (await _slice.RunAsync(new ShowGrantReports(grant.Id))).Value;
        var own = (await _slice.RunAsync(new ListReports())).Value;
        await _slice.SignInAsNewUserAsync("omar@fund.example.org", Roles.FundManager);
        var all = (await _slice.RunAsync(new ListReports())).Value;

        Assert.Multiple(() =>
        {
            Assert.That(view.Reports.Select(r => (r.Id, r.DaysOverdue > 0)), Is.EqualTo(new[] { (interim.Id, true), (final.Id, false) }));
            Assert.That(view.IsGrantee, Is.True);
            Assert.That(own.Overdue.Select(r => r.ReportId), Is.EqualTo(new[] { interim.Id }));
            Assert.That(own.Upcoming.Concat(own.Overdue).Select(r => r.GrantId), Is.All.EqualTo(grant.Id), "only the organisation's own grants");
            Assert.That(all.ForFundManager, Is.True);
            Assert.That(all.Overdue.Select(r => r.GrantId), Does.Contain(grant.Id));
            Assert.That(otherGrant.Id, Is.Not.EqualTo(grant.Id));
        });
    }

    [Test]
    public async Task SendReportReminders_OverdueReport_EmailsTheOrganisationOnce_AndNotAgainWithinAWeek()
    {
        var (grant, organisationId, interim, _) = await ReportData.GrantAsync(_slice, "RRM", new DateOnly(2025, 6, 1), new DateOnly(2026, 5, 31));
        await ReportData.GrantAsync(_slice, "RRN");
        await _slice.SignInAsNewUserAsync("grace@rrm.example.org", Roles.Applicant, organisationId);
        await _slice.SignInAsNewUserAsync("omar@fund.example.org", Roles.FundManager);

        var first = await _slice.RunAsync(new SendReportReminders());
        var second = await _slice.RunAsync(new SendReportReminders());
        _slice.Clock.Advance(TimeSpan.FromDays(8));
        var week = await _slice.RunAsync(new SendReportReminders());

        var mail = await _slice.WithDbAsync(db => db.OutboxMessages.AsNoTracking().Where(m => m.To == "grace@rrm.example.org").ToListAsync());
        var audit = await _slice.WithDbAsync(db => db.AuditEntries.AsNoTracking().Where(e => e.Action == AuditActions.ReportReminderSent).ToListAsync());
        Assert.Multiple(() =>
        {
            Assert.That(first.Value, Is.EqualTo(new ReportRemindersSent(1, 1)));
            Assert.That(second.Value, Is.EqualTo(new ReportRemindersSent(0, 0)));
            Assert.That(week.Value, Is.EqualTo(new ReportRemindersSent(1, 1)));
            Assert.That(mail, Has.Count.EqualTo(2));
            Assert.That(mail[0].TextBody, Does.Contain(grant.Number).And.Contain("Interim report 1"));
            Assert.That(audit.Select(e => e.EntityId), Is.All.EqualTo(interim.Id.ToString()));
        });
    }

    private Task<TrustFund.Domain.Grants.ReleaseFacts> FactsAsync(Guid grantId) =>
        _slice.WithDbAsync(async db =>
        {
            var grant = await ((ITrustFundDb)db).Grants.AsNoTracking().SingleAsync(g => g.Id == grantId);
            return await ReportFacts.ForReleaseAsync(db, grant, grant.Instalments[1].Id, [], default);
        });
}
