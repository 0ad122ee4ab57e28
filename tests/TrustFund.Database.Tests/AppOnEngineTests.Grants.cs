using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TrustFund.Domain.Applications;
using TrustFund.Domain.Decisions;
using TrustFund.Domain.GranteeReports;
using TrustFund.Domain.Grants;
using TrustFund.Infrastructure.Demo;
using TrustFund.Infrastructure.Persistence;

namespace TrustFund.Database.Tests;

public sealed partial class AppOnEngineTests
{
    [Test]
    public async Task SeedGrants_DecidedCall_AddsGrantsInEveryDemoStateOnce()
    {
        await DemoData.SeedApplicationsAsync(App.Services);
        await DemoData.SeedGrantsAsync(App.Services);
        await DemoData.SeedGrantsAsync(App.Services);

        await using var scope = App.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TrustFundDbContext>();
        var call = await db.Calls.AsNoTracking().SingleAsync(c => c.Code == DemoData.DecidedCallCode);
        var sessions = await db.BoardSessions.AsNoTracking().Where(s => s.CallId == call.Id).OrderBy(s => s.HeldOn).ToListAsync();
        var grants = await db.Grants.AsNoTracking().Where(g => g.CallId == call.Id).OrderBy(g => g.Number).ToListAsync();
        var organisation = await db.Users.Where(u => u.Email == "applicant@trustfund.test").Select(u => u.OrganisationId).SingleAsync();
        var demo = grants.Single(g => g.OrganisationId == organisation);
        var reports = await db.GranteeReports.AsNoTracking().Where(r => r.GrantId == demo.Id).OrderBy(r => r.DueOn).ToListAsync();
        var statuses = await db.Applications.Where(a => a.CallId == call.Id).Select(a => a.Status).ToListAsync();
        var today = DateOnly.FromDateTime(Clock.GetUtcNow().UtcDateTime);
        Assert.Multiple(() =>
        {
            Assert.That(sessions.Select(s => s.Decisions.Count), Is.EqualTo(new[] { 4, 1 }));
            Assert.That(sessions[0].Decisions.Select(d => d.Outcome), Is.EquivalentTo(new[] { DecisionOutcome.Approved, DecisionOutcome.Approved, DecisionOutcome.ReserveList, DecisionOutcome.NotApproved }));
            Assert.That(statuses, Is.EquivalentTo(new[] { ApplicationStatus.Approved, ApplicationStatus.Approved, ApplicationStatus.Approved, ApplicationStatus.NotApproved }));
            Assert.That(grants.Select(g => g.Status), Is.EquivalentTo(new[] { GrantStatus.Active, GrantStatus.Active, GrantStatus.AgreementPending }));
            Assert.That(grants.Select(g => g.Number), Is.All.Matches<string>(n => n.StartsWith("UNVTF-G-", StringComparison.Ordinal)));
            Assert.That(grants.Select(g => g.Number), Is.Unique);
            Assert.That(demo.Instalments.Select(i => i.Status), Is.EqualTo(new[] { InstalmentStatus.Paid, InstalmentStatus.Requested, InstalmentStatus.Planned }));
            Assert.That(demo.Ledger, Has.Count.EqualTo(1));
            Assert.That(reports.Select(r => r.Status), Is.EqualTo(new[] { ReportStatus.Accepted, ReportStatus.Due, ReportStatus.Due }));
            Assert.That(reports[1].IsOverdueOn(today), Is.True, "the second interim report is overdue");
            Assert.That(reports[2].IsOverdueOn(today), Is.False, "the final report is due");
        });
    }
}
