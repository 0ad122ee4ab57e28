using TrustFund.Domain.Organisations;
using TrustFund.Domain.Organisations.Events;
using TrustFund.Domain.Tests.Builders;

namespace TrustFund.Domain.Tests.Organisations;

public sealed class ReverificationTests
{
    private static readonly DateTime Now = new(2026, 3, 2, 9, 0, 0, DateTimeKind.Utc);

    [TestCase("Casa Esperanza Internacional", "COL", "The legal name changed")]
    [TestCase("Casa Esperanza", "MEX", "The country of registration changed")]
    [TestCase("Casa Esperanza Internacional", "MEX", "The legal name and the country of registration changed")]
    public void UpdateProfile_VerifiedOrganisationChangesNameOrCountry_GoesBackForVerification(string name, string country, string reason)
    {
        var organisation = OrganisationBuilder.AnOrganisation().Named("Casa Esperanza").RegisteredIn("COL").In(OrganisationStatus.Verified).Build();

        organisation.UpdateProfile(name, country, organisation.Profile, Now);

        Assert.Multiple(() =>
        {
            Assert.That(organisation.Status, Is.EqualTo(OrganisationStatus.PendingVerification));
            Assert.That(organisation.StatusReason, Does.StartWith(reason));
            Assert.That(organisation.StatusChangedAtUtc, Is.EqualTo(Now));
            Assert.That(organisation.LegalName, Is.EqualTo(name));
            Assert.That(organisation.PendingEvents(), Is.EqualTo(new[] { new OrganisationSentBackForVerification(organisation.Id, "Casa Esperanza", name, "COL", country) }));
        });
    }

    [Test]
    public void UpdateProfile_VerifiedOrganisationKeepsNameAndCountry_StaysVerified()
    {
        var organisation = OrganisationBuilder.AnOrganisation().In(OrganisationStatus.Verified).Build();

        organisation.UpdateProfile(organisation.LegalName, organisation.CountryOfRegistration, organisation.Profile with { Phone = "+234 1 555" }, Now);

        Assert.That(organisation.Status, Is.EqualTo(OrganisationStatus.Verified));
        Assert.That(organisation.PendingEvents(), Is.Empty);
    }

    [TestCase(OrganisationStatus.PendingVerification)]
    [TestCase(OrganisationStatus.Rejected)]
    [TestCase(OrganisationStatus.Suspended)]
    public void UpdateProfile_NotVerified_RenameKeepsTheStatus(OrganisationStatus status)
    {
        var organisation = OrganisationBuilder.AnOrganisation().In(status).Build();

        organisation.UpdateProfile("A New Name", organisation.CountryOfRegistration, organisation.Profile, Now);

        Assert.That(organisation.Status, Is.EqualTo(status));
        Assert.That(organisation.LegalName, Is.EqualTo("A New Name"));
    }
}
