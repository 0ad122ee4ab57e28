using System.Globalization;
using Microsoft.EntityFrameworkCore;
using TrustFund.Application.Accounts;
using TrustFund.Application.Audit;
using TrustFund.Application.Common;
using TrustFund.Application.Organisations;
using TrustFund.Application.Payments;
using TrustFund.Application.Tests.Infrastructure;

namespace TrustFund.Application.Tests.Payments;

/// <summary>A grant's "bank details verified" condition follows the organisation's bank account and its verification.</summary>
[FixtureLifeCycle(LifeCycle.InstancePerTestCase)]
public sealed class BankVerificationTests
{
    private SliceFixture _slice = null!;

    [SetUp]
    public async Task Start() => _slice = await SliceFixture.StartAsync();

    [TearDown]
    public async Task Stop() => await _slice.DisposeAsync();

    [Test]
    public async Task BankDetailsChangedAfterThePayment_ResetTheGrantsVerification_UntilTheSecretariatVerifiesThemAgain()
    {
        var grant = await PaymentData.ActiveGrantAsync(_slice, "BK1");
        var finance = await _slice.SignInAsNewUserAsync("finance@trustfund.test", Roles.FinanceOfficer);
        var applicant = await _slice.SignInAsNewUserAsync("amina@bk1.test", Roles.Applicant, grant.OrganisationId);
        var manager = await _slice.SignInAsNewUserAsync("manager@trustfund.test", Roles.FundManager);
        var today = DateOnly.FromDateTime(_slice.Now);
        await _slice.RunAsync(new RequestRelease(grant.Id, grant.Instalments[0].Id, [], []));
        _slice.Actor.SignIn(finance, Roles.FinanceOfficer);
        await _slice.RunAsync(new ApproveRelease(grant.Id, grant.Instalments[0].Id));
        await _slice.RunAsync(new RecordPayment(grant.Id, grant.Instalments[0].Id, 4_000m, today, "PAY-BK1"));
        _slice.Clock.Advance(TimeSpan.FromDays(1));

        _slice.Actor.SignIn(applicant, Roles.Applicant);
        var version = await _slice.WithDbAsync(db => db.Organisations.Where(o => o.Id == grant.OrganisationId).Select(o => o.Version).SingleAsync());
        var changed = await _slice.RunAsync(new UpdateBankDetails(version, "New Bank", "NEWBNGLA", "NG9988776655", "BK1 Partners"));
        Assert.That(changed.Succeeded, Is.True, string.Join(" ", changed.Problems.Select(p => p.Message)));
        var afterChange = await PaymentData.ReadAsync(_slice, grant.Id);

        _slice.Actor.SignIn(manager, Roles.FundManager);
        await _slice.RunAsync(new RequestRelease(grant.Id, grant.Instalments[1].Id, [], [new ConditionJustification(0, "Report late.")]));
        _slice.Actor.SignIn(finance, Roles.FinanceOfficer);
        var refused = await _slice.RunAsync(new ApproveRelease(grant.Id, grant.Instalments[1].Id));

        _slice.Actor.SignIn(manager, Roles.FundManager);
        version = await _slice.WithDbAsync(db => db.Organisations.Where(o => o.Id == grant.OrganisationId).Select(o => o.Version).SingleAsync());
        var verified = await _slice.RunAsync(new VerifyBankDetails(grant.OrganisationId, version));
        _slice.Actor.SignIn(finance, Roles.FinanceOfficer);
        var approved = await _slice.RunAsync(new ApproveRelease(grant.Id, grant.Instalments[1].Id));

        Assert.Multiple(async () =>
        {
            Assert.That(afterChange.BankDetailsVerified, Is.False);
            Assert.That(await _slice.WithDbAsync(db => db.AuditEntries.CountAsync(e => e.Action == AuditActions.GrantBankVerificationReset)), Is.EqualTo(1));
            Assert.That(string.Join(" ", refused.Problems.Select(p => p.Message)), Does.Contain("bank details are not verified"));
            Assert.That(verified.Succeeded, Is.True);
            Assert.That(approved.Succeeded, Is.True, string.Join(" ", approved.Problems.Select(p => string.Format(CultureInfo.InvariantCulture, p.Message, [.. p.Arguments]))));
            Assert.That((await PaymentData.ReadAsync(_slice, grant.Id)).BankDetailsVerified, Is.True);
        });
    }

    [Test]
    public async Task GrantAwardedAfterTheOrganisationsBankDetailsWereVerified_TakesThatVerification()
    {
        var grant = await PaymentData.ActiveGrantAsync(_slice, "BK2", bankVerified: false);
        await _slice.WithDbAsync(async db =>
        {
            var organisation = await db.Organisations.SingleAsync(o => o.Id == grant.OrganisationId);
            organisation.ChangeBankDetails(new Domain.Organisations.BankDetails { BankName = "Bank", SwiftBic = "ABCDNGLA", AccountNumber = "NG0012345678", AccountHolder = "BK2 Partners" });
            organisation.VerifyBankDetails("manager@trustfund.test", _slice.Now);
            return await db.SaveChangesAsync();
        });
        await _slice.SignInAsNewUserAsync("manager@trustfund.test", Roles.FundManager);

        var outcome = await _slice.RunAsync(new RequestRelease(grant.Id, grant.Instalments[0].Id, [], []));

        Assert.That(outcome.Succeeded, Is.True, string.Join(" ", outcome.Problems.Select(p => p.Message)));
        Assert.That((await PaymentData.ReadAsync(_slice, grant.Id)).BankDetailsVerified, Is.True);
    }
}
