using Microsoft.EntityFrameworkCore;
using TrustFund.Application.Accounts;
using TrustFund.Application.Applications;
using TrustFund.Application.Common;
using TrustFund.Application.Tests.Infrastructure;
using TrustFund.Application.Tests.Screenings;
using TrustFund.Domain.Applications;
using TrustFund.Domain.Calls;
using TrustFund.Domain.Organisations;

namespace TrustFund.Application.Tests.Applications;

/// <summary>The receipt of a submission and the comparison of submitted versions, through their handlers, on SQLite.</summary>
[FixtureLifeCycle(LifeCycle.InstancePerTestCase)]
public sealed class ReceiptAndComparisonUseCaseTests
{
    private SliceFixture _slice = null!;

    [SetUp]
    public async Task Start() => _slice = await SliceFixture.StartAsync();

    [TearDown]
    public async Task Stop() => await _slice.DisposeAsync();

    [Test]
    public async Task ShowReceipt_SubmittedApplication_StatesTheLatestSubmission()
    {
        var application = await ScreeningData.SubmittedAsync(_slice, "RCP");
        _slice.Clock.Advance(TimeSpan.FromDays(2));
        await ResubmitAsync(application.Id, "Project RCP, revised", 12_500m, "Bola Adeyemi");
        await SignInAsMemberOfAsync(application.OrganisationId);

        var outcome = await _slice.RunAsync(new ShowReceipt(application.Id));

        Assert.That(outcome.Succeeded, Is.True, outcome.Kind.ToString());
        var receipt = outcome.Value;
        Assert.Multiple(() =>
        {
            Assert.That(receipt.Details.Application.Id, Is.EqualTo(application.Id));
            Assert.That(receipt.Details.Call.Code, Is.EqualTo("RCP"));
            Assert.That(receipt.Submission, Is.EqualTo(new SubmissionReceipt("RCP-2026-001", 2, _slice.Now, "Europe/Vienna", 12_500m, "Bola Adeyemi")));
        });
    }

    [Test]
    public async Task ShowReceipt_Draft_SaysNotSubmitted()
    {
        var draftId = await DraftAsync("DRF");
        await SignInAsMemberOfAsync(await OrganisationOfAsync(draftId));

        var outcome = await _slice.RunAsync(new ShowReceipt(draftId));

        Assert.That(outcome.Succeeded, Is.True, outcome.Kind.ToString());
        Assert.Multiple(() =>
        {
            Assert.That(outcome.Value.Submission, Is.Null);
            Assert.That(outcome.Value.Details.Application.Status, Is.EqualTo(ApplicationStatus.Draft));
        });
    }

    [Test]
    public async Task ShowReceiptAndCompareVersions_AnotherOrganisationsApplication_AreNotFound()
    {
        var application = await ScreeningData.SubmittedAsync(_slice, "OTH");
        await ScreeningData.ResubmitAsync(_slice, application.Id);
        var mine = await DraftAsync("MNE");
        await SignInAsMemberOfAsync(await OrganisationOfAsync(mine));

        var receipt = await _slice.RunAsync(new ShowReceipt(application.Id));
        var comparison = await _slice.RunAsync(new CompareVersions(application.Id));
        var explicitComparison = await _slice.RunAsync(new CompareVersions(application.Id, 1, 2));

        Assert.Multiple(() =>
        {
            Assert.That(receipt.Kind, Is.EqualTo(OutcomeKind.NotFound));
            Assert.That(comparison.Kind, Is.EqualTo(OutcomeKind.NotFound));
            Assert.That(explicitComparison.Kind, Is.EqualTo(OutcomeKind.NotFound));
        });
    }

    [Test]
    public async Task CompareVersions_WithoutNumbers_ComparesTheLatestWithThePreviousOne()
    {
        var application = await ScreeningData.SubmittedAsync(_slice, "CMP");
        await ResubmitAsync(application.Id, "Second title", 11_000m, "Amina Bello");
        await ResubmitAsync(application.Id, "Third title", 12_000m, "Amina Bello");
        await SignInAsMemberOfAsync(application.OrganisationId);

        var outcome = await _slice.RunAsync(new CompareVersions(application.Id));

        Assert.That(outcome.Succeeded, Is.True, outcome.Kind.ToString());
        Assert.That(outcome.Value.Versions, Is.Not.Null);
        var compared = outcome.Value.Versions!;
        Assert.Multiple(() =>
        {
            Assert.That((compared.From, compared.To), Is.EqualTo((2, 3)));
            Assert.That(compared.Numbers, Is.EqualTo(new[] { 1, 2, 3 }));
            Assert.That(compared.FromContent.Title, Is.EqualTo("Second title"));
            Assert.That(compared.ToContent.Title, Is.EqualTo("Third title"));
            Assert.That(outcome.Value.Details.Application.Reference, Is.EqualTo("CMP-2026-001"));
        });
    }

    [Test]
    public async Task CompareVersions_OnlyOneVersion_ComparesItWithItself()
    {
        var application = await ScreeningData.SubmittedAsync(_slice, "ONE");
        await SignInAsMemberOfAsync(application.OrganisationId);

        var compared = (await _slice.RunAsync(new CompareVersions(application.Id))).Value.Versions!;

        Assert.That((compared.From, compared.To, compared.FromContent.Title, compared.ToContent.Title), Is.EqualTo((1, 1, "Project ONE", "Project ONE")));
    }

    [Test]
    public async Task CompareVersions_ExplicitNumbers_ComparesThoseVersions()
    {
        var application = await ScreeningData.SubmittedAsync(_slice, "EXP");
        await ResubmitAsync(application.Id, "Second title", 11_000m, "Amina Bello");
        await ResubmitAsync(application.Id, "Third title", 12_000m, "Amina Bello");
        await SignInAsMemberOfAsync(application.OrganisationId);

        var firstWithLatest = (await _slice.RunAsync(new CompareVersions(application.Id, From: 1, To: 3))).Value.Versions!;
        var onlyTo = (await _slice.RunAsync(new CompareVersions(application.Id, To: 2))).Value.Versions!;

        Assert.Multiple(() =>
        {
            Assert.That((firstWithLatest.From, firstWithLatest.To), Is.EqualTo((1, 3)));
            Assert.That(firstWithLatest.FromContent.Title, Is.EqualTo("Project EXP"));
            Assert.That(firstWithLatest.ToContent.Title, Is.EqualTo("Third title"));
            Assert.That((onlyTo.From, onlyTo.To), Is.EqualTo((1, 2)), "without a left number, the one before the right");
            Assert.That(onlyTo.ToContent.Title, Is.EqualTo("Second title"));
        });
    }

    [TestCase(1, 4)]
    [TestCase(0, 2)]
    [TestCase(3, 1)]
    public async Task CompareVersions_UnknownVersionNumber_IsNotFound(int from, int to)
    {
        var application = await ScreeningData.SubmittedAsync(_slice, "UNK");
        await ResubmitAsync(application.Id, "Second title", 11_000m, "Amina Bello");
        await SignInAsMemberOfAsync(application.OrganisationId);

        var outcome = await _slice.RunAsync(new CompareVersions(application.Id, from, to));

        Assert.That(outcome.Kind, Is.EqualTo(OutcomeKind.NotFound));
    }

    [Test]
    public async Task CompareVersions_Draft_HasNoVersionsToCompare()
    {
        var draftId = await DraftAsync("NOV");
        await SignInAsMemberOfAsync(await OrganisationOfAsync(draftId));

        var outcome = await _slice.RunAsync(new CompareVersions(draftId));

        Assert.That(outcome.Succeeded, Is.True, outcome.Kind.ToString());
        Assert.That(outcome.Value.Versions, Is.Null);
    }

    private async Task SignInAsMemberOfAsync(Guid organisationId) =>
        await _slice.SignInAsNewUserAsync($"member-{Guid.NewGuid():N}@example.org", Roles.Applicant, organisationId);

    private Task<Guid> OrganisationOfAsync(Guid applicationId) =>
        _slice.WithDbAsync(db => db.Applications.Where(a => a.Id == applicationId).Select(a => a.OrganisationId).SingleAsync());

    /// <summary>A draft application of a new verified organisation on a new published call.</summary>
    private Task<Guid> DraftAsync(string code) => _slice.WithDbAsync(async db =>
    {
        var now = _slice.Now;
        var call = Call.Draft(ScreeningData.Terms(code, now), now);
        call.Publish(now);
        var organisation = Organisation.Register($"{code} Partners", "NGA", now);
        organisation.Verify(now);
        db.Calls.Add(call);
        db.Organisations.Add(organisation);
        await db.SaveChangesAsync();
        var application = GrantApplication.Start(call, organisation, "applicant@example.org", now);
        db.Applications.Add(application);
        await db.SaveChangesAsync();
        return application.Id;
    });

    /// <summary>The Secretariat asks for more information; the organisation changes the title and amount and resubmits.</summary>
    private Task<int> ResubmitAsync(Guid applicationId, string title, decimal amount, string submittedBy) => _slice.WithDbAsync(async db =>
    {
        var current = await db.Applications.Include(a => a.Versions).SingleAsync(a => a.Id == applicationId);
        var call = await db.Calls.SingleAsync(c => c.Id == current.CallId);
        var now = _slice.Now;
        current.RequestInformation("Please add detail.", now.AddDays(14), now);
        current.Edit(ScreeningData.Content(title, amount), submittedBy, now);
        current.Submit(new SubmissionContext(call, true, current.OrganisationName, [ScreeningData.Certificate()], now), null, submittedBy);
        return await db.SaveChangesAsync();
    });
}
