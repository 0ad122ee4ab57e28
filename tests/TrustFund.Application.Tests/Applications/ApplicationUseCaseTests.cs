using Microsoft.EntityFrameworkCore;
using TrustFund.Application.Accounts;
using TrustFund.Application.Applications;
using TrustFund.Application.Audit;
using TrustFund.Application.Calls;
using TrustFund.Application.Common;
using TrustFund.Application.Tests.Infrastructure;
using TrustFund.Domain.Applications;
using TrustFund.Domain.Calls;
using TrustFund.Domain.Organisations;

namespace TrustFund.Application.Tests.Applications;

/// <summary>The applicant journey's use cases through their handlers, on SQLite, without HTTP.</summary>
[FixtureLifeCycle(LifeCycle.InstancePerTestCase)]
public sealed class ApplicationUseCaseTests
{
    private SliceFixture _slice = null!;
    private Guid _callId;

    [SetUp]
    public async Task Start()
    {
        _slice = await SliceFixture.StartAsync();
        await _slice.SignInAsNewUserAsync("manager@trustfund.test", Roles.FundManager, name: "Mariam Okafor");
        var drafted = (await _slice.RunAsync(new DraftCall(Terms("APP")))).Value;
        var version = await _slice.WithDbAsync(db => db.Calls.Where(c => c.Id == drafted.Id).Select(c => c.Version).SingleAsync());
        Assert.That((await _slice.RunAsync(new PublishCall(drafted.Id, version))).Succeeded, Is.True);
        _callId = drafted.Id;
    }

    [TearDown]
    public async Task Stop() => await _slice.DisposeAsync();

    [Test]
    public async Task StartApplication_Twice_OpensTheExistingDraft()
    {
        await SignInAsApplicantAsync("amina@ngo.test");

        var first = await _slice.RunAsync(new StartApplication(_callId));
        var second = await _slice.RunAsync(new StartApplication(_callId));

        Assert.Multiple(() =>
        {
            Assert.That(first.Value.Result, Is.EqualTo(StartResult.Started));
            Assert.That(second.Value.Result, Is.EqualTo(StartResult.Existing));
            Assert.That(second.Value.ApplicationId, Is.EqualTo(first.Value.ApplicationId));
        });
    }

    [Test]
    public async Task StartApplication_UnknownCall_IsNotFound()
    {
        await SignInAsApplicantAsync("amina@ngo.test");

        Assert.That((await _slice.RunAsync(new StartApplication(Guid.NewGuid()))).Kind, Is.EqualTo(OutcomeKind.NotFound));
    }

    [Test]
    public async Task SaveApplicationSection_SavesThePartialSection()
    {
        await SignInAsApplicantAsync("amina@ngo.test", "Amina Bello");
        var id = (await _slice.RunAsync(new StartApplication(_callId))).Value.ApplicationId!.Value;

        var outcome = await _slice.RunAsync(new SaveApplicationSection(id, await VersionAsync(id), c => c with { Title = "Shelter in Lagos", AmountRequested = 9_885m }));

        var saved = await _slice.WithDbAsync(db => db.Applications.AsNoTracking().SingleAsync(a => a.Id == id));
        Assert.Multiple(() =>
        {
            Assert.That(outcome.Value.Saved, Is.True);
            Assert.That(saved.Title, Is.EqualTo("Shelter in Lagos"));
            Assert.That(saved.LastEditedBy, Is.EqualTo("Amina Bello"));
        });
    }

    [Test]
    public async Task SaveApplicationSection_MalformedContent_IsRefusedWithTheFieldAndNothingSaved()
    {
        await SignInAsApplicantAsync("amina@ngo.test");
        var id = (await _slice.RunAsync(new StartApplication(_callId))).Value.ApplicationId!.Value;

        var outcome = await _slice.RunAsync(new SaveApplicationSection(id, await VersionAsync(id), c => c with { Title = "Kept out", AmountRequested = -5m }));

        Assert.Multiple(async () =>
        {
            Assert.That(outcome.Kind, Is.EqualTo(OutcomeKind.Refused));
            Assert.That(outcome.Problems.Select(p => p.Field), Does.Contain(nameof(ProposalContent.AmountRequested)));
            Assert.That(await _slice.WithDbAsync(db => db.Applications.Where(a => a.Id == id).Select(a => a.Title).SingleAsync()), Is.Empty);
        });
    }

    [Test]
    public async Task SaveApplicationSection_OnAnOlderVersion_IsStale()
    {
        await SignInAsApplicantAsync("amina@ngo.test");
        var id = (await _slice.RunAsync(new StartApplication(_callId))).Value.ApplicationId!.Value;
        var opened = await VersionAsync(id);
        Assert.That((await _slice.RunAsync(new SaveApplicationSection(id, opened, c => c with { Title = "Colleague's" }))).Succeeded, Is.True);

        var outcome = await _slice.RunAsync(new SaveApplicationSection(id, opened, c => c with { Title = "Mine" }));

        Assert.That(outcome.Kind, Is.EqualTo(OutcomeKind.Stale));
        Assert.That(await _slice.WithDbAsync(db => db.Applications.Where(a => a.Id == id).Select(a => a.Title).SingleAsync()), Is.EqualTo("Colleague's"));
    }

    [Test]
    public async Task OtherOrganisationsApplication_IsNotFoundForEveryUseCase()
    {
        await SignInAsApplicantAsync("amina@ngo.test");
        var id = (await _slice.RunAsync(new StartApplication(_callId))).Value.ApplicationId!.Value;
        var version = await VersionAsync(id);
        await SignInAsApplicantAsync("intruder@other.test");

        var outcomes = new[]
        {
            (await _slice.RunAsync(new ShowApplication(id))).Kind,
            (await _slice.RunAsync(new ShowApplicationDocuments(id))).Kind,
            (await _slice.RunAsync(new SaveApplicationSection(id, version, c => c with { Title = "Hijacked" }))).Kind,
            (await _slice.RunAsync(new AttachDocument(id, DocumentType.Other, "a.pdf", "%PDF-1.4\n%%EOF\n"u8.ToArray()))).Kind,
            (await _slice.RunAsync(new RemoveDocument(id, Guid.NewGuid()))).Kind,
            (await _slice.RunAsync(new DownloadOwnApplicationDocument(id, Guid.NewGuid()))).Kind,
            (await _slice.RunAsync(new WithdrawApplication(id, "Not mine"))).Kind,
            (await _slice.RunAsync(new SubmitApplication(id))).Kind,
        };

        Assert.That(outcomes, Has.All.EqualTo(OutcomeKind.NotFound));
        Assert.That(await _slice.WithDbAsync(db => db.Applications.Where(a => a.Id == id).Select(a => new { a.Title, a.Status }).SingleAsync()), Is.EqualTo(new { Title = string.Empty, Status = ApplicationStatus.Draft }));
    }

    [Test]
    public async Task WithdrawApplication_IsAuditedFromItsEvent_AndASecondClickFindsItWithdrawn()
    {
        await SignInAsApplicantAsync("amina@ngo.test");
        var id = (await _slice.RunAsync(new StartApplication(_callId))).Value.ApplicationId!.Value;

        var first = await _slice.RunAsync(new WithdrawApplication(id, "Funded elsewhere."));
        var second = await _slice.RunAsync(new WithdrawApplication(id, "Funded elsewhere."));

        var entries = await _slice.WithDbAsync(db => db.AuditEntries.Where(e => e.Action == AuditActions.ApplicationWithdrawn).Select(e => e.Summary).ToListAsync());
        Assert.Multiple(() =>
        {
            Assert.That(first.Value.AlreadyWithdrawn, Is.False);
            Assert.That(second.Value.AlreadyWithdrawn, Is.True);
            Assert.That(entries, Is.EqualTo(new[] { "Application (draft) withdrawn by amina@ngo.test: Funded elsewhere." }));
        });
    }

    [Test]
    public async Task WithdrawApplication_WithoutReason_IsRefusedByTheApplication()
    {
        await SignInAsApplicantAsync("amina@ngo.test");
        var id = (await _slice.RunAsync(new StartApplication(_callId))).Value.ApplicationId!.Value;

        var outcome = await _slice.RunAsync(new WithdrawApplication(id, " "));

        Assert.That(outcome.Kind, Is.EqualTo(OutcomeKind.Refused));
        Assert.That(await _slice.WithDbAsync(db => db.Applications.Where(a => a.Id == id).Select(a => a.Status).SingleAsync()), Is.EqualTo(ApplicationStatus.Draft));
    }

    [Test]
    public async Task AttachDocument_ContentNotMatchingItsName_IsRefusedOnTheFile_AndRemoveDocumentRemovesAnAttached()
    {
        await SignInAsApplicantAsync("amina@ngo.test");
        var id = (await _slice.RunAsync(new StartApplication(_callId))).Value.ApplicationId!.Value;

        var program = await _slice.RunAsync(new AttachDocument(id, DocumentType.Other, "budget.pdf", "MZ\u0090\0\u0003\0\0\0"u8.ToArray()));
        var pdf = await _slice.RunAsync(new AttachDocument(id, DocumentType.Other, "budget.pdf", "%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"u8.ToArray()));
        var attachmentId = await _slice.WithDbAsync(db => db.Attachments.Where(a => a.ApplicationId == id).Select(a => a.Id).SingleAsync());
        var removed = await _slice.RunAsync(new RemoveDocument(id, attachmentId));
        var again = await _slice.RunAsync(new RemoveDocument(id, attachmentId));

        Assert.Multiple(() =>
        {
            Assert.That(program.Kind, Is.EqualTo(OutcomeKind.Refused));
            Assert.That(program.Problems.Single().Field, Is.EqualTo("File"));
            Assert.That(pdf.Value.Attached, Is.True);
            Assert.That(removed.Value.Result, Is.EqualTo(RemovalResult.Removed));
            Assert.That(again.Value.Result, Is.EqualTo(RemovalResult.NotAttached));
        });
    }

    [Test]
    public async Task ListOwnApplications_ShowsOnlyTheOrganisationsOwn()
    {
        await SignInAsApplicantAsync("other@other.test");
        Assert.That((await _slice.RunAsync(new StartApplication(_callId))).Succeeded, Is.True);
        await SignInAsApplicantAsync("amina@ngo.test");
        var mine = (await _slice.RunAsync(new StartApplication(_callId))).Value.ApplicationId;

        var own = (await _slice.RunAsync(new ListOwnApplications())).Value;

        Assert.That(own.Applications.Select(a => a.Id), Is.EqualTo(new[] { mine }));
        Assert.That(own.OpenCalls.Single().ExistingApplicationId, Is.EqualTo(mine));
    }

    private async Task SignInAsApplicantAsync(string email, string? name = null)
    {
        var organisationId = await _slice.WithDbAsync(async db =>
        {
            var organisation = Organisation.Register($"Organisation of {email}", "KEN", _slice.Now);
            db.Organisations.Add(organisation);
            await db.SaveChangesAsync();
            return organisation.Id;
        });
        await _slice.SignInAsNewUserAsync(email, Roles.Applicant, organisationId, name);
    }

    private Task<Guid> VersionAsync(Guid id) => _slice.WithDbAsync(db => db.Applications.Where(a => a.Id == id).Select(a => a.Version).SingleAsync());

    private CallTerms Terms(string code) => new()
    {
        Code = code,
        Title = "Call " + code,
        WindowType = WindowType.ShortTerm,
        OpensAtUtc = _slice.Now.AddDays(-1),
        ClosesAtUtc = _slice.Now.AddDays(30),
        TimeZoneId = "Europe/Vienna",
        MinimumAmount = 5_000m,
        MaximumAmount = 20_000m,
        MaximumDurationMonths = 9,
        Envelope = 200_000m,
    };
}
