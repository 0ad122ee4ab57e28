using TrustFund.Application.Accounts;
using TrustFund.Application.Home;
using TrustFund.Application.Tests.Infrastructure;
using TrustFund.Domain.Organisations;

namespace TrustFund.Application.Tests.Home;

/// <summary>The home pages' use cases through their handlers, on SQLite, without HTTP.</summary>
[FixtureLifeCycle(LifeCycle.InstancePerTestCase)]
public sealed class HomeUseCaseTests
{
    private SliceFixture _slice = null!;

    [SetUp]
    public async Task Start() => _slice = await SliceFixture.StartAsync();

    [TearDown]
    public async Task Stop() => await _slice.DisposeAsync();

    [Test]
    public async Task ShowApplicantHome_MemberAndWithoutOrganisation()
    {
        var organisation = Organisation.Register("Safe Harbour Foundation", "NGA", _slice.Now);
        await _slice.WithDbAsync(db =>
        {
            db.Organisations.Add(organisation);
            return db.SaveChangesAsync();
        });
        await _slice.SignInAsNewUserAsync("chidi@safeharbour.test", Roles.Applicant, organisation.Id, "Chidi Okafor");
        await _slice.SignInAsNewUserAsync("amina@safeharbour.test", Roles.Applicant, organisation.Id, "Amina Bello");

        var home = (await _slice.RunAsync(new ShowApplicantHome())).Value;
        await _slice.SignInAsNewUserAsync("nobody@example.org", Roles.Applicant);
        var none = (await _slice.RunAsync(new ShowApplicantHome())).Value;

        Assert.Multiple(() =>
        {
            Assert.That(home!.OrganisationName, Is.EqualTo("Safe Harbour Foundation"));
            Assert.That(home.Status, Is.EqualTo(OrganisationStatus.PendingVerification));
            Assert.That(home.Colleagues.Select(c => c.Name), Is.EqualTo(new[] { "Amina Bello", "Chidi Okafor" }));
            Assert.That(none, Is.Null);
        });
    }

    [Test]
    public async Task ShowFundManagerAndAdministratorHome_CountPendingOrganisationsAndUsers()
    {
        await _slice.WithDbAsync(db =>
        {
            db.Organisations.Add(Organisation.Register("Mercy Network", "KEN", _slice.Now));
            return db.SaveChangesAsync();
        });
        await _slice.SignInAsNewUserAsync("admin@trustfund.test", Roles.Administrator);

        var manager = (await _slice.RunAsync(new ShowFundManagerHome())).Value;
        var admin = (await _slice.RunAsync(new ShowAdministratorHome())).Value;

        Assert.Multiple(() =>
        {
            Assert.That(manager.PendingCount, Is.EqualTo(1));
            Assert.That(manager.Pending.Single().LegalName, Is.EqualTo("Mercy Network"));
            Assert.That(admin.UsersByRole[Roles.Administrator], Is.EqualTo(1));
            Assert.That(admin.InactiveUsers, Is.Zero);
        });
    }
}
