using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TrustFund.Application.Accounts;
using TrustFund.Application.Applications;
using TrustFund.Application.Audit;
using TrustFund.Application.Common;
using TrustFund.Application.Files;
using TrustFund.Application.Tests.Infrastructure;
using TrustFund.Application.Tests.Screenings;
using TrustFund.Domain.Applications;
using TrustFund.Domain.Calls;
using TrustFund.Domain.Documents;

namespace TrustFund.Application.Tests.Applications;

/// <summary>The fund managers' application use cases (details, documents, requests for information) through their handlers, on SQLite.</summary>
[FixtureLifeCycle(LifeCycle.InstancePerTestCase)]
public sealed class ManageApplicationUseCaseTests
{
    private SliceFixture _slice = null!;

    [SetUp]
    public async Task Start()
    {
        _slice = await SliceFixture.StartAsync();
        await _slice.SignInAsNewUserAsync("manager@trustfund.test", Roles.FundManager, name: "Mariam Okafor");
    }

    [TearDown]
    public async Task Stop() => await _slice.DisposeAsync();

    // Issue 12, defect 9.
    [Test]
    public async Task DownloadApplicationDocument_OnlyWhatASubmittedVersionReliedOn_EachDownloadAudited()
    {
        var application = await ScreeningData.SubmittedAsync(_slice, "DLD");
        var submitted = await AttachAsync(application, "submitted.pdf");
        await ScreeningData.ResubmitAsync(_slice, application.Id, SubmittedDocument.Of(submitted));
        var draft = await AttachAsync(application, "draft.pdf");

        var allowed = await _slice.RunAsync(new DownloadApplicationDocument(application.Id, submitted.Id));
        var refused = await _slice.RunAsync(new DownloadApplicationDocument(application.Id, draft.Id));

        await Assert.MultipleAsync(async () =>
        {
            Assert.That(allowed.Succeeded, Is.True);
            Assert.That(allowed.Value.FileName, Is.EqualTo("submitted.pdf"));
            Assert.That(refused.Kind, Is.EqualTo(OutcomeKind.NotFound), "a document of the next, unsubmitted draft is the organisation's own");
            var audit = await _slice.WithDbAsync(db => db.AuditEntries.Where(e => e.Action == AuditActions.ApplicationDocumentDownloaded).Select(e => e.Summary).ToListAsync());
            Assert.That(audit, Has.Count.EqualTo(1));
            Assert.That(audit[0], Does.Contain("submitted.pdf").And.Contain("DLD-2026-001"));
        });
    }

    [Test]
    public async Task DownloadApplicationDocument_OfADraftApplication_IsNotFound()
    {
        var application = await ScreeningData.SubmittedAsync(_slice, "DRA");
        var other = await _slice.WithDbAsync(async db =>
        {
            var call = await db.Calls.SingleAsync(c => c.Id == application.CallId);
            var organisation = await db.Organisations.SingleAsync(o => o.Id == application.OrganisationId);
            var started = GrantApplication.Start(call, organisation, "applicant@example.org", _slice.Now);
            db.Applications.Add(started);
            await db.SaveChangesAsync();
            return started;
        });
        var attachment = await AttachAsync(other, "unsubmitted.pdf");

        var outcome = await _slice.RunAsync(new DownloadApplicationDocument(other.Id, attachment.Id));

        Assert.That(outcome.Kind, Is.EqualTo(OutcomeKind.NotFound));
    }

    [Test]
    public async Task RequestInformation_IsAuditedEmailedAndRepeatedClickIsAlreadySent()
    {
        var application = await ScreeningData.SubmittedAsync(_slice, "RFI");
        await _slice.WithDbAsync(db =>
        {
            db.Users.Add(new TrustFundUser { UserName = "member@rfi.example.org", Email = "member@rfi.example.org", DisplayName = "Member", OrganisationId = application.OrganisationId });
            return db.SaveChangesAsync();
        });

        var sent = await _slice.RunAsync(new RequestInformation(application.Id, application.Version, "Break down the costs."));
        var version = await _slice.WithDbAsync(db => db.Applications.Where(a => a.Id == application.Id).Select(a => a.Version).SingleAsync());
        var again = await _slice.RunAsync(new RequestInformation(application.Id, version, "Break down the costs."));

        await Assert.MultipleAsync(async () =>
        {
            Assert.That(sent.Value, Is.EqualTo(InformationRequestResult.Sent));
            Assert.That(again.Value, Is.EqualTo(InformationRequestResult.AlreadySent));
            Assert.That(await _slice.WithDbAsync(db => db.AuditEntries.CountAsync(e => e.Action == AuditActions.ApplicationInformationRequested)), Is.EqualTo(1));
            var email = await _slice.WithDbAsync(db => db.OutboxMessages.SingleAsync(m => m.To == "member@rfi.example.org"));
            Assert.That(email.Subject, Does.Contain("RFI-2026-001"));
            Assert.That(email.TextBody, Does.Contain("Break down the costs."));
        });
    }

    [Test]
    public async Task RequestInformation_OnAScreenedApplication_IsRefusedNamingItsStatus()
    {
        var application = await ScreeningData.SubmittedAsync(_slice, "SCR");
        await _slice.WithDbAsync(async db =>
        {
            (await db.Applications.SingleAsync(a => a.Id == application.Id)).RecordEligibility(true, null, _slice.Now);
            return await db.SaveChangesAsync();
        });

        var outcome = await _slice.RunAsync(new RequestInformation(application.Id, application.Version, "More please."));

        Assert.That(outcome.Kind, Is.EqualTo(OutcomeKind.Refused));
        Assert.That(outcome.Problems.Single().Arguments.Single(), Is.EqualTo("Eligible"));
    }

    private async Task<Attachment> AttachAsync(GrantApplication application, string name) =>
        await _slice.WithScopeAsync(async services =>
        {
            var key = await services.GetRequiredService<IFileStore>().AddAsync(new byte[] { 1, 2, 3 }, CancellationToken.None);
            var attachment = Attachment.Record(application.OrganisationId, application.Id, DocumentType.Other, name, "application/pdf", 3, new string('0', 64), key, _slice.Now, "applicant");
            var db = services.GetRequiredService<TrustFund.Infrastructure.Persistence.TrustFundDbContext>();
            db.Attachments.Add(attachment);
            await db.SaveChangesAsync();
            return attachment;
        });
}
