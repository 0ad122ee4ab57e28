using Microsoft.EntityFrameworkCore;
using TrustFund.Application.Accounts;
using TrustFund.Application.Common;
using TrustFund.Application.Organisations;
using TrustFund.Application.Tests.Infrastructure;
using TrustFund.Domain.Organisations;

namespace TrustFund.Application.Tests.Organisations;

/// <summary>Board members and senior officers saved with the organisation's profile.</summary>
[FixtureLifeCycle(LifeCycle.InstancePerTestCase)]
public sealed class OrganisationOfficersTests
{
    private const string Name = "Safe Harbour Foundation";

    private SliceFixture _slice = null!;
    private Guid _organisationId;

    [SetUp]
    public async Task Start()
    {
        _slice = await SliceFixture.StartAsync();
        var organisation = Organisation.Register(Name, "NGA", _slice.Now);
        _organisationId = organisation.Id;
        await _slice.WithDbAsync(db =>
        {
            db.Organisations.Add(organisation);
            return db.SaveChangesAsync();
        });
        await _slice.SignInAsNewUserAsync("amina@safeharbour.test", Roles.Applicant, _organisationId, "Amina Bello");
    }

    [TearDown]
    public async Task Stop() => await _slice.DisposeAsync();

    [Test]
    public async Task UpdateProfile_WithOfficers_KeepsThemTrimmedAndInAnyScript()
    {
        var outcome = await SaveAsync(new OrganisationOfficer("  فاطمة الزهراء ", "Chair", " fatima@example.org "), new OrganisationOfficer("王秀英", "Treasurer", ""));

        Assert.That(outcome.Succeeded, Is.True, string.Join(" ", outcome.Problems.Select(p => p.Text.ToString())));
        Assert.That(await OfficersAsync(), Is.EqualTo(new[]
        {
            new OrganisationOfficer("فاطمة الزهراء", "Chair", "fatima@example.org"),
            new OrganisationOfficer("王秀英", "Treasurer", string.Empty),
        }));
    }

    [Test]
    public async Task UpdateProfile_BadOfficers_AreRefusedWithAMessageForEachField()
    {
        var outcome = await SaveAsync(
            new OrganisationOfficer("", "Treasurer", ""),
            new OrganisationOfficer("Awa Ndiaye", "Director", "awa at example"),
            new OrganisationOfficer(new string('n', 201), new string('p', 201), new string('e', 251) + "@x.org"),
            new OrganisationOfficer("Awa Ndiaye", "Board member", "AWA@example.org "),
            new OrganisationOfficer("awa ndiaye", "Board member", "awa@example.org"));

        Assert.That(outcome.Kind, Is.EqualTo(OutcomeKind.Refused));
        var problems = outcome.Problems.ToDictionary(p => p.Field, p => p.Text.ToString());
        Assert.Multiple(() =>
        {
            Assert.That(problems["Officers[0].Name"], Is.EqualTo("Enter the name of officer 1."));
            Assert.That(problems["Officers[1].Email"], Is.EqualTo("Enter the email address of officer 2 in the correct format, like name@example.org."));
            Assert.That(problems["Officers[2].Name"], Is.EqualTo("The name of officer 3 must be 200 characters or fewer."));
            Assert.That(problems["Officers[2].Position"], Is.EqualTo("The position of officer 3 must be 200 characters or fewer."));
            Assert.That(problems["Officers[2].Email"], Is.EqualTo("The email address of officer 3 must be 256 characters or fewer."));
            Assert.That(problems["Officers[4].Name"], Does.Contain("listed twice"));
            Assert.That(problems.ContainsKey("Officers[3].Name"), Is.False, "the first of two duplicates is fine");
        });
        Assert.That(await OfficersAsync(), Is.Empty);
    }

    [Test]
    public async Task UpdateProfile_ThirtyOneOfficers_AreRefused_ThirtyAreSaved()
    {
        var officers = Enumerable.Range(1, 31).Select(i => new OrganisationOfficer($"Officer {i}", "Board member", $"officer{i}@example.org")).ToArray();

        var tooMany = await SaveAsync(officers);
        var enough = await SaveAsync(officers[..30]);

        Assert.That(tooMany.Kind, Is.EqualTo(OutcomeKind.Refused));
        Assert.That(tooMany.Problems.Single().Field, Is.EqualTo("Officers"));
        Assert.That(tooMany.Problems.Single().Text.ToString(), Is.EqualTo("List at most 30 board members and senior officers."));
        Assert.That(enough.Succeeded, Is.True);
        Assert.That(await OfficersAsync(), Has.Count.EqualTo(30));
    }

    [Test]
    public async Task BankDetailsSave_KeepsTheOfficers()
    {
        Assert.That((await SaveAsync(new OrganisationOfficer("Awa Ndiaye", "Director", "awa@example.org"))).Succeeded, Is.True);

        var bank = await _slice.RunAsync(new UpdateBankDetails(await VersionAsync(), "First Bank", "FBNINGLA", "0123456789", Name));

        Assert.That(bank.Succeeded, Is.True);
        Assert.That(await OfficersAsync(), Is.EqualTo(new[] { new OrganisationOfficer("Awa Ndiaye", "Director", "awa@example.org") }));
    }

    private async Task<Outcome<Done>> SaveAsync(params OrganisationOfficer[] officers) =>
        await _slice.RunAsync(new UpdateProfile(await VersionAsync(), Name, "NGA", new OrganisationProfile { Phone = "+234 1 555", Officers = officers }));

    private Task<Guid> VersionAsync() =>
        _slice.WithDbAsync(db => db.Organisations.Where(o => o.Id == _organisationId).Select(o => o.Version).SingleAsync());

    private Task<List<OrganisationOfficer>> OfficersAsync() =>
        _slice.WithDbAsync(async db => (await db.Organisations.AsNoTracking().SingleAsync(o => o.Id == _organisationId)).Profile.Officers.ToList());
}
