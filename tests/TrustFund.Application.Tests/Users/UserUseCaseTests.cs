using System.Collections.Concurrent;
using System.Data.Common;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using TrustFund.Application.Accounts;
using TrustFund.Application.Common;
using TrustFund.Application.Tests.Accounts;
using TrustFund.Application.Tests.Infrastructure;
using TrustFund.Application.Users;
using TrustFund.Domain.Organisations;
using TrustFund.Infrastructure.Persistence;

namespace TrustFund.Application.Tests.Users;

/// <summary>Administrators' user management through the handlers, on SQLite, without HTTP.</summary>
[FixtureLifeCycle(LifeCycle.InstancePerTestCase)]
public sealed class UserUseCaseTests
{
    private readonly TestAccountLinks _links = new();
    private readonly CommandLog _commands = new();
    private SliceFixture _slice = null!;
    private TrustFundUser _admin = null!;

    [SetUp]
    public async Task Start()
    {
        _slice = await SliceFixture.StartAsync(services =>
        {
            services.AddSingleton<IAccountLinks>(_links);
            services.ConfigureDbContext<TrustFundDbContext>(options => options.AddInterceptors(_commands));
        });
        _admin = await _slice.SignInAsNewUserAsync("admin@trustfund.test", Roles.Administrator, name: "Olga Petrova");
    }

    [TearDown]
    public async Task Stop() => await _slice.DisposeAsync();

    [Test]
    public async Task ListUsers_ReadsOnlyTheRequestedPageFromTheDatabase()
    {
        for (var i = 0; i < 60; i++)
        {
            await AddUserAsync($"person{i:00}@trustfund.test", $"Person {i:00}", Roles.Reviewer);
        }

        _commands.Clear();
        var second = (await _slice.RunAsync(new ListUsers(null, null, 2))).Value;
        var beyond = (await _slice.RunAsync(new ListUsers(null, null, 99))).Value;

        Assert.That(second.Page.Total, Is.EqualTo(61));
        Assert.That(second.Page.Number, Is.EqualTo(2));
        Assert.That(second.Page.PageCount, Is.EqualTo(2));
        Assert.That(second.Page.Items.Select(r => r.Name), Is.EqualTo(Enumerable.Range(49, 11).Select(i => $"Person {i:00}")), "By name, after the first 50 (Olga Petrova among them)");
        Assert.That(second.Page.Items.All(r => r.Roles.SequenceEqual([Roles.Reviewer])), Is.True);
        Assert.That(beyond.Page.Number, Is.EqualTo(2), "A page past the last shows the last");
        Assert.That(_commands.Texts.Where(sql => sql.Contains("FROM \"AspNetUsers\"", StringComparison.Ordinal) && sql.Contains("LIMIT", StringComparison.Ordinal)), Is.Not.Empty, "The page is cut in the database");
        Assert.That(_commands.Texts.Where(sql => sql.Contains("FROM \"AspNetUsers\"", StringComparison.Ordinal)).All(sql => sql.Contains("LIMIT", StringComparison.Ordinal) || sql.Contains("COUNT", StringComparison.Ordinal)), Is.True, "No query reads every user");
    }

    [Test]
    public async Task ListUsers_TextAndRoleFilters_IgnoreCaseAndAccents()
    {
        await AddUserAsync("lucia@trustfund.test", "Lucía Fernández", Roles.FundManager);
        await AddUserAsync("reviewer@trustfund.test", "Rafael Reviewer", Roles.Reviewer);

        var byName = (await _slice.RunAsync(new ListUsers("  LUCIA ", null, 1))).Value;
        var byRole = (await _slice.RunAsync(new ListUsers(null, Roles.Reviewer, 1))).Value;
        var unknownRole = (await _slice.RunAsync(new ListUsers(null, "Superuser", -3))).Value;

        Assert.That(byName.Page.Items.Select(r => r.Email), Is.EqualTo(new[] { "lucia@trustfund.test" }));
        Assert.That(byName.Query, Is.EqualTo("LUCIA"));
        Assert.That(byRole.Page.Items.Select(r => r.Email), Is.EqualTo(new[] { "reviewer@trustfund.test" }));
        Assert.That(unknownRole.Role, Is.Null);
        Assert.That(unknownRole.Page.Total, Is.EqualTo(3));
    }

    [Test]
    public async Task InviteUser_CreatesTheAccountWithItsRolesAndQueuesTheInvitation()
    {
        var outcome = await _slice.RunAsync(new InviteUser(" Rafael Reviewer ", " rafael@trustfund.test ", [Roles.FundManager, Roles.Reviewer]));

        Assert.That(outcome.Kind, Is.EqualTo(OutcomeKind.Done));
        var detail = (await _slice.RunAsync(new ShowUser(outcome.Value))).Value;
        Assert.That(detail.Name, Is.EqualTo("Rafael Reviewer"));
        Assert.That(detail.Roles, Is.EqualTo(new[] { Roles.Reviewer, Roles.FundManager }));
        Assert.That(detail.State, Is.EqualTo(AccountState.InvitationPending));
        var invitation = await _slice.WithDbAsync(db => db.OutboxMessages.SingleAsync(m => m.To == "rafael@trustfund.test"));
        Assert.That(invitation.TextBody, Does.Contain("Olga Petrova has invited you").And.Contain("as: Reviewer and Fund manager.").And.Contain("/Account/AcceptInvitation?userId="));
    }

    [Test]
    public async Task InviteUser_AddressAlreadyUsed_IsRefusedOnTheEmailField()
    {
        var outcome = await _slice.RunAsync(new InviteUser("Someone", "ADMIN@trustfund.test", [Roles.Reviewer]));

        Assert.That(outcome.Kind, Is.EqualTo(OutcomeKind.Refused));
        Assert.That(outcome.Problems.Single().Field, Is.EqualTo(nameof(InviteUser.Email)));
        Assert.That(outcome.Problems.Single().Arguments, Is.EqualTo(new object?[] { "Olga Petrova" }));
    }

    [Test]
    public async Task DeactivateUser_EndsTheSessionsAndKeepsTheRoles_ThenReactivateUser()
    {
        var user = await AddUserAsync("manager@trustfund.test", "Mariam Okafor", Roles.FundManager);

        var deactivated = await _slice.RunAsync(new DeactivateUser(user.Id, " Left the Secretariat "));
        var after = await UserAsync(user.Id);
        var again = await _slice.RunAsync(new DeactivateUser(user.Id, "Twice"));
        var reactivated = await _slice.RunAsync(new ReactivateUser(user.Id));

        Assert.That(deactivated.Value, Is.EqualTo("Mariam Okafor"));
        Assert.That(after.IsActive, Is.False);
        Assert.That(after.SecurityStamp, Is.Not.EqualTo(user.SecurityStamp));
        Assert.That(again.Kind, Is.EqualTo(OutcomeKind.Refused));
        Assert.That(again.Problems.Single().Message, Is.EqualTo("This account is already deactivated."));
        Assert.That(reactivated.Kind, Is.EqualTo(OutcomeKind.Done));
        Assert.That((await UserAsync(user.Id)).IsActive, Is.True);
        var detail = (await _slice.RunAsync(new ShowUser(user.Id))).Value;
        Assert.That(detail.Roles, Is.EqualTo(new[] { Roles.FundManager }));
        Assert.That(detail.History.Select(h => h.Summary), Does.Contain("manager@trustfund.test deactivated. Reason: Left the Secretariat"));
    }

    [Test]
    public async Task DeactivateUser_OwnAccountOrNoReason_IsRefusedAndChangesNothing()
    {
        var self = await _slice.RunAsync(new DeactivateUser(_admin.Id, "Leaving"));
        var noReason = await _slice.RunAsync(new DeactivateUser(_admin.Id, "  "));
        var unknown = await _slice.RunAsync(new DeactivateUser(Guid.NewGuid(), "Leaving"));

        Assert.That(self.Problems.Single().Message, Is.EqualTo("You cannot deactivate your own account. Ask another administrator to do it."));
        Assert.That(noReason.Problems.Single().Field, Is.EqualTo(nameof(DeactivateUser.Reason)));
        Assert.That(unknown.Kind, Is.EqualTo(OutcomeKind.NotFound));
        var after = await UserAsync(_admin.Id);
        Assert.That(after.IsActive, Is.True);
        Assert.That(after.SecurityStamp, Is.EqualTo(_admin.SecurityStamp));
    }

    [Test]
    public async Task ChangeUserRoles_RefusesRemovingOwnAdministratorRoleAndStaffRolesForApplicants()
    {
        var organisation = Organisation.Register("Safe Harbour Foundation", "KEN", _slice.Now);
        await _slice.WithDbAsync(db =>
        {
            db.Organisations.Add(organisation);
            return db.SaveChangesAsync();
        });
        var applicant = await AddUserAsync("amina@safeharbour.example", "Amina Haddad", Roles.Applicant, organisation.Id);
        var reviewer = await AddUserAsync("reviewer@trustfund.test", "Rafael Reviewer", Roles.Reviewer);

        var own = await _slice.RunAsync(new ChangeUserRoles(_admin.Id, [Roles.FundManager]));
        var applicantAsReviewer = await _slice.RunAsync(new ChangeUserRoles(applicant.Id, [Roles.Reviewer]));
        var unchanged = await _slice.RunAsync(new ChangeUserRoles(reviewer.Id, [Roles.Reviewer]));
        var promoted = await _slice.RunAsync(new ChangeUserRoles(reviewer.Id, [Roles.Administrator, Roles.Reviewer]));

        Assert.That(own.Problems.Single(), Is.EqualTo(Problem.For("Roles", "You cannot remove your own Administrator role. Ask another administrator to do it.")).Using<Problem>(Same));
        Assert.That(applicantAsReviewer.Problems.Single().Message, Is.EqualTo("Staff of an applicant organisation can hold only the Applicant role."));
        Assert.That(unchanged.Value.Changed, Is.False);
        Assert.That(promoted.Value.Changed, Is.True);
        Assert.That((await _slice.RunAsync(new ShowUser(reviewer.Id))).Value.Roles, Is.EqualTo(new[] { Roles.Reviewer, Roles.Administrator }));
        Assert.That((await UserAsync(reviewer.Id)).SecurityStamp, Is.Not.EqualTo(reviewer.SecurityStamp));
        Assert.That((await _slice.RunAsync(new ShowUser(_admin.Id))).Value.Roles, Is.EqualTo(new[] { Roles.Administrator }));
    }

    [Test]
    public async Task ResendInvitation_OnlyWhileTheInvitationIsPending()
    {
        var invited = (await _slice.RunAsync(new InviteUser("Rafael Reviewer", "rafael@trustfund.test", [Roles.Reviewer]))).Value;

        var resent = await _slice.RunAsync(new ResendInvitation(invited));
        var toActive = await _slice.RunAsync(new ResendInvitation(_admin.Id));

        Assert.That(resent.Value, Is.EqualTo("rafael@trustfund.test"));
        Assert.That(await _slice.WithDbAsync(db => db.OutboxMessages.CountAsync(m => m.To == "rafael@trustfund.test")), Is.EqualTo(2));
        Assert.That(toActive.Problems.Single().Message, Is.EqualTo("Only an active account whose invitation has not been accepted can be sent a new invitation."));
    }

    private static bool Same(Problem a, Problem b) => a.Field == b.Field && a.Message == b.Message && a.Arguments.SequenceEqual(b.Arguments);

    private Task<TrustFundUser> UserAsync(Guid id) => _slice.WithDbAsync(db => db.Users.AsNoTracking().SingleAsync(u => u.Id == id));

    private async Task<TrustFundUser> AddUserAsync(string email, string name, string role, Guid? organisationId = null)
    {
        var user = new TrustFundUser { UserName = email, Email = email, EmailConfirmed = true, DisplayName = name, OrganisationId = organisationId, CreatedAtUtc = _slice.Now };
        await _slice.WithScopeAsync(async services =>
        {
            var users = services.GetRequiredService<UserManager<TrustFundUser>>();
            Assert.That((await users.CreateAsync(user)).Succeeded, Is.True);
            Assert.That((await users.AddToRoleAsync(user, role)).Succeeded, Is.True);
            return true;
        });
        return user;
    }

    /// <summary>The SQL each command ran.</summary>
    private sealed class CommandLog : DbCommandInterceptor
    {
        private readonly ConcurrentQueue<string> _texts = new();

        public IReadOnlyList<string> Texts => [.. _texts];

        public void Clear() => _texts.Clear();

        public override ValueTask<DbDataReader> ReaderExecutedAsync(DbCommand command, CommandExecutedEventData eventData, DbDataReader result, CancellationToken cancellationToken = default)
        {
            _texts.Enqueue(command.CommandText);
            return ValueTask.FromResult(result);
        }
    }
}
