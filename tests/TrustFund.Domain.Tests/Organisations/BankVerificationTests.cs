using TrustFund.Domain.Common;
using TrustFund.Domain.Organisations;

namespace TrustFund.Domain.Tests.Organisations;

public sealed class BankVerificationTests
{
    private static readonly DateTime Now = new(2026, 3, 2, 9, 0, 0, DateTimeKind.Utc);

    [Test]
    public void VerifyBankDetails_WithoutBankDetails_IsRefused()
    {
        var organisation = Organisation.Register("Org", "NGA", Now);

        var error = Assert.Throws<DomainException>(() => organisation.VerifyBankDetails("manager", Now));

        Assert.That(error!.Code, Is.EqualTo("organisation.bank-missing"));
    }

    [Test]
    public void VerifyBankDetails_ThenChange_ClearsVerification()
    {
        var organisation = Organisation.Register("Org", "NGA", Now);
        organisation.ChangeBankDetails(new BankDetails { BankName = "Bank", AccountNumber = "1", AccountHolder = "Org" });

        organisation.VerifyBankDetails("manager", Now);
        Assert.That((organisation.Bank!.Verified, organisation.Bank.VerifiedBy, organisation.Bank.VerifiedAtUtc), Is.EqualTo((true, "manager", (DateTime?)Now)));
        Assert.Throws<DomainException>(() => organisation.VerifyBankDetails("manager", Now));

        organisation.ChangeBankDetails(organisation.Bank with { AccountNumber = "2" });
        Assert.That((organisation.Bank.Verified, organisation.Bank.VerifiedBy, organisation.Bank.VerifiedAtUtc), Is.EqualTo((false, (string?)null, (DateTime?)null)));
    }
}
