using System.Globalization;
using Microsoft.EntityFrameworkCore;
using TrustFund.Application.Accounts;
using TrustFund.Application.Common;
using TrustFund.Application.GranteeReports;
using TrustFund.Application.Grants;
using TrustFund.Application.Payments;
using TrustFund.Application.Tests.GranteeReports;
using TrustFund.Application.Tests.Infrastructure;
using TrustFund.Domain.Grants;

namespace TrustFund.Application.Tests.Grants;

[FixtureLifeCycle(LifeCycle.InstancePerTestCase)]
public sealed class ClosureUseCaseTests
{
    private SliceFixture _slice = null!;

    [SetUp]
    public async Task Start() => _slice = await SliceFixture.StartAsync();

    [TearDown]
    public async Task Stop() => await _slice.DisposeAsync();

    [Test]
    public async Task CloseGrant_WithTheFinalReportAndInstalmentsOutstanding_ListsEachRule_ThenClosesOnceSettled()
    {
        var (grant, organisationId, _, final) = await ReportData.GrantAsync(_slice, "CLS");
        await _slice.SignInAsNewUserAsync("grace@cls.example.org", Roles.Applicant, organisationId);
        var applicantBegins = await _slice.RunAsync(new BeginGrantClosing(grant.Id, await VersionAsync(grant.Id)));
        await _slice.SignInAsNewUserAsync("manager@fund.example.org", Roles.FundManager);
        var begun = await _slice.RunAsync(new BeginGrantClosing(grant.Id, await VersionAsync(grant.Id)));
        var early = await _slice.RunAsync(new CloseGrant(grant.Id, await VersionAsync(grant.Id)));
        var stillClosing = await ReadAsync(grant.Id);

        foreach (var instalment in stillClosing.Instalments)
        {
            Assert.That((await _slice.RunAsync(new CancelInstalment(grant.Id, instalment.Id, "The project ended without spending."))).Succeeded, Is.True);
        }

        await _slice.SignInAsNewUserAsync("grace2@cls.example.org", Roles.Applicant, organisationId);
        var submitted = await _slice.RunAsync(new SubmitReport(grant.Id, final.Id, final.Version, ReportData.Valid(), false));
        await _slice.SignInAsNewUserAsync("manager2@fund.example.org", Roles.FundManager);
        var accepted = await _slice.RunAsync(new AcceptReport(grant.Id, final.Id, (await ReportData.ReadAsync(_slice, final.Id)).Version));
        var version = await VersionAsync(grant.Id);
        var closed = await _slice.RunAsync(new CloseGrant(grant.Id, version));
        var again = await _slice.RunAsync(new CloseGrant(grant.Id, version));
        var after = await ReadAsync(grant.Id);

        Assert.Multiple(() =>
        {
            Assert.That(applicantBegins.Kind, Is.EqualTo(OutcomeKind.NotFound), "an applicant cannot start the closure");
            Assert.That(begun.Succeeded, Is.True, Problems(begun));
            Assert.That(early.Succeeded, Is.False);
            Assert.That(early.Problems.Select(p => p.Field), Is.EquivalentTo(new[] { "Reports", "Instalments", "Instalments", "Instalments" }));
            Assert.That(Problems(early), Does.Contain("The final reports must be accepted before the grant is closed."));
            Assert.That(stillClosing.Status, Is.EqualTo(GrantStatus.Closing));
            Assert.That(submitted.Succeeded, Is.True, Problems(submitted));
            Assert.That(accepted.Succeeded, Is.True, Problems(accepted));
            Assert.That(closed.Succeeded, Is.True, Problems(closed));
            Assert.That(again.Succeeded, Is.True, "closing a closed grant again changes nothing");
            Assert.That(after.Status, Is.EqualTo(GrantStatus.Closed));
            Assert.That(after.ClosedAtUtc, Is.Not.Null);
        });
    }

    private Task<Guid> VersionAsync(Guid grantId) =>
        _slice.WithDbAsync(db => ((ITrustFundDb)db).Grants.AsNoTracking().Where(g => g.Id == grantId).Select(g => g.Version).SingleAsync());

    private Task<Grant> ReadAsync(Guid grantId) =>
        _slice.WithDbAsync(db => ((ITrustFundDb)db).Grants.AsNoTracking().SingleAsync(g => g.Id == grantId));

    private static string Problems<T>(Outcome<T> outcome) =>
        string.Join(" | ", outcome.Problems.Select(p => p.Arguments.Count == 0 ? p.Message : string.Format(CultureInfo.InvariantCulture, p.Message, [.. p.Arguments])));
}
