using System.Reflection;
using TrustFund.Domain.Common;
using TrustFund.Domain.Grants;
using TrustFund.Domain.Grants.Events;
using TrustFund.Domain.Tests.Builders;

namespace TrustFund.Domain.Tests.Grants;

/// <summary>Payments, refunds, corrections and write-offs: permanent entries, unique references, never above the grant.</summary>
public sealed class LedgerTests
{
    private static readonly DateTime Now = GrantBuilder.Now;
    private static readonly DateOnly Today = GrantBuilder.Today;
    private static readonly Guid FinanceOfficer = GrantBuilder.FinanceOfficerId;

    [Test]
    public void RecordPayment_ApprovedInstalment_WritesAnEntryAndPaysIt()
    {
        var grant = GrantBuilder.AGrant().For(10_000.01m).Build();
        var first = grant.Instalments[0];
        GrantBuilder.Move(grant, first, InstalmentStatus.Approved);

        var entry = grant.RecordPayment(first.Id, Money.Usd(4_000m), Today.AddDays(-1), " BNK-0001 ", FinanceOfficer, "Femi", [], Now);

        Assert.Multiple(() =>
        {
            Assert.That((entry.Kind, entry.Amount, entry.SignedAmount, entry.ValueDate, entry.Reference, entry.By, entry.InstalmentId, entry.RecordedAtUtc),
                Is.EqualTo((LedgerEntryKind.Payment, Money.Usd(4_000m), 4_000m, Today.AddDays(-1), (string?)"BNK-0001", "Femi", (Guid?)first.Id, Now)));
            Assert.That((first.Status, first.PaidOn, first.PaymentEntryId), Is.EqualTo((InstalmentStatus.Paid, (DateOnly?)Today.AddDays(-1), (Guid?)entry.Id)));
            Assert.That(grant.NetPaid, Is.EqualTo(Money.Usd(4_000m)));
            Assert.That(grant.Balance, Is.EqualTo(Money.Usd(6_000.01m)));
            Assert.That(grant.LastPaymentAtUtc, Is.EqualTo(Now));
            Assert.That(grant.PendingEvents().OfType<LedgerEntryRecorded>().Single().Reference, Is.EqualTo("BNK-0001"));
        });
    }

    [Test]
    public void RecordPayment_AllInstalments_PaysExactlyTheGrant()
    {
        var grant = GrantBuilder.AGrant().For(10_000.01m).Build();

        foreach (var instalment in grant.Instalments)
        {
            GrantBuilder.Move(grant, instalment, InstalmentStatus.Paid);
        }

        Assert.Multiple(() =>
        {
            Assert.That(grant.NetPaid, Is.EqualTo(Money.Usd(10_000.01m)));
            Assert.That(grant.Balance, Is.EqualTo(Money.Zero));
            Assert.That(grant.Ledger.Select(e => e.SignedAmount), Is.EqualTo(new[] { 4_000.00m, 4_000.00m, 2_000.01m }));
        });
    }

    [Test]
    public void RecordPayment_AmountOtherThanApproved_IsRefused()
    {
        var grant = GrantBuilder.AGrant().Build();
        var first = grant.Instalments[0];
        GrantBuilder.Move(grant, first, InstalmentStatus.Approved);

        var error = Assert.Throws<RulesViolatedException>(() => grant.RecordPayment(first.Id, Money.Usd(5_999.99m), Today, "BNK-1", FinanceOfficer, "Femi", [], Now))!;

        Assert.Multiple(() =>
        {
            Assert.That(error.Message, Is.EqualTo("The amount paid must be the instalment's approved amount, USD 6,000.00."));
            Assert.That((first.Status, grant.Ledger.Count), Is.EqualTo((InstalmentStatus.Approved, 0)));
        });
    }

    [Test]
    public void RecordPayment_DuplicateReferenceInAnotherCase_IsRefused()
    {
        var grant = GrantBuilder.AGrant().Build();
        var (first, second) = (grant.Instalments[0], grant.Instalments[1]);
        GrantBuilder.Move(grant, first, InstalmentStatus.Approved);
        GrantBuilder.Pay(grant, first, "bnk-2026-001");
        GrantBuilder.Move(grant, second, InstalmentStatus.Approved);

        var error = Assert.Throws<RulesViolatedException>(() => GrantBuilder.Pay(grant, second, "BNK-2026-001"))!;

        Assert.Multiple(() =>
        {
            Assert.That(error.Message, Is.EqualTo("The reference BNK-2026-001 is already used on this grant."));
            Assert.That((second.Status, grant.Ledger.Count), Is.EqualTo((InstalmentStatus.Approved, 1)));
        });
    }

    [Test]
    public void RecordPayment_WouldExceedTheGrant_IsRefused()
    {
        // The bank sent 500.00 more with the first instalment; the correction records it, so paying
        // the last instalment in full would take the sum paid above the grant.
        var grant = GrantBuilder.AGrant().Scheduled(InstalmentTemplate.Parse("80/20")).Build();
        var (first, last) = (grant.Instalments[0], grant.Instalments[1]);
        GrantBuilder.Move(grant, first, InstalmentStatus.Paid);
        grant.RecordCorrection(grant.Ledger[0].Id, 500m, Today, "BNK-ADJ-1", "Bank sent 500.00 too much.", FinanceOfficer, "Femi", Now);
        GrantBuilder.Request(grant, last);

        var error = Assert.Throws<DomainException>(() => GrantBuilder.Approve(grant, last))!;

        Assert.Multiple(() =>
        {
            Assert.That((error.Code, error.Message), Is.EqualTo(("grant.overpayment", "This payment would bring the sum paid to USD 15,500.00, more than the grant's USD 15,000.00.")));
            Assert.That(last.Status, Is.EqualTo(InstalmentStatus.Requested));
            Assert.That(grant.NetPaid, Is.EqualTo(Money.Usd(12_500m)));
        });
    }

    [Test]
    public void RecordPayment_CorrectionAfterApproval_StillStopsTheOverpayment()
    {
        var grant = GrantBuilder.AGrant().Scheduled(InstalmentTemplate.Parse("80/20")).Build();
        var (first, last) = (grant.Instalments[0], grant.Instalments[1]);
        GrantBuilder.Move(grant, first, InstalmentStatus.Paid);
        GrantBuilder.Move(grant, last, InstalmentStatus.Approved);
        grant.RecordCorrection(grant.Ledger[0].Id, 0.01m, Today, null, "One cent more reached the grantee.", FinanceOfficer, "Femi", Now);

        var error = Assert.Throws<DomainException>(() => GrantBuilder.Pay(grant, last, "BNK-LAST"))!;

        Assert.Multiple(() =>
        {
            Assert.That(error.Message, Is.EqualTo("This payment would bring the sum paid to USD 15,000.01, more than the grant's USD 15,000.00."));
            Assert.That(grant.Ledger, Has.Count.EqualTo(2));
        });
    }

    [Test]
    public void RecordPayment_DateInTheFutureAndNoReference_ReportsBoth()
    {
        var grant = GrantBuilder.AGrant().Build();
        var first = grant.Instalments[0];
        GrantBuilder.Move(grant, first, InstalmentStatus.Approved);

        var error = Assert.Throws<RulesViolatedException>(() => grant.RecordPayment(first.Id, first.Amount, Today.AddDays(1), "  ", FinanceOfficer, "Femi", [], Now))!;

        Assert.That(error.Violations.Select(v => v.Message), Is.EqualTo(new[] { "The date cannot be in the future.", "Enter the payment reference." }));
    }

    [Test]
    public void RecordCorrection_KeepsTheOriginalAndLinksToIt()
    {
        var grant = GrantBuilder.AGrant().Build();
        var first = grant.Instalments[0];
        GrantBuilder.Move(grant, first, InstalmentStatus.Paid);
        var original = grant.Ledger[0];

        var correction = grant.RecordCorrection(original.Id, -25.50m, Today, null, "Bank charges deducted.", FinanceOfficer, "Femi", Now);

        Assert.Multiple(() =>
        {
            Assert.That((original.SignedAmount, original.Amount), Is.EqualTo((6_000m, Money.Usd(6_000m))), "the original stays as it was");
            Assert.That((correction.Kind, correction.SignedAmount, correction.Amount, correction.CorrectsEntryId, correction.InstalmentId, correction.Note),
                Is.EqualTo((LedgerEntryKind.Correction, -25.50m, Money.Usd(25.50m), (Guid?)original.Id, (Guid?)first.Id, "Bank charges deducted.")));
            Assert.That(grant.NetPaid, Is.EqualTo(Money.Usd(5_974.50m)));
            Assert.That(grant.Balance, Is.EqualTo(Money.Usd(9_025.50m)));
        });
    }

    [Test]
    public void RecordCorrection_TurningAPaymentNegative_IsRefused()
    {
        var grant = GrantBuilder.AGrant().Build();
        GrantBuilder.Move(grant, grant.Instalments[0], InstalmentStatus.Paid);
        var payment = grant.Ledger[0];
        grant.RecordCorrection(payment.Id, -5_000m, Today, null, "Partly returned by the bank.", FinanceOfficer, "Femi", Now);

        var error = Assert.Throws<RulesViolatedException>(() => grant.RecordCorrection(payment.Id, -1_000.01m, Today, null, "Returned.", FinanceOfficer, "Femi", Now))!;

        Assert.Multiple(() =>
        {
            Assert.That(error.Violations.Select(v => v.Message), Is.EqualTo(new[]
            {
                "The correction would turn the payment the other way.",
                "The correction would bring the sum paid to USD -0.01, outside zero to the grant's USD 15,000.00.",
            }));
            Assert.That(grant.Ledger, Has.Count.EqualTo(2));
        });
    }

    [Test]
    public void RecordCorrection_OfAWriteOffOrWithoutReason_IsRefused()
    {
        var grant = GrantBuilder.AGrant().Build();
        GrantBuilder.Move(grant, grant.Instalments[0], InstalmentStatus.Paid);
        var writeOff = grant.RecordWriteOff(Money.Usd(10m), Today, "Too small to recover.", FinanceOfficer, "Femi", Now);

        var ofWriteOff = Assert.Throws<DomainException>(() => grant.RecordCorrection(writeOff.Id, 1m, Today, null, "Reason.", FinanceOfficer, "Femi", Now))!;
        var withoutReason = Assert.Throws<RulesViolatedException>(() => grant.RecordCorrection(grant.Ledger[0].Id, 1m, Today, null, " ", FinanceOfficer, "Femi", Now))!;

        Assert.Multiple(() =>
        {
            Assert.That(ofWriteOff.Message, Is.EqualTo("Only a payment or a refund can be corrected."));
            Assert.That(withoutReason.Message, Is.EqualTo("Give the reason for the correction."));
        });
    }

    [Test]
    public void RecordRefund_ReducesTheFundsReceived_AndCannotExceedThem()
    {
        var grant = GrantBuilder.AGrant().Build();
        GrantBuilder.Move(grant, grant.Instalments[0], InstalmentStatus.Paid);

        var refund = grant.RecordRefund(Money.Usd(1_200.40m), Today, "RF-77", "Unspent funds.", FinanceOfficer, "Femi", Now);
        var tooMuch = Assert.Throws<RulesViolatedException>(() => grant.RecordRefund(Money.Usd(4_799.61m), Today, "RF-78", null, FinanceOfficer, "Femi", Now))!;

        Assert.Multiple(() =>
        {
            Assert.That((refund.Kind, refund.SignedAmount, refund.Reference), Is.EqualTo((LedgerEntryKind.Refund, -1_200.40m, (string?)"RF-77")));
            Assert.That(grant.NetPaid, Is.EqualTo(Money.Usd(4_799.60m)));
            Assert.That(grant.Refunded, Is.EqualTo(Money.Usd(1_200.40m)));
            Assert.That(tooMuch.Message, Is.EqualTo("A refund cannot be more than the USD 4,799.60 the organisation has received."));
        });
    }

    [Test]
    public void RecordWriteOff_MovesNoMoney()
    {
        var grant = GrantBuilder.AGrant().Build();
        GrantBuilder.Move(grant, grant.Instalments[0], InstalmentStatus.Paid);

        var writeOff = grant.RecordWriteOff(Money.Usd(75m), Today, "Spent on eligible costs after the report.", FinanceOfficer, "Femi", Now);

        Assert.Multiple(() =>
        {
            Assert.That((writeOff.Kind, writeOff.Amount, writeOff.SignedAmount), Is.EqualTo((LedgerEntryKind.WriteOff, Money.Usd(75m), 0m)));
            Assert.That(grant.NetPaid, Is.EqualTo(Money.Usd(6_000m)));
            Assert.That(grant.WrittenOff, Is.EqualTo(Money.Usd(75m)));
        });
    }

    [Test]
    public void Ledger_OnAClosedGrant_TakesNoEntry()
    {
        var grant = GrantBuilder.AGrant().In(GrantStatus.Closed).Build();

        var error = Assert.Throws<DomainException>(() => grant.RecordRefund(Money.Usd(1m), Today, "RF-1", null, FinanceOfficer, "Femi", Now))!;

        Assert.That(error.Message, Is.EqualTo("The grant is closed: nothing in it changes any more."));
    }

    [Test]
    public void LedgerEntry_HasNoWayToBeChanged_AndTheLedgerCannotBeEditedFromOutside()
    {
        var grant = GrantBuilder.AGrant().Build();
        GrantBuilder.Move(grant, grant.Instalments[0], InstalmentStatus.Paid);
        var publicSetters = typeof(LedgerEntry).GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.SetMethod is { IsPublic: true } || p.SetMethod is { IsAssembly: true });
        var publicMethods = typeof(LedgerEntry).GetMethods(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.DeclaredOnly).Where(m => !m.IsSpecialName && !m.IsPrivate);

        Assert.Multiple(() =>
        {
            Assert.That(publicSetters.Select(p => p.Name), Is.Empty);
            Assert.That(publicMethods.Select(m => m.Name), Is.Empty);
            Assert.That(grant.Ledger, Is.Not.InstanceOf<List<LedgerEntry>>());
            Assert.That(() => ((IList<LedgerEntry>)grant.Ledger).RemoveAt(0), Throws.InstanceOf<NotSupportedException>());
            Assert.That(grant.Ledger, Has.Count.EqualTo(1));
        });
    }
}
