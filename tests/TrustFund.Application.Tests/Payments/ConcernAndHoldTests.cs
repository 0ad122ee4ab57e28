using System.Globalization;
using Microsoft.EntityFrameworkCore;
using TrustFund.Application.Accounts;
using TrustFund.Application.Audit;
using TrustFund.Application.Common;
using TrustFund.Application.Concerns;
using TrustFund.Application.Payments;
using TrustFund.Application.Tests.Infrastructure;
using TrustFund.Domain.Grants;

namespace TrustFund.Application.Tests.Payments;

/// <summary>Safeguarding concerns, holds, cancellations and ledger entries through their handlers, on SQLite.</summary>
[FixtureLifeCycle(LifeCycle.InstancePerTestCase)]
public sealed class ConcernAndHoldTests
{
    private SliceFixture _slice = null!;
    private TrustFundUser _manager = null!;
    private TrustFundUser _finance = null!;

    [SetUp]
    public async Task Start()
    {
        _slice = await SliceFixture.StartAsync();
        _finance = await _slice.SignInAsNewUserAsync("finance@trustfund.test", Roles.FinanceOfficer, name: "Fatou Finance");
        _manager = await _slice.SignInAsNewUserAsync("manager@trustfund.test", Roles.FundManager, name: "Mariam Okafor");
    }

    [TearDown]
    public async Task Stop() => await _slice.DisposeAsync();

    [Test]
    public async Task OpenConcern_BlocksRequestApprovalAndPaymentNamingIt_UntilClosedWithAnOutcome()
    {
        var grant = await PaymentData.ActiveGrantAsync(_slice, "CN1");
        var first = grant.Instalments[0].Id;
        var second = grant.Instalments[1].Id;
        await _slice.RunAsync(new RequestRelease(grant.Id, second, [], [new ConditionJustification(0, "Report late.")]));

        var opened = await _slice.RunAsync(new OpenConcern(grant.OrganisationId, ConcernCategory.Fraud, DateOnly.FromDateTime(_slice.Now), "Invoices appear duplicated."));
        Assert.That(opened.Succeeded, Is.True, Problems(opened));
        var request = await _slice.RunAsync(new RequestRelease(grant.Id, first, [], []));
        _slice.Actor.SignIn(_finance, Roles.FinanceOfficer);
        var approve = await _slice.RunAsync(new ApproveRelease(grant.Id, second));

        Assert.Multiple(() =>
        {
            Assert.That(Problems(request), Does.Contain("Payments to this organisation are blocked while a concern is open: fraud concern opened on 2 March 2026"));
            Assert.That(Problems(approve), Does.Contain("fraud concern opened on 2 March 2026"));
        });

        _slice.Actor.SignIn(_manager, Roles.FundManager);
        var concern = await _slice.WithDbAsync(db => db.SafeguardingConcerns.AsNoTracking().SingleAsync());
        var withoutOutcome = await _slice.RunAsync(new CloseConcern(grant.OrganisationId, concern.Id, concern.Version, " "));
        var closed = await _slice.RunAsync(new CloseConcern(grant.OrganisationId, concern.Id, concern.Version, "Checked: a printing error."));
        _slice.Actor.SignIn(_finance, Roles.FinanceOfficer);
        var approvedAfter = await _slice.RunAsync(new ApproveRelease(grant.Id, second));

        Assert.Multiple(async () =>
        {
            Assert.That(Problems(withoutOutcome), Does.Contain("Write the outcome of the concern"));
            Assert.That(closed.Succeeded, Is.True, Problems(closed));
            Assert.That(approvedAfter.Succeeded, Is.True, Problems(approvedAfter));
            Assert.That(await _slice.WithDbAsync(db => db.AuditEntries.CountAsync(e => e.Action == AuditActions.ConcernOpened || e.Action == AuditActions.ConcernClosed)), Is.EqualTo(2));
            Assert.That(await _slice.WithDbAsync(db => db.AuditEntries.CountAsync(e => e.Summary.Contains("duplicated"))), Is.Zero, "the note stays out of the audit trail");
        });
    }

    [Test]
    public async Task OpenConcern_SentTwice_IsRecordedOnce_AndOnlyFundManagersRecord()
    {
        var grant = await PaymentData.ActiveGrantAsync(_slice, "CN2");
        var today = DateOnly.FromDateTime(_slice.Now);

        await _slice.RunAsync(new OpenConcern(grant.OrganisationId, ConcernCategory.Safeguarding, today, "A report of abuse at the shelter."));
        var again = await _slice.RunAsync(new OpenConcern(grant.OrganisationId, ConcernCategory.Safeguarding, today, "A report of abuse at the shelter."));
        _slice.Actor.SignIn(_finance, Roles.FinanceOfficer);
        var byFinance = await _slice.RunAsync(new OpenConcern(grant.OrganisationId, ConcernCategory.Safeguarding, today, "Another."));
        var read = await _slice.RunAsync(new ShowConcerns(grant.OrganisationId));

        Assert.Multiple(async () =>
        {
            Assert.That(again.Value.AlreadyRecorded, Is.True);
            Assert.That(byFinance.Kind, Is.EqualTo(OutcomeKind.NotFound));
            Assert.That(read.Value.Concerns, Has.Count.EqualTo(1));
            Assert.That(read.Value.MayRecord, Is.False);
            Assert.That(await _slice.WithDbAsync(db => db.SafeguardingConcerns.CountAsync()), Is.EqualTo(1));
        });
    }

    [Test]
    public async Task OpenConcern_DateInTheFutureOrNoNote_IsRefused()
    {
        var grant = await PaymentData.ActiveGrantAsync(_slice, "CN3");

        var future = await _slice.RunAsync(new OpenConcern(grant.OrganisationId, ConcernCategory.Other, DateOnly.FromDateTime(_slice.Now).AddDays(2), "Note."));
        var noNote = await _slice.RunAsync(new OpenConcern(grant.OrganisationId, ConcernCategory.Other, DateOnly.FromDateTime(_slice.Now), " "));

        Assert.That(Problems(future), Does.Contain("cannot be in the future"));
        Assert.That(Problems(noNote), Does.Contain("Describe the concern"));
    }

    [Test]
    public async Task Hold_StopsTheApproval_TakeOffHoldReturnsIt_AndCancelNeedsAReason()
    {
        var grant = await PaymentData.ActiveGrantAsync(_slice, "HL1");
        var id = grant.Instalments[0].Id;
        await _slice.RunAsync(new RequestRelease(grant.Id, id, [], []));
        _slice.Actor.SignIn(_finance, Roles.FinanceOfficer);

        var held = await _slice.RunAsync(new PutInstalmentOnHold(grant.Id, id, "Bank asked to confirm the account holder."));
        var approveWhileHeld = await _slice.RunAsync(new ApproveRelease(grant.Id, id));
        var offHold = await _slice.RunAsync(new TakeInstalmentOffHold(grant.Id, id));
        var cancelWithoutReason = await _slice.RunAsync(new CancelInstalment(grant.Id, id, ""));
        var cancelled = await _slice.RunAsync(new CancelInstalment(grant.Id, id, "Project ended early."));
        var payCancelled = await _slice.RunAsync(new RecordPayment(grant.Id, id, 4_000m, DateOnly.FromDateTime(_slice.Now), "X-1"));

        Assert.Multiple(async () =>
        {
            Assert.That(held.Succeeded, Is.True, Problems(held));
            Assert.That(Problems(approveWhileHeld), Does.Contain("on hold"));
            Assert.That(offHold.Value.Status, Is.EqualTo(InstalmentStatus.Requested));
            Assert.That(Problems(cancelWithoutReason), Does.Contain("Give the reason for cancelling the instalment."));
            Assert.That(cancelled.Value.Status, Is.EqualTo(InstalmentStatus.Cancelled));
            Assert.That(payCancelled.Kind, Is.EqualTo(OutcomeKind.Refused));
            Assert.That(await _slice.WithDbAsync(db => db.AuditEntries.CountAsync(e => e.Action == AuditActions.InstalmentPutOnHold || e.Action == AuditActions.InstalmentTakenOffHold || e.Action == AuditActions.InstalmentCancelled)), Is.EqualTo(3));
        });
    }

    [Test]
    public async Task LedgerEntries_RefundCorrectionAndWriteOff_AreNewEntriesAndTheOriginalStaysAsItWas()
    {
        var grant = await PaymentData.ActiveGrantAsync(_slice, "LG1");
        var id = grant.Instalments[0].Id;
        var today = DateOnly.FromDateTime(_slice.Now);
        await _slice.RunAsync(new RequestRelease(grant.Id, id, [], []));
        _slice.Actor.SignIn(_finance, Roles.FinanceOfficer);
        await _slice.RunAsync(new ApproveRelease(grant.Id, id));
        await _slice.RunAsync(new RecordPayment(grant.Id, id, 4_000m, today, "PAY-1"));
        var payment = (await PaymentData.ReadAsync(_slice, grant.Id)).Ledger.Single();

        var tooMuch = await _slice.RunAsync(new RecordRefund(grant.Id, 1, 5_000m, today, "RF-0", null));
        var refund = await _slice.RunAsync(new RecordRefund(grant.Id, 1, 500m, today, "RF-1", "Unspent transport budget."));
        var stale = await _slice.RunAsync(new RecordWriteOff(grant.Id, 1, 100m, today, "Small balance."));
        var correction = await _slice.RunAsync(new RecordCorrection(grant.Id, 2, payment.Id, -50m, today, null, "Bank charges deducted."));
        var writeOff = await _slice.RunAsync(new RecordWriteOff(grant.Id, 3, 100m, today, "Small balance not worth recovering."));
        var duplicateReference = await _slice.RunAsync(new RecordRefund(grant.Id, 4, 10m, today, "pay-1", null));

        var stored = await PaymentData.ReadAsync(_slice, grant.Id);
        Assert.Multiple(() =>
        {
            Assert.That(Problems(tooMuch), Does.Contain("A refund cannot be more than the USD 4,000.00 the organisation has received."));
            Assert.That(refund.Succeeded, Is.True, Problems(refund));
            Assert.That(Problems(stale), Does.Contain("The ledger changed after you opened this page"));
            Assert.That(correction.Succeeded, Is.True, Problems(correction));
            Assert.That(writeOff.Succeeded, Is.True, Problems(writeOff));
            Assert.That(Problems(duplicateReference), Does.Contain("already used on this grant"));
            Assert.That(stored.Ledger.Select(e => e.Kind), Is.EquivalentTo(new[] { LedgerEntryKind.Payment, LedgerEntryKind.Refund, LedgerEntryKind.Correction, LedgerEntryKind.WriteOff }));
            Assert.That(stored.Ledger.Single(e => e.Kind == LedgerEntryKind.Payment).Amount.Amount, Is.EqualTo(4_000m), "the payment itself is never edited");
            Assert.That(stored.NetPaid.Amount, Is.EqualTo(3_450m));
            Assert.That(stored.WrittenOff.Amount, Is.EqualTo(100m));
        });
    }

    private static string Problems<T>(Outcome<T> outcome) =>
        string.Join(" | ", outcome.Problems.Select(p => p.Arguments.Count == 0 ? p.Message : string.Format(CultureInfo.InvariantCulture, p.Message, [.. p.Arguments])));
}
