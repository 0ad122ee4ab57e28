using TrustFund.Domain.Common;
using TrustFund.Domain.Grants;
using TrustFund.Domain.Grants.Events;
using TrustFund.Domain.Tests.Builders;

namespace TrustFund.Domain.Tests.Grants;

/// <summary>A change of the organisation's bank details after the last payment needs a new verification before the next.</summary>
public sealed class BankDetailsTests
{
    private static readonly DateTime Now = GrantBuilder.Now;

    [Test]
    public void ChangeAfterLastPayment_NotVerifiedSince_ResetsAndBlocksTheNextPayment()
    {
        var grant = GrantBuilder.AGrant().Build();
        GrantBuilder.Move(grant, grant.Instalments[0], InstalmentStatus.Paid);
        var second = grant.Instalments[1];
        GrantBuilder.Move(grant, second, InstalmentStatus.Requested);

        var reset = grant.NoteBankDetailsChanged(Now.AddMinutes(5), verifiedSince: false);
        var error = Assert.Throws<DomainException>(() => GrantBuilder.Approve(grant, second))!;

        Assert.Multiple(() =>
        {
            Assert.That((reset, grant.BankDetailsVerified), Is.EqualTo((true, false)));
            Assert.That(grant.PendingEvents().OfType<BankVerificationReset>().Single().ChangedAtUtc, Is.EqualTo(Now.AddMinutes(5)));
            Assert.That((error.Code, error.Message), Is.EqualTo(("grant.bank-not-verified", "The organisation's bank details are not verified (or changed since the last payment): verify them before any payment.")));
            Assert.That(second.Status, Is.EqualTo(InstalmentStatus.Requested));
        });
    }

    [Test]
    public void ChangeAfterLastPayment_VerifiedAgain_AllowsTheNextPayment()
    {
        var grant = GrantBuilder.AGrant().Build();
        GrantBuilder.Move(grant, grant.Instalments[0], InstalmentStatus.Paid);
        grant.NoteBankDetailsChanged(Now.AddMinutes(5), verifiedSince: false);

        grant.RecordBankDetailsVerified("Femi", Now.AddMinutes(30));
        GrantBuilder.Move(grant, grant.Instalments[1], InstalmentStatus.Paid);

        Assert.Multiple(() =>
        {
            Assert.That((grant.BankDetailsVerified, grant.BankDetailsVerifiedAtUtc, grant.BankDetailsVerifiedBy), Is.EqualTo((true, (DateTime?)Now.AddMinutes(30), (string?)"Femi")));
            Assert.That(grant.Instalments[1].Status, Is.EqualTo(InstalmentStatus.Paid));
        });
    }

    [Test]
    public void ChangeAfterLastPayment_VerifiedSince_KeepsTheVerification()
    {
        var grant = GrantBuilder.AGrant().Build();
        GrantBuilder.Move(grant, grant.Instalments[0], InstalmentStatus.Paid);

        var reset = grant.NoteBankDetailsChanged(Now.AddMinutes(5), verifiedSince: true);

        Assert.That((reset, grant.BankDetailsVerified), Is.EqualTo((false, true)));
    }

    [Test]
    public void ChangeBeforeLastPayment_KeepsTheVerification()
    {
        var grant = GrantBuilder.AGrant().Build();
        GrantBuilder.Move(grant, grant.Instalments[0], InstalmentStatus.Paid);

        var reset = grant.NoteBankDetailsChanged(Now.AddMinutes(-5), verifiedSince: false);

        Assert.That((reset, grant.BankDetailsVerified), Is.EqualTo((false, true)));
    }

    [Test]
    public void ChangeBeforeAnyPayment_AfterTheVerification_Resets()
    {
        var grant = GrantBuilder.AGrant().Build();

        var reset = grant.NoteBankDetailsChanged(Now, verifiedSince: false);

        Assert.Multiple(() =>
        {
            Assert.That((reset, grant.BankDetailsVerified), Is.EqualTo((true, false)));
            Assert.That(grant.UnmetConditions(grant.Instalments[0].Id, ReleaseFacts.None), Is.EqualTo(new[] { ReleaseCondition.BankDetailsVerified }));
        });
    }

    [Test]
    public void ChangeBeforeTheRecordedVerification_KeepsIt()
    {
        // The builder's verification was recorded an hour before "now".
        var grant = GrantBuilder.AGrant().Build();

        var reset = grant.NoteBankDetailsChanged(Now.AddHours(-2), verifiedSince: false);

        Assert.That((reset, grant.BankDetailsVerified), Is.EqualTo((false, true)));
    }
}
