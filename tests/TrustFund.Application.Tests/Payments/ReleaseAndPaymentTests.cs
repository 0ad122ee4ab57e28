using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TrustFund.Application.Accounts;
using TrustFund.Application.Audit;
using TrustFund.Application.Common;
using TrustFund.Application.Payments;
using TrustFund.Application.Tests.Infrastructure;
using TrustFund.Domain.GranteeReports;
using TrustFund.Domain.Grants;

namespace TrustFund.Application.Tests.Payments;

/// <summary>Release requests, approvals and payments through their handlers, on SQLite, without HTTP.</summary>
[FixtureLifeCycle(LifeCycle.InstancePerTestCase)]
public sealed class ReleaseAndPaymentTests
{
    private SliceFixture _slice = null!;
    private TrustFundUser _manager = null!;
    private TrustFundUser _finance = null!;
    private TrustFundUser _otherFinance = null!;
    private TrustFundUser _both = null!;

    [SetUp]
    public async Task Start()
    {
        _slice = await SliceFixture.StartAsync();
        _otherFinance = await _slice.SignInAsNewUserAsync("femi@trustfund.test", Roles.FinanceOfficer, name: "Femi Adeyemi");
        _both = await _slice.SignInAsNewUserAsync("dual@trustfund.test", Roles.FundManager, name: "Dana Dual");
        await _slice.WithScopeAsync(async services =>
        {
            var users = services.GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<TrustFundUser>>();
            return await users.AddToRoleAsync(await users.FindByIdAsync(_both.Id.ToString()) ?? throw new InvalidOperationException(), Roles.FinanceOfficer);
        });
        _finance = await _slice.SignInAsNewUserAsync("finance@trustfund.test", Roles.FinanceOfficer, name: "Fatou Finance");
        _manager = await _slice.SignInAsNewUserAsync("manager@trustfund.test", Roles.FundManager, name: "Mariam Okafor");
    }

    [TearDown]
    public async Task Stop() => await _slice.DisposeAsync();

    [Test]
    public async Task RequestRelease_EveryConditionMet_IsRequestedAuditedAndFinanceOfficersAreTold()
    {
        var grant = await PaymentData.ActiveGrantAsync(_slice, "RQ1");
        var first = grant.Instalments[0];

        var outcome = await _slice.RunAsync(new RequestRelease(grant.Id, first.Id, [], []));

        Assert.That(outcome.Succeeded, Is.True, Problems(outcome));
        var stored = (await PaymentData.ReadAsync(_slice, grant.Id)).Instalments[0];
        Assert.Multiple(async () =>
        {
            Assert.That(stored.Status, Is.EqualTo(InstalmentStatus.Requested));
            Assert.That(stored.RequestedById, Is.EqualTo(_manager.Id));
            Assert.That(await AuditCountAsync(AuditActions.InstalmentReleaseRequested, grant.Id), Is.EqualTo(1));
            Assert.That(await EmailsToAsync("finance@trustfund.test"), Has.One.Contains("waits for your approval"));
            Assert.That(await EmailsToAsync("manager@trustfund.test"), Has.None.Contains("waits for your approval"), "the requester is a fund manager, not told");
        });
    }

    [Test]
    public async Task RequestRelease_UnmetConditions_ListsEachAndChangesNothing()
    {
        var grant = await PaymentData.ActiveGrantAsync(_slice, "RQ2");
        var last = grant.Instalments[2];

        var outcome = await _slice.RunAsync(new RequestRelease(grant.Id, last.Id, [], []));

        Assert.That(outcome.Kind, Is.EqualTo(OutcomeKind.Refused));
        Assert.That(Problems(outcome), Does.Contain("This condition is not met: the final report is accepted."));
        Assert.That((await PaymentData.ReadAsync(_slice, grant.Id)).Instalments[2].Status, Is.EqualTo(InstalmentStatus.Planned));
    }

    [Test]
    public async Task RequestRelease_UnmetConditionWithJustification_IsRequestedAndTheOverrideIsMarkedInTheAudit()
    {
        var grant = await PaymentData.ActiveGrantAsync(_slice, "RQ3");
        var second = grant.Instalments[1];

        var outcome = await _slice.RunAsync(new RequestRelease(grant.Id, second.Id, [], [new ConditionJustification(0, "Interim report delayed by floods; the Board chair agreed.")]));

        Assert.That(outcome.Succeeded, Is.True, Problems(outcome));
        var stored = (await PaymentData.ReadAsync(_slice, grant.Id)).Instalments[1];
        var overrides = await _slice.WithDbAsync(db => db.AuditEntries.Where(e => e.Action == AuditActions.InstalmentConditionOverridden).Select(e => e.Summary).ToListAsync());
        Assert.Multiple(() =>
        {
            Assert.That(stored.Status, Is.EqualTo(InstalmentStatus.Requested));
            Assert.That(stored.Overrides.Single().Justification, Is.EqualTo("Interim report delayed by floods; the Board chair agreed."));
            Assert.That(overrides.Single(), Does.StartWith("OVERRIDE").And.Contain("the interim report is accepted").And.Contain("floods"));
        });
    }

    [Test]
    public async Task RequestRelease_InterimReportAccepted_MeetsTheSecondInstalmentsCondition()
    {
        var grant = await PaymentData.ActiveGrantAsync(_slice, "RQ4");
        await _slice.WithDbAsync(db =>
        {
            var report = GranteeReport.Schedule(grant.Id, new PlannedReport(ReportKind.Interim, 1, new DateOnly(2026, 8, 31), new DateOnly(2026, 9, 30)));
            typeof(GranteeReport).GetProperty(nameof(GranteeReport.Status))!.SetValue(report, ReportStatus.Accepted);
            db.GranteeReports.Add(report);
            return db.SaveChangesAsync();
        });

        var outcome = await _slice.RunAsync(new RequestRelease(grant.Id, grant.Instalments[1].Id, [], []));

        Assert.That(outcome.Succeeded, Is.True, Problems(outcome));
    }

    [Test]
    public async Task RequestRelease_ManualCondition_IsMetOnlyWhenConfirmed()
    {
        IReadOnlyList<ReleaseCondition> first = [ReleaseCondition.AgreementSigned, ReleaseCondition.Manual("Audit report received")];
        var grant = await PaymentData.ActiveGrantAsync(_slice, "RQ5", conditions: [first, [ReleaseCondition.InterimReportAccepted], [ReleaseCondition.FinalReportAccepted]]);
        var id = grant.Instalments[0].Id;

        var unconfirmed = await _slice.RunAsync(new RequestRelease(grant.Id, id, [], []));
        var confirmed = await _slice.RunAsync(new RequestRelease(grant.Id, id, [1], []));

        Assert.That(Problems(unconfirmed), Does.Contain("\"Audit report received\""));
        Assert.That(confirmed.Succeeded, Is.True, Problems(confirmed));
    }

    [Test]
    public async Task RequestRelease_BankDetailsNotVerified_CannotBeOverridden()
    {
        var grant = await PaymentData.ActiveGrantAsync(_slice, "RQ6", bankVerified: false);

        var outcome = await _slice.RunAsync(new RequestRelease(grant.Id, grant.Instalments[0].Id, [], [new ConditionJustification(1, "Urgent.")]));

        Assert.That(Problems(outcome), Does.Contain("This condition cannot be overridden: the organisation's bank details are verified."));
    }

    [Test]
    public async Task RequestRelease_PressedTwice_RequestsOnce()
    {
        var grant = await PaymentData.ActiveGrantAsync(_slice, "RQ7");

        await _slice.RunAsync(new RequestRelease(grant.Id, grant.Instalments[0].Id, [], []));
        var again = await _slice.RunAsync(new RequestRelease(grant.Id, grant.Instalments[0].Id, [], []));

        Assert.That(again.Value.AlreadyRequested, Is.True);
        Assert.That(await AuditCountAsync(AuditActions.InstalmentReleaseRequested, grant.Id), Is.EqualTo(1));
    }

    [Test]
    public async Task RequestRelease_ByAFinanceOfficer_IsNotFound()
    {
        var grant = await PaymentData.ActiveGrantAsync(_slice, "RQ8");
        _slice.Actor.SignIn(_finance, Roles.FinanceOfficer);

        var outcome = await _slice.RunAsync(new RequestRelease(grant.Id, grant.Instalments[0].Id, [], []));

        Assert.That(outcome.Kind, Is.EqualTo(OutcomeKind.NotFound));
    }

    [Test]
    public async Task ApproveRelease_ByItsRequester_IsRefusedAndAnotherFinanceOfficerApproves()
    {
        var grant = await PaymentData.ActiveGrantAsync(_slice, "AP1");
        var id = grant.Instalments[0].Id;
        _slice.Actor.SignIn(_both, Roles.FundManager, Roles.FinanceOfficer);
        await _slice.RunAsync(new RequestRelease(grant.Id, id, [], []));

        var byRequester = await _slice.RunAsync(new ApproveRelease(grant.Id, id));
        _slice.Actor.SignIn(_finance, Roles.FinanceOfficer);
        var byAnother = await _slice.RunAsync(new ApproveRelease(grant.Id, id));
        var again = await _slice.RunAsync(new ApproveRelease(grant.Id, id));

        var stored = (await PaymentData.ReadAsync(_slice, grant.Id)).Instalments[0];
        Assert.Multiple(() =>
        {
            Assert.That(Problems(byRequester), Does.Contain("You requested the release of this instalment: another finance officer must approve it."));
            Assert.That(byAnother.Succeeded, Is.True, Problems(byAnother));
            Assert.That(again.Value.AlreadyApproved, Is.True);
            Assert.That(stored.Status, Is.EqualTo(InstalmentStatus.Approved));
            Assert.That(stored.ApprovedById, Is.EqualTo(_finance.Id));
        });
    }

    [Test]
    public async Task ApproveRelease_ApprovedByAnotherOfficerMeanwhile_SaysWhoApproved()
    {
        var grant = await RequestedAsync("AP2");
        var id = grant.Instalments[0].Id;
        _slice.Actor.SignIn(_otherFinance, Roles.FinanceOfficer);
        await _slice.RunAsync(new ApproveRelease(grant.Id, id));
        _slice.Actor.SignIn(_finance, Roles.FinanceOfficer);

        var outcome = await _slice.RunAsync(new ApproveRelease(grant.Id, id));

        Assert.That(Problems(outcome), Does.Contain("was already approved by femi@trustfund.test"));
        Assert.That(
            outcome.Problems.Single().Text.Format(FundCulture.Of(System.Globalization.CultureInfo.GetCultureInfo("fr")), template => template),
            Is.EqualTo("The release of instalment 1 was already approved by femi@trustfund.test on 2 mars 2026, 09:00 UTC: nothing was saved."),
            "the moment is written the reader's way (the page translates the template)");
    }

    [Test]
    public async Task RecordPayment_ApprovedInstalment_WritesTheLedgerAndTellsTheOrganisation()
    {
        var grant = await ApprovedAsync("PY1");
        var first = grant.Instalments[0];

        var outcome = await _slice.RunAsync(new RecordPayment(grant.Id, first.Id, 4_000m, DateOnly.FromDateTime(_slice.Now), "BANK-0001"));

        Assert.That(outcome.Succeeded, Is.True, Problems(outcome));
        var stored = await PaymentData.ReadAsync(_slice, grant.Id);
        Assert.Multiple(async () =>
        {
            Assert.That(stored.Instalments[0].Status, Is.EqualTo(InstalmentStatus.Paid));
            Assert.That(stored.Ledger.Single().Reference, Is.EqualTo("BANK-0001"));
            Assert.That(stored.NetPaid.Amount, Is.EqualTo(4_000m));
            Assert.That(stored.Balance.Amount, Is.EqualTo(6_000m));
            Assert.That(stored.LastPaymentAtUtc, Is.Not.Null);
            Assert.That(await AuditCountAsync(AuditActions.PaymentRecorded, grant.Id), Is.EqualTo(1));
        });
    }

    [Test]
    public async Task RecordPayment_SentTwice_RecordsOnce()
    {
        var grant = await ApprovedAsync("PY2");
        var id = grant.Instalments[0].Id;
        var today = DateOnly.FromDateTime(_slice.Now);

        await _slice.RunAsync(new RecordPayment(grant.Id, id, 4_000m, today, "BANK-0002"));
        var again = await _slice.RunAsync(new RecordPayment(grant.Id, id, 4_000m, today, "bank-0002"));

        Assert.That(again.Value.AlreadyRecorded, Is.True);
        Assert.That((await PaymentData.ReadAsync(_slice, grant.Id)).Ledger, Has.Count.EqualTo(1));
    }

    [Test]
    public async Task RecordPayment_AlreadyPaidWithAnotherReference_IsRefusedNamingThePaymentAndNothingIsPaidTwice()
    {
        var grant = await ApprovedAsync("PY3");
        var id = grant.Instalments[0].Id;
        var today = DateOnly.FromDateTime(_slice.Now);
        await _slice.RunAsync(new RecordPayment(grant.Id, id, 4_000m, today, "BANK-0003"));

        var second = await _slice.RunAsync(new RecordPayment(grant.Id, id, 4_000m, today, "BANK-0004"));

        Assert.That(Problems(second), Does.Contain("Instalment 1 is already paid").And.Contain("BANK-0003"));
        Assert.That(
            second.Problems.Single().Text.Format(FundCulture.Of(System.Globalization.CultureInfo.GetCultureInfo("es")), template => template),
            Does.StartWith("Instalment 1 is already paid: USD 4.000,00 on 2 de marzo de 2026, reference BANK-0003, recorded by "),
            "the amount and the value date are written the reader's way");
        Assert.That((await PaymentData.ReadAsync(_slice, grant.Id)).NetPaid.Amount, Is.EqualTo(4_000m));
    }

    [Test]
    public async Task RecordPayment_NotApproved_IsRefused()
    {
        var grant = await RequestedAsync("PY4");
        _slice.Actor.SignIn(_finance, Roles.FinanceOfficer);

        var outcome = await _slice.RunAsync(new RecordPayment(grant.Id, grant.Instalments[0].Id, 4_000m, DateOnly.FromDateTime(_slice.Now), "BANK-0005"));

        Assert.That(Problems(outcome), Does.Contain("An instalment that is requested cannot be paid."));
        Assert.That((await PaymentData.ReadAsync(_slice, grant.Id)).Ledger, Is.Empty);
    }

    [TestCase(3_999.99, "The amount paid must be the instalment's approved amount")]
    [TestCase(4_000.001, "at most two decimals")]
    [TestCase(-4_000, "above zero")]
    public async Task RecordPayment_WrongAmount_IsRefused(decimal amount, string expected)
    {
        var grant = await ApprovedAsync("PY5");

        var outcome = await _slice.RunAsync(new RecordPayment(grant.Id, grant.Instalments[0].Id, amount, DateOnly.FromDateTime(_slice.Now), "BANK-0006"));

        Assert.That(Problems(outcome), Does.Contain(expected));
        Assert.That((await PaymentData.ReadAsync(_slice, grant.Id)).Ledger, Is.Empty);
    }

    [Test]
    public async Task RecordPayment_ReferenceAlreadyUsedOnTheGrant_IsRefused()
    {
        var grant = await ApprovedAsync("PY6");
        var today = DateOnly.FromDateTime(_slice.Now);
        await _slice.RunAsync(new RecordPayment(grant.Id, grant.Instalments[0].Id, 4_000m, today, "BANK-0007"));
        await ApproveAsync(grant, 1, "Interim report delayed.");

        var outcome = await _slice.RunAsync(new RecordPayment(grant.Id, grant.Instalments[1].Id, 4_000m, today, "bank-0007"));

        Assert.That(Problems(outcome), Does.Contain("The reference bank-0007 is already used on this grant."));
    }

    [Test]
    public async Task RecordPayment_DateInTheFuture_IsRefused()
    {
        var grant = await ApprovedAsync("PY7");

        var outcome = await _slice.RunAsync(new RecordPayment(grant.Id, grant.Instalments[0].Id, 4_000m, DateOnly.FromDateTime(_slice.Now).AddDays(1), "BANK-0008"));

        Assert.That(Problems(outcome), Does.Contain("The date cannot be in the future."));
    }

    [Test]
    public async Task ApproveRelease_WouldTakeTheSumPaidAboveTheGrant_IsRefused()
    {
        var grant = await ApprovedAsync("PY8");
        var today = DateOnly.FromDateTime(_slice.Now);
        await _slice.RunAsync(new RecordPayment(grant.Id, grant.Instalments[0].Id, 4_000m, today, "BANK-0009"));
        var payment = (await PaymentData.ReadAsync(_slice, grant.Id)).Ledger.Single();
        await _slice.RunAsync(new RecordCorrection(grant.Id, 1, payment.Id, 3_000m, today, "BANK-0010", "The bank sent 3,000 more by mistake."));
        _slice.Actor.SignIn(_manager, Roles.FundManager);
        await _slice.RunAsync(new RequestRelease(grant.Id, grant.Instalments[1].Id, [], [new ConditionJustification(0, "Report late.")]));
        _slice.Actor.SignIn(_finance, Roles.FinanceOfficer);

        var outcome = await _slice.RunAsync(new ApproveRelease(grant.Id, grant.Instalments[1].Id));

        Assert.That(Problems(outcome), Does.Contain("more than the grant's USD 10,000.00"));
        Assert.That((await PaymentData.ReadAsync(_slice, grant.Id)).Instalments[1].Status, Is.EqualTo(InstalmentStatus.Requested));
    }

    [Test]
    public async Task PaymentsQueue_ListsRequestedApprovedAndHeldInstalments_AndMarksTheOnesYouRequested()
    {
        var requested = await RequestedAsync("QU1");
        var approved = await ApprovedAsync("QU2");
        var held = await RequestedAsync("QU3");
        _slice.Actor.SignIn(_finance, Roles.FinanceOfficer);
        await _slice.RunAsync(new PutInstalmentOnHold(held.Id, held.Instalments[0].Id, "Waiting for the bank's confirmation."));
        _slice.Actor.SignIn(_both, Roles.FundManager, Roles.FinanceOfficer);
        var mine = await PaymentData.ActiveGrantAsync(_slice, "QU4");
        await _slice.RunAsync(new RequestRelease(mine.Id, mine.Instalments[0].Id, [], []));

        var queue = (await _slice.RunAsync(new ShowPaymentsQueue())).Value;

        Assert.Multiple(() =>
        {
            Assert.That(queue.ToApprove.Count, Is.EqualTo(2));
            Assert.That(queue.ToApprove.Rows.Select(r => r.GrantId), Is.EquivalentTo(new[] { requested.Id, mine.Id }));
            Assert.That(queue.ToApprove.Rows.Single(r => r.GrantId == mine.Id).RequestedByYou, Is.True);
            Assert.That(queue.ToApprove.Rows.Single(r => r.GrantId == requested.Id).RequestedByYou, Is.False);
            Assert.That(queue.ToPay.Rows.Single().GrantId, Is.EqualTo(approved.Id));
            Assert.That(queue.OnHold.Rows.Single().HoldReason, Is.EqualTo("Waiting for the bank's confirmation."));
            Assert.That(queue.ToPay.Rows.Single().OrganisationName, Is.EqualTo("QU2 Partners"));
        });
    }

    private static string Problems<T>(Outcome<T> outcome) => string.Join(" | ", outcome.Problems.Select(p => p.Arguments.Count == 0 ? p.Message : string.Format(System.Globalization.CultureInfo.InvariantCulture, p.Message, [.. p.Arguments])));

    /// <summary>A grant whose first instalment the fund manager requested; acts as the fund manager.</summary>
    private async Task<Grant> RequestedAsync(string code)
    {
        var grant = await PaymentData.ActiveGrantAsync(_slice, code);
        _slice.Actor.SignIn(_manager, Roles.FundManager);
        var outcome = await _slice.RunAsync(new RequestRelease(grant.Id, grant.Instalments[0].Id, [], []));
        Assert.That(outcome.Succeeded, Is.True, Problems(outcome));
        return grant;
    }

    /// <summary>A grant whose first instalment is approved; acts as the finance officer who approved it.</summary>
    private async Task<Grant> ApprovedAsync(string code)
    {
        var grant = await RequestedAsync(code);
        _slice.Actor.SignIn(_finance, Roles.FinanceOfficer);
        var outcome = await _slice.RunAsync(new ApproveRelease(grant.Id, grant.Instalments[0].Id));
        Assert.That(outcome.Succeeded, Is.True, Problems(outcome));
        return grant;
    }

    /// <summary>Requests (overriding its report condition) and approves instalment <paramref name="index"/>; acts as the finance officer.</summary>
    private async Task ApproveAsync(Grant grant, int index, string justification)
    {
        _slice.Actor.SignIn(_manager, Roles.FundManager);
        var requested = await _slice.RunAsync(new RequestRelease(grant.Id, grant.Instalments[index].Id, [], [new ConditionJustification(0, justification)]));
        Assert.That(requested.Succeeded, Is.True, Problems(requested));
        _slice.Actor.SignIn(_finance, Roles.FinanceOfficer);
        var approved = await _slice.RunAsync(new ApproveRelease(grant.Id, grant.Instalments[index].Id));
        Assert.That(approved.Succeeded, Is.True, Problems(approved));
    }

    private Task<int> AuditCountAsync(string action, Guid grantId) =>
        _slice.WithDbAsync(db => db.AuditEntries.CountAsync(e => e.Action == action && e.EntityId == grantId.ToString()));

    private Task<List<string>> EmailsToAsync(string to) =>
        _slice.WithDbAsync(db => db.OutboxMessages.Where(m => m.To == to).Select(m => m.Subject).ToListAsync());
}
