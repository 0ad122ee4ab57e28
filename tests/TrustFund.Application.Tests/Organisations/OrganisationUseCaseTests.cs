using System.Security.Claims;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using TrustFund.Application.Accounts;
using TrustFund.Application.Calls;
using TrustFund.Application.Common;
using TrustFund.Application.Organisations;
using TrustFund.Application.Tests.Infrastructure;
using TrustFund.Domain.Applications;
using TrustFund.Domain.Calls;
using TrustFund.Domain.Documents;
using TrustFund.Domain.Organisations;
using TrustFund.Infrastructure.Persistence;

namespace TrustFund.Application.Tests.Organisations;

/// <summary>The organisations' use cases through their handlers, on SQLite, without HTTP.</summary>
[FixtureLifeCycle(LifeCycle.InstancePerTestCase)]
public sealed class OrganisationUseCaseTests
{
    private const string Name = "Safe Harbour Foundation";

    private readonly TransactionGate _gate = new();
    private readonly CapturedLogs _logs = new();
    private SliceFixture _slice = null!;
    private FlowActor _flow = null!;
    private Guid _organisationId;
    private TrustFundUser _amina = null!;
    private ClaimsPrincipal _manager = null!;
    private ClaimsPrincipal _applicant = null!;

    [SetUp]
    public async Task Start()
    {
        _slice = await SliceFixture.StartAsync(services =>
        {
            services.ConfigureDbContext<TrustFundDbContext>(options => options.AddInterceptors(_gate));
            services.AddSingleton<ILoggerProvider>(_logs);
            _flow = new FlowActor(() => _slice.Actor);
            services.AddSingleton<ICurrentActor>(_flow);
        });
        var organisation = Organisation.Register(Name, "NGA", _slice.Now);
        organisation.Verify(_slice.Now);
        _organisationId = organisation.Id;
        await _slice.WithDbAsync(db =>
        {
            db.Organisations.Add(organisation);
            return db.SaveChangesAsync();
        });
        await _slice.SignInAsNewUserAsync("manager@trustfund.test", Roles.FundManager, name: "Mariam Okafor");
        _manager = _slice.Actor.User;
        _amina = await _slice.SignInAsNewUserAsync("amina@safeharbour.test", Roles.Applicant, _organisationId, "Amina Bello");
        _applicant = _slice.Actor.User;
    }

    [TearDown]
    public async Task Stop() => await _slice.DisposeAsync();

    [Test]
    public async Task RemoveMember_TwoMembersRemovingEachOtherAtOnce_LeavesOneActiveMemberAndRefusesTheSecondClearly()
    {
        var chidi = await _slice.SignInAsNewUserAsync("chidi@safeharbour.test", Roles.Applicant, _organisationId, "Chidi Okafor");
        var asChidi = _slice.Actor.User;

        // Chidi's removal of Amina has read everything it decides on, and waits before it writes...
        var chidiRemovesAmina = Task.Run(async () =>
        {
            _flow.ActAs(asChidi);
            _gate.GateThisFlow();
            return await _slice.RunAsync(new RemoveMember(_amina.Id));
        });
        await _gate.Reached.WaitAsync(TimeSpan.FromSeconds(30));

        // ...while Amina removes Chidi.
        _flow.ActAs(_applicant);
        var aminaRemovesChidi = await _slice.RunAsync(new RemoveMember(chidi.Id));
        _gate.Release();
        var second = await chidiRemovesAmina;

        var active = await _slice.WithDbAsync(db => db.Users.Where(u => u.OrganisationId == _organisationId && u.IsActive).Select(u => u.Email).ToListAsync());
        Assert.Multiple(() =>
        {
            Assert.That(aminaRemovesChidi.Succeeded, Is.True, aminaRemovesChidi.Kind.ToString());
            Assert.That(second.Kind, Is.EqualTo(OutcomeKind.Refused));
            Assert.That(second.Problems.Single().Message, Does.Contain("is the only member of your organisation"));
            Assert.That(active, Is.EqualTo(new[] { "amina@safeharbour.test" }), "an organisation always keeps an active member");
        });
    }

    [Test]
    public async Task RemoveMember_TheLastMember_IsRefused()
    {
        var outcome = await _slice.RunAsync(new RemoveMember(_amina.Id));

        Assert.That(outcome.Kind, Is.EqualTo(OutcomeKind.Refused));
        Assert.That(await _slice.WithDbAsync(db => db.Users.CountAsync(u => u.OrganisationId == _organisationId && u.IsActive)), Is.EqualTo(1));
    }

    [Test]
    public async Task RemoveOrganisationDocument_UsedByASubmittedVersion_IsHiddenFromNewApplicationsAndKeptWithItsBytes()
    {
        var certificate = await UploadAsync(DocumentType.RegistrationCertificate, "certificate.pdf");
        var unused = await UploadAsync(DocumentType.Other, "unused.pdf");
        await SubmittedVersionRelyingOnAsync(certificate);
        _slice.Actor.SignIn(_amina, Roles.Applicant);

        var removedCertificate = await _slice.RunAsync(new RemoveOrganisationDocument(certificate.Id));
        var removedUnused = await _slice.RunAsync(new RemoveOrganisationDocument(unused.Id));

        var listed = await _slice.RunAsync(new ListOrganisationDocuments());
        var kept = await _slice.WithDbAsync(db => db.Attachments.AsNoTracking().SingleOrDefaultAsync(a => a.Id == certificate.Id));
        await Assert.MultipleAsync(async () =>
        {
            Assert.That(removedCertificate.Value, Is.EqualTo("certificate.pdf"));
            Assert.That(removedUnused.Value, Is.EqualTo("unused.pdf"));
            Assert.That(listed.Value, Is.Empty, "removed documents are not offered to new applications");
            Assert.That(kept, Is.Not.Null, "the submitted version still refers to it");
            Assert.That(kept!.RemovedAtUtc, Is.EqualTo(_slice.Now));
            Assert.That(await _slice.WithDbAsync(db => db.StoredFiles.CountAsync(f => f.Key == certificate.StoredFileKey)), Is.EqualTo(1), "its bytes stay");
            Assert.That(await _slice.WithDbAsync(db => db.Attachments.CountAsync(a => a.Id == unused.Id)), Is.Zero);
            Assert.That(await _slice.WithDbAsync(db => db.StoredFiles.CountAsync(f => f.Key == unused.StoredFileKey)), Is.Zero, "a document nothing relied on goes with its bytes");
            Assert.That((await _slice.RunAsync(new DownloadOrganisationDocument(null, certificate.Id))).Kind, Is.EqualTo(OutcomeKind.NotFound));
            Assert.That((await _slice.RunAsync(new RemoveOrganisationDocument(certificate.Id))).Kind, Is.EqualTo(OutcomeKind.NotFound));
        });
    }

    [TestCase("Amani Survivors Alliance", "NGA", "Nigeria")]
    [TestCase(Name, "KEN", "Kenya")]
    public async Task UpdateProfile_VerifiedOrganisationChangesNameOrCountry_GoesBackToVerificationAndTellsTheFundManagers(string legalName, string country, string countryName)
    {
        var version = await VersionAsync();

        var outcome = await _slice.RunAsync(new UpdateProfile(version, legalName, country, new OrganisationProfile()));

        var organisation = await _slice.WithDbAsync(db => db.Organisations.AsNoTracking().SingleAsync(o => o.Id == _organisationId));
        var mail = await _slice.WithDbAsync(db => db.OutboxMessages.AsNoTracking().Where(m => m.To == "manager@trustfund.test").ToListAsync());
        Assert.Multiple(() =>
        {
            Assert.That(outcome.Succeeded, Is.True, outcome.Kind.ToString());
            Assert.That(organisation.Status, Is.EqualTo(OrganisationStatus.PendingVerification));
            Assert.That(mail, Has.Count.EqualTo(1), "the Secretariat is told");
            Assert.That(mail.Single().Subject, Does.Contain(legalName).And.Contain("verify it again"));
            Assert.That(mail.Single().TextBody, Does.Contain($"before {Name}; now {legalName}").And.Contain($"before Nigeria; now {countryName}"), "countries are named, not coded");
            Assert.That(mail.Single().TextBody, Does.Contain("Dear Mariam Okafor"));
        });
    }

    [Test]
    public async Task UpdateProfile_OnlyTheProfileChanges_StaysVerifiedAndSendsNothing()
    {
        var outcome = await _slice.RunAsync(new UpdateProfile(await VersionAsync(), Name, "NGA", new OrganisationProfile { Phone = "+234 1 555" }));

        Assert.That(outcome.Succeeded, Is.True);
        Assert.That(await _slice.WithDbAsync(db => db.Organisations.Where(o => o.Id == _organisationId).Select(o => o.Status).SingleAsync()), Is.EqualTo(OrganisationStatus.Verified));
        Assert.That(await _slice.WithDbAsync(db => db.OutboxMessages.CountAsync()), Is.Zero);
    }

    [Test]
    public async Task UpdateProfile_StaleVersion_IsStaleAndChangesNothing()
    {
        var outcome = await _slice.RunAsync(new UpdateProfile(Guid.NewGuid(), "Another Name", "NGA", new OrganisationProfile()));

        Assert.That(outcome.Kind, Is.EqualTo(OutcomeKind.Stale));
        Assert.That(await _slice.WithDbAsync(db => db.Organisations.Where(o => o.Id == _organisationId).Select(o => o.LegalName).SingleAsync()), Is.EqualTo(Name));
    }

    [Test]
    public async Task BankDetails_ThatCannotBeDecrypted_AreShownAsUnreadableWithAnAlertAndEveryOtherPageWorks()
    {
        Assert.That((await _slice.RunAsync(new UpdateBankDetails(await VersionAsync(), "First Bank", "FBNINGLA", "0123456789", Name))).Value, Is.EqualTo(BankDetailsSaved.Saved));
        const string Tampered = "CfDJ8AAAAAAAAAAAAAAAAAAAAAAtampered";
        await _slice.WithDbAsync(db => db.Database.ExecuteSqlAsync($"UPDATE \"Organisations\" SET \"Bank\" = {Tampered}"));

        var bank = await _slice.RunAsync(new ShowBankDetails());
        var profile = await _slice.RunAsync(new ShowOwnOrganisation());
        var members = await _slice.RunAsync(new ListMembers());
        var saved = await _slice.RunAsync(new UpdateProfile(profile.Value.Version, Name, "NGA", new OrganisationProfile { Phone = "+234 1 000" }));
        var stored = await _slice.WithDbAsync(db => db.Organisations.Select(o => EF.Property<string?>(o, "BankDetails")).SingleAsync());
        _flow.ActAs(_manager);
        var details = await _slice.RunAsync(new ShowOrganisation(_organisationId));
        var list = await _slice.RunAsync(new ListOrganisations(null, null, 1));
        var verify = await _slice.RunAsync(new VerifyBankDetails(_organisationId, details.Value.Organisation.Version));

        Assert.Multiple(() =>
        {
            Assert.That(bank.Succeeded, Is.True);
            Assert.That(bank.Value.Unreadable, Is.True);
            Assert.That(bank.Value.Bank, Is.Null);
            Assert.That(profile.Succeeded && members.Succeeded && list.Succeeded, Is.True, "every other page keeps working");
            Assert.That(saved.Succeeded, Is.True);
            Assert.That(stored, Is.EqualTo(Tampered), "the unreadable value is kept until new details are entered");
            Assert.That(details.Value.BankUnreadable, Is.True);
            Assert.That(verify.Kind, Is.EqualTo(OutcomeKind.Refused));
            Assert.That(verify.Problems.Single().Message, Does.Contain("cannot be read"));
            Assert.That(_logs.Entries.Any(e => e.Level == LogLevel.Critical && e.Message.Contains(_organisationId.ToString(), StringComparison.Ordinal)), Is.True, "an alert is logged");
        });

        _flow.ActAs(_applicant);
        var replaced = await _slice.RunAsync(new UpdateBankDetails(await VersionAsync(), "Second Bank", null, "999", Name));
        var readable = await _slice.RunAsync(new ShowBankDetails());
        Assert.Multiple(() =>
        {
            Assert.That(replaced.Value, Is.EqualTo(BankDetailsSaved.Saved));
            Assert.That(readable.Value.Unreadable, Is.False);
            Assert.That(readable.Value.Bank!.BankName, Is.EqualTo("Second Bank"));
        });
    }

    [Test]
    public async Task UpdateBankDetails_SameDetailsAgain_SavesNothing()
    {
        await _slice.RunAsync(new UpdateBankDetails(await VersionAsync(), "First Bank", null, "1", Name));
        var version = await VersionAsync();

        var outcome = await _slice.RunAsync(new UpdateBankDetails(version, " First Bank ", null, "1", Name));

        Assert.That(outcome.Value, Is.EqualTo(BankDetailsSaved.Unchanged));
        Assert.That(await VersionAsync(), Is.EqualTo(version));
    }

    [Test]
    public async Task InviteMember_NewColleague_CreatesApplicantAndEmailsTheLink_AndASecondInvitationWaits()
    {
        // The key ring exists before any request, as in the app (it is made at start-up, outside the invitation's transaction).
        await _slice.WithScopeAsync(services => Task.FromResult(services.GetRequiredService<IDataProtectionProvider>().CreateProtector("warm-up").Protect("key ring")));
        var outcome = await _slice.RunAsync(new InviteMember("Chidi Okafor", "chidi@safeharbour.test", "https://localhost"));
        var again = await _slice.RunAsync(new InviteMember("Chidi Okafor", "chidi@safeharbour.test", "https://localhost"));

        var invited = await _slice.WithDbAsync(db => db.Users.AsNoTracking().SingleAsync(u => u.Email == "chidi@safeharbour.test"));
        var mail = await _slice.WithDbAsync(db => db.OutboxMessages.AsNoTracking().SingleAsync(m => m.To == "chidi@safeharbour.test"));
        Assert.Multiple(() =>
        {
            Assert.That(outcome.Value, Is.EqualTo(Invitation.Sent));
            Assert.That(again.Value, Is.EqualTo(Invitation.AlreadyWaiting));
            Assert.That(invited.OrganisationId, Is.EqualTo(_organisationId));
            Assert.That(mail.Subject, Is.EqualTo($"You are invited to act for {Name} on TrustFund"));
            Assert.That(mail.TextBody, Does.Contain($"https://localhost/Account/AcceptInvitation?userId={invited.Id:D}&code="));
        });
    }

    [Test]
    public async Task InviteMember_ExistingAccount_IsRefusedOnTheEmailField()
    {
        var outcome = await _slice.RunAsync(new InviteMember("Mariam", "manager@trustfund.test", "https://localhost"));

        Assert.That(outcome.Kind, Is.EqualTo(OutcomeKind.Refused));
        Assert.That(outcome.Problems.Single().Field, Is.EqualTo(nameof(InviteMember.Email)));
    }

    [Test]
    public async Task OwnOrganisationUseCases_StaffWithoutOrganisation_AreNotFound()
    {
        _flow.ActAs(_manager);

        Assert.That((await _slice.RunAsync(new ShowOwnOrganisation())).Kind, Is.EqualTo(OutcomeKind.NotFound));
        Assert.That((await _slice.RunAsync(new ListMembers())).Kind, Is.EqualTo(OutcomeKind.NotFound));
    }

    [Test]
    public async Task SuspendOrganisation_WithoutReason_IsRefused_WithReason_SuspendsAndEmailsTheMembers()
    {
        _flow.ActAs(_manager);
        var version = await VersionAsync();

        var refused = await _slice.RunAsync(new SuspendOrganisation(_organisationId, version, " "));
        var suspended = await _slice.RunAsync(new SuspendOrganisation(_organisationId, version, "Audit pending."));
        var again = await _slice.RunAsync(new SuspendOrganisation(_organisationId, await VersionAsync(), "Audit pending."));

        var mail = await _slice.WithDbAsync(db => db.OutboxMessages.AsNoTracking().SingleAsync(m => m.To == "amina@safeharbour.test"));
        Assert.Multiple(() =>
        {
            Assert.That(refused.Problems.Single().Field, Is.EqualTo("Reason"));
            Assert.That(suspended.Value, Is.EqualTo(new DecisionTaken(Name, AlreadyInStatus: false)));
            Assert.That(again.Value.AlreadyInStatus, Is.True);
            Assert.That(mail.Subject, Is.EqualTo($"{Name} is suspended on TrustFund"));
            Assert.That(mail.TextBody, Does.Contain("Reason: Audit pending."));
        });
    }

    [Test]
    public async Task ListOrganisations_FiltersBySearchAndStatusWithCountsPerStatus()
    {
        await _slice.WithDbAsync(db =>
        {
            db.Organisations.Add(Organisation.Register("Mercy Network", "KEN", _slice.Now));
            db.Organisations.Add(Organisation.Register("Safe Passage", "KEN", _slice.Now));
            return db.SaveChangesAsync();
        });
        _flow.ActAs(_manager);

        var safe = (await _slice.RunAsync(new ListOrganisations(null, "safe", 1))).Value;
        var pendingSafe = (await _slice.RunAsync(new ListOrganisations(OrganisationStatus.PendingVerification, "SAFE", 1))).Value;

        Assert.Multiple(() =>
        {
            Assert.That(safe.Rows.Select(r => r.LegalName), Is.EqualTo(new[] { Name, "Safe Passage" }));
            Assert.That(safe.CountsByStatus[OrganisationStatus.Verified], Is.EqualTo(1));
            Assert.That(safe.CountsByStatus[OrganisationStatus.PendingVerification], Is.EqualTo(1));
            Assert.That(pendingSafe.Rows.Select(r => r.LegalName), Is.EqualTo(new[] { "Safe Passage" }));
        });
    }

    private Task<Guid> VersionAsync() =>
        _slice.WithDbAsync(db => db.Organisations.Where(o => o.Id == _organisationId).Select(o => o.Version).SingleAsync());

    private async Task<Attachment> UploadAsync(DocumentType type, string fileName)
    {
        var content = System.Text.Encoding.ASCII.GetBytes($"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\n% {fileName}\ntrailer << /Root 1 0 R >>\n%%EOF\n");
        var outcome = await _slice.RunAsync(new UploadOrganisationDocument(type, fileName, content));
        Assert.That(outcome.Succeeded, Is.True, string.Join("; ", outcome.Problems.Select(p => p.Message)));
        return await _slice.WithDbAsync(db => db.Attachments.AsNoTracking().SingleAsync(a => a.FileName == fileName));
    }

    private async Task SubmittedVersionRelyingOnAsync(Attachment document)
    {
        _slice.Actor.SignIn(await _slice.WithDbAsync(db => db.Users.SingleAsync(u => u.Email == "manager@trustfund.test")), Roles.FundManager);
        _flow.ActAs(_slice.Actor.User);
        var drafted = (await _slice.RunAsync(new DraftCall(new CallTerms
        {
            Code = "DOC",
            Title = "Call DOC",
            WindowType = WindowType.ShortTerm,
            OpensAtUtc = _slice.Now.AddDays(-1),
            ClosesAtUtc = _slice.Now.AddDays(30),
            TimeZoneId = "Europe/Vienna",
            MinimumAmount = 5_000m,
            MaximumAmount = 20_000m,
            MaximumDurationMonths = 9,
            Envelope = 200_000m,
        }))).Value;
        var callVersion = await _slice.WithDbAsync(db => db.Calls.Where(c => c.Id == drafted.Id).Select(c => c.Version).SingleAsync());
        Assert.That((await _slice.RunAsync(new PublishCall(drafted.Id, callVersion))).Succeeded, Is.True);
        await _slice.WithDbAsync(async db =>
        {
            var call = await db.Calls.SingleAsync(c => c.Id == drafted.Id);
            var organisation = await db.Organisations.SingleAsync(o => o.Id == _organisationId);
            var application = GrantApplication.Start(call, organisation, "amina@safeharbour.test", _slice.Now);
            db.Applications.Add(application);
            await db.SaveChangesAsync();
            db.ApplicationVersions.Add(new ApplicationVersion(application.Id, 1, new ProposalContent(), _slice.Now, "amina@safeharbour.test", call.Terms, organisation.LegalName, [SubmittedDocument.Of(document)]));
            return await db.SaveChangesAsync();
        });
        _flow.ActAs(_applicant);
    }
}
