using System.Data.Common;
using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using TrustFund.Application.Accounts;
using TrustFund.Application.Common;
using TrustFund.Application.Organisations;
using TrustFund.Database.Tests.Engines;
using TrustFund.Domain.Organisations;
using TrustFund.Infrastructure.Persistence;

namespace TrustFund.Database.Tests;

/// <summary>
/// Two members removing each other at the same moment, through the real use case on each engine: the
/// organisation always keeps one active member and the second removal is refused clearly.
/// </summary>
[TestFixture(DatabaseProvider.Sqlite)]
[TestFixture(DatabaseProvider.PostgreSql)]
[TestFixture(DatabaseProvider.SqlServer)]
public sealed class MemberRemovalRaceTests : EngineFixture
{
    private const string OnlyMember = "is the only member of your organisation";

    private readonly FlowActors _actors = new();
    private readonly RaceGate _gate = new();
    private EngineApp? _app;

    public MemberRemovalRaceTests(DatabaseProvider provider)
        : base(provider)
    {
    }

    private EngineApp App => _app ?? throw new InvalidOperationException("The app has not started.");

    [OneTimeSetUp]
    public async Task StartAppAsync()
    {
        _app = new EngineApp(Provider, ConnectionString, Clock, services =>
        {
            services.RemoveAll<ICurrentActor>();
            services.AddSingleton<ICurrentActor>(_actors);
            services.ConfigureDbContext<TrustFundDbContext>(options => options.AddInterceptors(_gate));
        });
        _ = _app.Server;
        await using var scope = App.Services.CreateAsyncScope();
        var roles = scope.ServiceProvider.GetRequiredService<RoleManager<TrustFundRole>>();
        if (!await roles.RoleExistsAsync(Roles.Applicant))
        {
            Assert.That((await roles.CreateAsync(new TrustFundRole(Roles.Applicant))).Succeeded, Is.True);
        }
    }

    [OneTimeTearDown]
    public void StopApp() => _app?.Dispose();

    [SetUp]
    public void ResetGate() => _gate.Reset();

    [Test]
    public async Task RemoveMember_TwoMembersRemovingEachOtherAtOnce_LeavesOneActiveMemberAndRefusesTheSecondClearly()
    {
        var (organisationId, amina, chidi) = await OrganisationWithTwoMembersAsync();

        // Chidi's removal of Amina has read everything it decides on, and waits before its transaction...
        var chidiRemovesAmina = Task.Run(async () =>
        {
            _actors.ActAs(chidi);
            _gate.Hold(RacePoint.BeforeTransaction);
            return await RunAsync(new RemoveMember(amina.Id));
        });
        await _gate.Reached.WaitAsync(TimeSpan.FromSeconds(30));

        // ...while Amina removes Chidi.
        _actors.ActAs(amina);
        var aminaRemovesChidi = await RunAsync(new RemoveMember(chidi.Id));
        _gate.Release();
        var second = await chidiRemovesAmina;

        var active = await ActiveMembersAsync(organisationId);
        Assert.Multiple(() =>
        {
            Assert.That(aminaRemovesChidi.Succeeded, Is.True, aminaRemovesChidi.Kind.ToString());
            Assert.That(second.Kind, Is.EqualTo(OutcomeKind.Refused));
            Assert.That(string.Join(" ", second.Problems.Select(p => p.Message)), Does.Contain(OnlyMember));
            Assert.That(active, Is.EqualTo(new[] { amina.Email }), "an organisation always keeps an active member");
        });
    }

    [Test]
    public async Task RemoveMember_SecondRemovalWhileTheFirstIsStillUncommitted_WaitsForItAndIsRefused()
    {
        var (organisationId, amina, chidi) = await OrganisationWithTwoMembersAsync();

        // Chidi's removal has deactivated Amina inside its transaction and holds before committing...
        var chidiRemovesAmina = Task.Run(async () =>
        {
            _actors.ActAs(chidi);
            _gate.Hold(RacePoint.AfterDeactivating);
            return await RunAsync(new RemoveMember(amina.Id));
        });
        await _gate.Reached.WaitAsync(TimeSpan.FromSeconds(30));

        // ...when Amina removes Chidi: her removal must wait for his to end, then see it.
        var aminaRemovesChidi = Task.Run(async () =>
        {
            _actors.ActAs(amina);
            return await RunAsync(new RemoveMember(chidi.Id));
        });
        var finishedWhileHeld = await Task.WhenAny(aminaRemovesChidi, Task.Delay(TimeSpan.FromSeconds(2))) == aminaRemovesChidi;
        _gate.Release();
        var first = await chidiRemovesAmina;
        var second = await aminaRemovesChidi;

        var active = await ActiveMembersAsync(organisationId);
        Assert.Multiple(() =>
        {
            Assert.That(finishedWhileHeld, Is.False, "the second removal waits for the first one's transaction");
            Assert.That(first.Succeeded, Is.True, first.Kind.ToString());
            Assert.That(second.Kind, Is.EqualTo(OutcomeKind.Refused));
            Assert.That(string.Join(" ", second.Problems.Select(p => p.Message)), Does.Contain(OnlyMember));
            Assert.That(active, Is.EqualTo(new[] { chidi.Email }), "an organisation always keeps an active member");
        });
    }

    private async Task<Outcome<string>> RunAsync(RemoveMember request)
    {
        await using var scope = App.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<IUseCases>().RunAsync(request);
    }

    private async Task<List<string?>> ActiveMembersAsync(Guid organisationId)
    {
        await using var db = NewContext();
        return await db.Users.Where(u => u.OrganisationId == organisationId && u.IsActive).OrderBy(u => u.Email).Select(u => u.Email).ToListAsync();
    }

    /// <summary>A verified organisation with two active members, Amina and Chidi, each as the claims they act with.</summary>
    private async Task<(Guid OrganisationId, Member Amina, Member Chidi)> OrganisationWithTwoMembersAsync()
    {
        var now = Clock.GetUtcNow().UtcDateTime;
        var organisation = Organisation.Register($"Safe Harbour {Guid.NewGuid():N}", "NGA", now);
        organisation.Verify(now);
        await using (var db = NewContext())
        {
            db.Organisations.Add(organisation);
            await db.SaveChangesAsync();
        }

        var suffix = Guid.NewGuid().ToString("N")[..8];
        return (organisation.Id, await MemberAsync($"amina-{suffix}@safeharbour.test", "Amina Bello", organisation.Id), await MemberAsync($"chidi-{suffix}@safeharbour.test", "Chidi Okafor", organisation.Id));
    }

    private async Task<Member> MemberAsync(string email, string name, Guid organisationId)
    {
        var user = new TrustFundUser { UserName = email, Email = email, EmailConfirmed = true, DisplayName = name, OrganisationId = organisationId, CreatedAtUtc = Clock.GetUtcNow().UtcDateTime };
        await using var scope = App.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<TrustFundUser>>();
        var created = await users.CreateAsync(user);
        Assert.That(created.Succeeded, Is.True, string.Join("; ", created.Errors.Select(e => e.Description)));
        Assert.That((await users.AddToRoleAsync(user, Roles.Applicant)).Succeeded, Is.True);
        var claims = new ClaimsPrincipal(new ClaimsIdentity(
            [
                new Claim(ClaimTypes.NameIdentifier, user.Id.ToString()),
                new Claim(ClaimTypes.Name, email),
                new Claim(ClaimTypes.Role, Roles.Applicant),
                new Claim(UserClaims.Organisation, organisationId.ToString("D", CultureInfo.InvariantCulture)),
            ],
            "Test"));
        return new Member(user.Id, email, claims);
    }

    private sealed record Member(Guid Id, string Email, ClaimsPrincipal User);

    /// <summary>Who acts, per asynchronous flow: two members acting at once.</summary>
    private sealed class FlowActors : ICurrentActor
    {
        private readonly AsyncLocal<ClaimsPrincipal?> _user = new();

        public ClaimsPrincipal User => _user.Value ?? new ClaimsPrincipal(new ClaimsIdentity());

        public Guid? UserId => User.UserId();

        public string? Name => User.Identity?.IsAuthenticated == true ? User.Identity.Name : null;

        public Guid? OrganisationId => User.OrganisationId();

        public string? IpAddress => "127.0.0.1";

        public void ActAs(Member member) => _user.Value = member.User;
    }

    private enum RacePoint
    {
        /// <summary>After reading what it decides on, before its transaction starts.</summary>
        BeforeTransaction,

        /// <summary>Inside its transaction, right after deactivating the member, before committing.</summary>
        AfterDeactivating,
    }

    /// <summary>Holds one flow at a <see cref="RacePoint"/> until the test releases it, so another request can act in between.</summary>
    private sealed class RaceGate : DbCommandInterceptor, IDbTransactionInterceptor
    {
        private readonly AsyncLocal<RacePoint?> _point = new();
        private TaskCompletionSource _reached = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private TaskCompletionSource _released = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private int _held;

        public Task Reached => _reached.Task;

        public void Hold(RacePoint point) => _point.Value = point;

        public void Release() => _released.TrySetResult();

        public void Reset()
        {
            _reached = new(TaskCreationOptions.RunContinuationsAsynchronously);
            _released = new(TaskCreationOptions.RunContinuationsAsynchronously);
            _held = 0;
        }

        public async ValueTask<InterceptionResult<DbTransaction>> TransactionStartingAsync(DbConnection connection, TransactionStartingEventData eventData, InterceptionResult<DbTransaction> result, CancellationToken cancellationToken = default)
        {
            await WaitIfHeldAsync(RacePoint.BeforeTransaction, cancellationToken);
            return result;
        }

        public override async ValueTask<int> NonQueryExecutedAsync(DbCommand command, CommandExecutedEventData eventData, int result, CancellationToken cancellationToken = default)
        {
            if (command.CommandText.Contains("IsActive", StringComparison.Ordinal) && command.CommandText.TrimStart().StartsWith("UPDATE", StringComparison.OrdinalIgnoreCase))
            {
                await WaitIfHeldAsync(RacePoint.AfterDeactivating, cancellationToken);
            }

            return result;
        }

        private async Task WaitIfHeldAsync(RacePoint point, CancellationToken cancellationToken)
        {
            if (_point.Value == point && Interlocked.Exchange(ref _held, 1) == 0)
            {
                _reached.TrySetResult();
                await _released.Task.WaitAsync(TimeSpan.FromSeconds(30), cancellationToken);
            }
        }
    }
}
