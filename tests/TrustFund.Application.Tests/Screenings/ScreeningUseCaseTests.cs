using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TrustFund.Application.Accounts;
using TrustFund.Application.Audit;
using TrustFund.Application.Common;
using TrustFund.Application.Screenings;
using TrustFund.Application.Tests.Infrastructure;
using TrustFund.Domain.Applications;
using TrustFund.Domain.Calls;
using TrustFund.Domain.Documents;
using TrustFund.Infrastructure.Persistence;

namespace TrustFund.Application.Tests.Screenings;

/// <summary>The screening use cases through their handlers, on SQLite, without HTTP.</summary>
[FixtureLifeCycle(LifeCycle.InstancePerTestCase)]
public sealed class ScreeningUseCaseTests
{
    private readonly CommandHook _screeningCheck = new(sql => sql.Contains("FROM \"Screenings\"", StringComparison.Ordinal));
    private SliceFixture _slice = null!;

    [SetUp]
    public async Task Start()
    {
        _slice = await SliceFixture.StartAsync(services =>
            services.ConfigureDbContext<TrustFundDbContext>(options => options.AddInterceptors(_screeningCheck)));
        await _slice.SignInAsNewUserAsync("manager@trustfund.test", Roles.FundManager, name: "Mariam Okafor");
    }

    [TearDown]
    public async Task Stop() => await _slice.DisposeAsync();

    [Test]
    public async Task RecordScreening_AllGatesPass_RecordsEligibleAuditsAndEmails()
    {
        var application = await ScreeningData.SubmittedAsync(_slice, "ELG");
        await MemberAsync(application.OrganisationId, "member@elg.example.org");

        var outcome = await _slice.RunAsync(new RecordScreening(application.Id, null, application.Version, AllGates(true), ScreeningOutcome.Eligible, null));

        Assert.That(outcome.Succeeded, Is.True, string.Join("; ", outcome.Problems.Select(p => p.Message)));
        await Assert.MultipleAsync(async () =>
        {
            Assert.That(outcome.Value, Is.EqualTo(ScreeningRecorded.RecordedEligible));
            Assert.That(await _slice.WithDbAsync(db => db.Applications.Where(a => a.Id == application.Id).Select(a => a.Status).SingleAsync()), Is.EqualTo(ApplicationStatus.Eligible));
            Assert.That(await _slice.WithDbAsync(db => db.AuditEntries.CountAsync(e => e.Action == AuditActions.ScreenedEligible && e.EntityId == application.Id.ToString())), Is.EqualTo(1));
            Assert.That(await _slice.WithDbAsync(db => db.OutboxMessages.Where(m => m.To == "member@elg.example.org").Select(m => m.Subject).SingleAsync()), Does.Contain("ELG-2026-001 is eligible"));
        });
    }

    [Test]
    public async Task RecordScreening_GateWithoutComment_IsRefusedOnThatGatesComment()
    {
        var application = await ScreeningData.SubmittedAsync(_slice, "CMT");

        var outcome = await _slice.RunAsync(new RecordScreening(application.Id, null, application.Version, [new GateConfirmation(EligibilityGate.OnTime, true, " ")], null, null));

        Assert.That(outcome.Kind, Is.EqualTo(OutcomeKind.Refused));
        Assert.That(outcome.Problems.Single().Field, Is.EqualTo("OnTime.Comment"));
        Assert.That(await _slice.WithDbAsync(db => db.Screenings.CountAsync()), Is.Zero);
    }

    // Issue 12, defect 7.
    [Test]
    public async Task ShowScreening_AfterResubmission_StartsAfreshWithTheEarlierScreeningBeside()
    {
        var application = await ScreeningData.SubmittedAsync(_slice, "RSB");
        Assert.That((await _slice.RunAsync(new RecordScreening(application.Id, null, application.Version, [new GateConfirmation(EligibilityGate.OnTime, true, "On time.")], null, null))).Succeeded, Is.True);
        var earlierForm = (await _slice.RunAsync(new ShowScreening(application.Id))).Value;

        await ScreeningData.ResubmitAsync(_slice, application.Id);
        var view = (await _slice.RunAsync(new ShowScreening(application.Id))).Value;
        var stale = await _slice.RunAsync(new RecordScreening(application.Id, earlierForm.Current!.Version, earlierForm.Application.Version, [new GateConfirmation(EligibilityGate.OnTime, false, "From the old page.")], null, null));

        await Assert.MultipleAsync(async () =>
        {
            Assert.That(view.VersionNumber, Is.EqualTo(2));
            Assert.That(view.Current, Is.Null, "version 2 has no screening yet: nothing is pre-filled");
            Assert.That(view.Previous.Single().VersionNumber, Is.EqualTo(1));
            Assert.That(view.Previous.Single().ResultOf(EligibilityGate.OnTime)!.Passed, Is.True);
            Assert.That(stale.Kind, Is.EqualTo(OutcomeKind.Stale), "a form of version 1's screening does not save onto version 2");
            Assert.That(await _slice.WithDbAsync(db => db.Screenings.CountAsync(s => s.ApplicationId == application.Id)), Is.EqualTo(1));
        });
    }

    // Issue 12, defect 8 (two managers saving the first screening of one application at once).
    [Test]
    public async Task RecordScreening_FirstScreeningSavedByAnotherManagerAtTheSameTime_IsStaleNotAnError()
    {
        var application = await ScreeningData.SubmittedAsync(_slice, "RCE");
        _screeningCheck.Arm(async () => Assert.That(
            (await _slice.RunAsync(new RecordScreening(application.Id, null, application.Version, [new GateConfirmation(EligibilityGate.OnTime, true, "Theirs.")], null, null))).Succeeded,
            Is.True,
            "the other manager's save"));

        var outcome = await _slice.RunAsync(new RecordScreening(application.Id, null, application.Version, [new GateConfirmation(EligibilityGate.OnTime, false, "Mine.")], null, null));

        await Assert.MultipleAsync(async () =>
        {
            Assert.That(_screeningCheck.Fired, Is.True, "the other manager saved between the check and the insert");
            Assert.That(outcome.Kind, Is.EqualTo(OutcomeKind.Stale));
            Assert.That(outcome.Stale!.ChangedBy, Is.EqualTo("manager@trustfund.test"));
            var gates = await _slice.WithDbAsync(db => db.Screenings.Where(s => s.ApplicationId == application.Id).Select(s => s.Gates).SingleAsync());
            Assert.That(gates.Single().Comment, Is.EqualTo("Theirs."));
        });
    }

    // Issue 12, defect 2 (screening side).
    [Test]
    public async Task ShowScreening_CountsTheDocumentsTheVersionWasSubmittedWith()
    {
        var application = await ScreeningData.SubmittedAsync(_slice, "DOC");
        await _slice.WithDbAsync(db =>
        {
            db.Attachments.Add(Attachment.Record(application.OrganisationId, null, DocumentType.RegistrationCertificate, "later.pdf", "application/pdf", 10, new string('0', 64), Guid.NewGuid(), _slice.Now, "applicant"));
            return db.SaveChangesAsync();
        });

        var view = (await _slice.RunAsync(new ShowScreening(application.Id))).Value;

        Assert.That(view.Documents, Is.EqualTo(new Dictionary<DocumentType, int> { [DocumentType.RegistrationCertificate] = 1 }));
    }

    [Test]
    public async Task ShowScreening_OfADraft_IsNotFound()
    {
        var application = await ScreeningData.SubmittedAsync(_slice, "DRF");

        var outcome = await _slice.RunAsync(new ShowScreening(Guid.NewGuid()));

        Assert.That(outcome.Kind, Is.EqualTo(OutcomeKind.NotFound));
        Assert.That((await _slice.RunAsync(new ShowScreening(application.Id))).Succeeded, Is.True);
    }

    private static List<GateConfirmation> AllGates(bool passed) =>
        [.. Domain.Applications.Screening.AllGates.Select(g => new GateConfirmation(g, passed, "Checked."))];

    private Task<int> MemberAsync(Guid organisationId, string email) =>
        _slice.WithDbAsync(db =>
        {
            db.Users.Add(new TrustFundUser { UserName = email, Email = email, DisplayName = "Member", OrganisationId = organisationId, IsActive = true });
            return db.SaveChangesAsync();
        });
}
