using Microsoft.EntityFrameworkCore;
using TrustFund.Domain.Applications;
using TrustFund.Infrastructure.Demo;
using TrustFund.Web.Tests.Infrastructure;
using static TrustFund.Web.Tests.Applications.ApplicantJourney;

namespace TrustFund.Web.Tests.Applications;

public sealed class DemoApplicationsTests
{
    [Test]
    public async Task SeedApplications_WithoutOpenCall_AddsNothing()
    {
        using var app = await new TrustFundApp().StartAsync();
        var closedCalls = await app.WithDbAsync(async db =>
        {
            foreach (var open in await db.Calls.Where(c => c.Status == TrustFund.Domain.Calls.CallStatus.Published).ToListAsync())
            {
                open.Close(app.Clock.GetUtcNow().UtcDateTime);
            }

            await db.SaveChangesAsync();
            return await db.Calls.CountAsync(c => c.Status == TrustFund.Domain.Calls.CallStatus.Closed);
        });

        await DemoData.SeedApplicationsAsync(app.Services);

        Assert.That(closedCalls, Is.GreaterThan(0), "the demo calls exist and are all closed");
        Assert.That(await app.WithDbAsync(db => db.Applications.CountAsync()), Is.Zero);
    }

    [Test]
    public async Task SeedApplications_WithOpenCall_AddsSubmittedAndDraftOnceAndTheyShowInMyApplications()
    {
        using var app = await new TrustFundApp().StartAsync();
        var call = await CreateOpenCallAsync(app, t => t with { RequiredDocuments = [TrustFund.Domain.Calls.DocumentType.AuditedFinancialStatements, TrustFund.Domain.Calls.DocumentType.ReferenceLetter] });
        var organisation = await OrganisationOfAsync(app, Applicant);

        await DemoData.SeedApplicationsAsync(app.Services);
        await DemoData.SeedApplicationsAsync(app.Services);

        var applications = await app.WithDbAsync(db => db.Applications.AsNoTracking().ToListAsync());
        var submitted = applications.Single(a => a.Status == ApplicationStatus.Submitted);
        Assert.Multiple(() =>
        {
            Assert.That(applications, Has.Count.EqualTo(2));
            Assert.That(submitted.OrganisationId, Is.EqualTo(organisation));
            Assert.That(submitted.Reference, Is.EqualTo($"UNVTF-2026-{call.Code}-0001"));
            Assert.That(applications.Count(a => a.Status == ApplicationStatus.Draft), Is.EqualTo(1));
        });
        using var session = await app.SignInAsync(Applicant);
        var (_, list) = await session.GetPageAsync("/Applications");
        Assert.That(list.QuerySelector($"[data-application-id='{submitted.Id}']")?.TextContent, Does.Contain(submitted.Reference));
    }
}
