using System.Diagnostics;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TrustFund.Application.Accounts;
using TrustFund.Application.Common;
using TrustFund.Application.Tests.Infrastructure;

namespace TrustFund.Application.Tests.Accounts;

/// <summary>The account use cases (registration, confirmation, passwords) through their handlers, on SQLite, without HTTP.</summary>
[FixtureLifeCycle(LifeCycle.InstancePerTestCase)]
public sealed class AccountUseCaseTests
{
    private const string Password = "correct horse battery staple";
    private readonly TestAccountLinks _links = new();
    private SliceFixture _slice = null!;

    [SetUp]
    public async Task Start() => _slice = await SliceFixture.StartAsync(services =>
    {
        services.AddSingleton<IAccountLinks>(_links);
    });

    [TearDown]
    public async Task Stop() => await _slice.DisposeAsync();

    [Test]
    public async Task RegisterOrganisation_CreatesTheOrganisationAndItsApplicantAndQueuesTheConfirmation_WithoutWaitingOnTheKeyRing()
    {
        var watch = Stopwatch.StartNew();

        var outcome = await _slice.RunAsync(Registration("amina@safeharbour.example"));

        watch.Stop();
        Assert.That(outcome.Kind, Is.EqualTo(OutcomeKind.Done), Problems(outcome));
        Assert.That(watch.Elapsed, Is.LessThan(TimeSpan.FromSeconds(10)), "Making the link's token inside the open transaction waited on SQLite's lock");
        var user = await UserAsync("amina@safeharbour.example");
        Assert.That(user.OrganisationId, Is.Not.Null);
        Assert.That(user.EmailConfirmed, Is.False);
        Assert.That(await RolesAsync(user.Id), Is.EqualTo(new[] { Roles.Applicant }));
        Assert.That(await _slice.WithDbAsync(db => db.Organisations.Select(o => o.LegalName).ToListAsync()), Is.EqualTo(new[] { "Safe Harbour Foundation" }));
        Assert.That(await SubjectsToAsync(user.Email!), Is.EqualTo(new[] { "Confirm your email address for TrustFund" }));
        Assert.That(await _slice.WithDbAsync(db => db.AuditEntries.CountAsync(e => e.Action == "account.registered" && e.EntityId == user.Id.ToString())), Is.EqualTo(1));
    }

    [Test]
    public async Task RegisterOrganisation_AddressAlreadyUsed_SameAnswerAndTheOwnerIsTold()
    {
        Assert.That((await _slice.RunAsync(Registration("amina@safeharbour.example"))).Succeeded, Is.True);

        var again = await _slice.RunAsync(Registration("AMINA@safeharbour.example") with { OrganisationName = "Another" });

        Assert.That(again.Kind, Is.EqualTo(OutcomeKind.Done));
        Assert.That(await _slice.WithDbAsync(db => db.Organisations.CountAsync()), Is.EqualTo(1));
        Assert.That(await SubjectsToAsync("amina@safeharbour.example"), Does.Contain("Someone tried to register with your email address"));
    }

    [Test]
    public async Task RegisterOrganisation_CommonPassword_IsRefusedOnThePasswordFieldAndSavesNothing()
    {
        var outcome = await _slice.RunAsync(Registration("amina@safeharbour.example") with { Password = "password1234" });

        Assert.That(outcome.Kind, Is.EqualTo(OutcomeKind.Refused));
        Assert.That(outcome.Problems.Select(p => p.Field), Is.EqualTo(new[] { nameof(RegisterOrganisation.Password) }));
        Assert.That(await _slice.WithDbAsync(db => db.Users.CountAsync()), Is.EqualTo(0));
    }

    [Test]
    public async Task RegisterOrganisation_DomainRuleBroken_IsALocalizableProblemOnItsField()
    {
        var outcome = await _slice.RunAsync(Registration("amina@safeharbour.example") with { Country = "XX" });

        Assert.That(outcome.Kind, Is.EqualTo(OutcomeKind.Refused));
        var problem = outcome.Problems.Single();
        Assert.That(problem.Field, Is.EqualTo(nameof(RegisterOrganisation.Country)), "The message goes to the page through the localizer, tied to its field, not as a raw exception message");
        Assert.That(problem.Message, Is.Not.Empty);
        Assert.That(await _slice.WithDbAsync(db => db.Users.CountAsync()), Is.EqualTo(0));
    }

    [Test]
    public async Task ConfirmEmail_WithTheEmailedLink_ConfirmsOnceThenSaysAlreadyConfirmed()
    {
        await _slice.RunAsync(Registration("amina@safeharbour.example"));
        var user = await UserAsync("amina@safeharbour.example");

        var first = await _slice.RunAsync(new ConfirmEmail(user.Id.ToString(), _links.CodeFor(user.Id)));
        var second = await _slice.RunAsync(new ConfirmEmail(user.Id.ToString(), _links.CodeFor(user.Id)));

        Assert.That(first.Value, Is.EqualTo(EmailConfirmation.Confirmed));
        Assert.That(second.Value, Is.EqualTo(EmailConfirmation.AlreadyConfirmed));
        Assert.That((await UserAsync(user.Email!)).EmailConfirmed, Is.True);
    }

    [TestCase(null)]
    [TestCase("not-a-code")]
    [TestCase("bm90IGEgdG9rZW4")]
    public async Task ConfirmEmail_GarbledLink_IsInvalidAndConfirmsNothing(string? code)
    {
        await _slice.RunAsync(Registration("amina@safeharbour.example"));
        var user = await UserAsync("amina@safeharbour.example");

        var outcome = await _slice.RunAsync(new ConfirmEmail(user.Id.ToString(), code));

        Assert.That(outcome.Value, Is.EqualTo(EmailConfirmation.LinkInvalid));
        Assert.That((await UserAsync(user.Email!)).EmailConfirmed, Is.False);
    }

    [Test]
    public async Task ResetPassword_WithTheEmailedLink_SetsThePasswordConfirmsTheAddressAndEndsALockout()
    {
        await _slice.RunAsync(Registration("amina@safeharbour.example"));
        var user = await UserAsync("amina@safeharbour.example");
        await _slice.WithScopeAsync(async services =>
        {
            var users = services.GetRequiredService<UserManager<TrustFundUser>>();
            var tracked = (await users.FindByIdAsync(user.Id.ToString()))!;
            await users.SetLockoutEndDateAsync(tracked, _slice.Clock.GetUtcNow().AddMinutes(15));
            return true;
        });
        Assert.That((await UserAsync(user.Email!)).LockoutEnd, Is.GreaterThan(_slice.Clock.GetUtcNow()), "locked out first");

        Assert.That((await _slice.RunAsync(new RequestPasswordReset(" amina@safeharbour.example "))).Succeeded, Is.True);
        var reset = await _slice.RunAsync(new ResetPassword(user.Id.ToString(), _links.CodeFor(user.Id), "a brand new long passphrase"));
        var reused = await _slice.RunAsync(new ResetPassword(user.Id.ToString(), _links.CodeFor(user.Id), "yet another long passphrase"));

        Assert.That(reset.Value, Is.EqualTo(PasswordLinkUse.PasswordSet), Problems(reset));
        Assert.That(reused.Value, Is.EqualTo(PasswordLinkUse.LinkInvalid), "A reset link works once");
        var after = await UserAsync(user.Email!);
        Assert.That(after.EmailConfirmed, Is.True);
        Assert.That(after.LockoutEnd, Is.Null);
        Assert.That(await SubjectsToAsync(user.Email!), Does.Contain("Your TrustFund password was changed"));
    }

    [Test]
    public async Task RequestPasswordReset_UnknownAddress_AnswersTheSameAndSendsNothing()
    {
        var outcome = await _slice.RunAsync(new RequestPasswordReset("nobody@example.org"));

        Assert.That(outcome.Kind, Is.EqualTo(OutcomeKind.Done));
        Assert.That(await _slice.WithDbAsync(db => db.OutboxMessages.CountAsync()), Is.EqualTo(0));
    }

    [Test]
    public async Task ChangePassword_WrongCurrentPassword_IsRefusedOnThatField()
    {
        await _slice.RunAsync(Registration("amina@safeharbour.example"));
        var user = await UserAsync("amina@safeharbour.example");
        _slice.Actor.SignIn(user, Roles.Applicant);

        var wrong = await _slice.RunAsync(new ChangePassword("not my password at all", "a brand new long passphrase"));
        var right = await _slice.RunAsync(new ChangePassword(Password, "a brand new long passphrase"));

        Assert.That(wrong.Kind, Is.EqualTo(OutcomeKind.Refused));
        Assert.That(wrong.Problems.Single().Field, Is.EqualTo(nameof(ChangePassword.CurrentPassword)));
        Assert.That(right.Kind, Is.EqualTo(OutcomeKind.Done), Problems(right));
        Assert.That((await UserAsync(user.Email!)).SecurityStamp, Is.Not.EqualTo(user.SecurityStamp), "The other sessions end");
    }

    private static RegisterOrganisation Registration(string email) =>
        new("Safe Harbour Foundation", "KEN", "Amina Haddad", email, Password);

    private static string Problems<T>(Outcome<T> outcome) => string.Join("; ", outcome.Problems.Select(p => $"{p.Field}: {p.Message}"));

    private Task<TrustFundUser> UserAsync(string email)
    {
        var normalized = email.ToUpperInvariant();
        return _slice.WithDbAsync(db => db.Users.AsNoTracking().SingleAsync(u => u.NormalizedEmail == normalized));
    }

    private Task<List<string>> RolesAsync(Guid userId) =>
        _slice.WithDbAsync(db => (from ur in db.UserRoles join r in db.Roles on ur.RoleId equals r.Id where ur.UserId == userId select r.Name!).ToListAsync());

    private Task<List<string>> SubjectsToAsync(string email) =>
        _slice.WithDbAsync(db => db.OutboxMessages.Where(m => m.To == email).OrderBy(m => m.CreatedAtUtc).Select(m => m.Subject).ToListAsync());
}
