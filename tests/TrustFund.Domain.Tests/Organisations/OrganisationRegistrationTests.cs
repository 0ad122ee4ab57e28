using TrustFund.Domain.Common;
using TrustFund.Domain.Organisations;

namespace TrustFund.Domain.Tests.Organisations;

public sealed class OrganisationRegistrationTests
{
    private static readonly DateTime Now = new(2026, 1, 12, 8, 30, 0, DateTimeKind.Utc);

    [Test]
    public void Register_ValidDetails_WaitsForVerification()
    {
        var organisation = Organisation.Register("Fundación Camino de Esperanza", "COL", Now);

        Assert.Multiple(() =>
        {
            Assert.That(organisation.LegalName, Is.EqualTo("Fundación Camino de Esperanza"));
            Assert.That(organisation.CountryOfRegistration, Is.EqualTo("COL"));
            Assert.That(organisation.Status, Is.EqualTo(OrganisationStatus.PendingVerification));
            Assert.That(organisation.RegisteredAtUtc, Is.EqualTo(Now));
            Assert.That(organisation.StatusReason, Is.Null);
            Assert.That(organisation.StatusChangedAtUtc, Is.Null);
            Assert.That(organisation.Id, Is.Not.EqualTo(Guid.Empty));
        });
    }

    [TestCase("  Safe Harbour  ", "Safe Harbour")]
    [TestCase("جمعية الأمل لرعاية الناجين", "جمعية الأمل لرعاية الناجين")]
    [TestCase("希望之家", "希望之家")]
    public void Register_NameInAnyScript_IsKeptTrimmed(string given, string expected)
    {
        Assert.That(Organisation.Register(given, "KEN", Now).LegalName, Is.EqualTo(expected));
    }

    [TestCase(null)]
    [TestCase("")]
    [TestCase("   ")]
    public void Register_MissingName_AsksForTheLegalName(string? name)
    {
        var error = Assert.Throws<DomainException>(() => Organisation.Register(name!, "KEN", Now))!;

        Assert.Multiple(() =>
        {
            Assert.That(error.Code, Is.EqualTo("organisation.name-required"));
            Assert.That(error.Message, Is.EqualTo("Enter the organisation's legal name."));
        });
    }

    [Test]
    public void Register_NameAtTheLimit_IsAccepted()
    {
        var name = new string('x', Organisation.LegalNameMaxLength);

        Assert.That(Organisation.Register(name, "KEN", Now).LegalName, Has.Length.EqualTo(Organisation.LegalNameMaxLength));
    }

    [Test]
    public void Register_NameOverTheLimit_SaysTheLimit()
    {
        var error = Assert.Throws<DomainException>(() => Organisation.Register(new string('x', Organisation.LegalNameMaxLength + 1), "KEN", Now))!;

        Assert.Multiple(() =>
        {
            Assert.That(error.Code, Is.EqualTo("organisation.name-too-long"));
            Assert.That(error.Message, Is.EqualTo("The legal name must be 300 characters or fewer."));
        });
    }

    [TestCase("ken", "KEN")]
    [TestCase(" gbr ", "GBR")]
    [TestCase("Phl", "PHL")]
    public void Register_CountryCode_IsStoredInCapitals(string given, string expected)
    {
        Assert.That(Organisation.Register("Safe Harbour", given, Now).CountryOfRegistration, Is.EqualTo(expected));
    }

    [TestCase(null)]
    [TestCase("")]
    [TestCase("KE")]
    [TestCase("KENY")]
    [TestCase("K3N")]
    [TestCase("K N")]
    [TestCase("ÄLA")]
    [TestCase("Kenya")]
    public void Register_InvalidCountry_AsksToChooseTheCountry(string? country)
    {
        var error = Assert.Throws<DomainException>(() => Organisation.Register("Safe Harbour", country!, Now))!;

        Assert.Multiple(() =>
        {
            Assert.That(error.Code, Is.EqualTo("organisation.country-invalid"));
            Assert.That(error.Message, Is.EqualTo("Choose the country of registration."));
        });
    }
}
