using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TrustFund.Application.Accounts;
using TrustFund.Application.Applications;
using TrustFund.Application.Audit;
using TrustFund.Application.Calls;
using TrustFund.Application.Common;
using TrustFund.Application.Tests.Infrastructure;
using TrustFund.Domain.Calls;
using TrustFund.Infrastructure.Persistence;

namespace TrustFund.Application.Tests.Calls;

/// <summary>The calls' use cases through their handlers, on SQLite, without HTTP.</summary>
[FixtureLifeCycle(LifeCycle.InstancePerTestCase)]
public sealed class CallUseCaseTests
{
    private readonly CommandHook _codeCheck = new(sql => sql.Contains("FROM \"Calls\"", StringComparison.Ordinal) && sql.Contains("\"Code\" =", StringComparison.Ordinal));
    private SliceFixture _slice = null!;

    [SetUp]
    public async Task Start()
    {
        _slice = await SliceFixture.StartAsync(services =>
            services.ConfigureDbContext<TrustFundDbContext>(options => options.AddInterceptors(_codeCheck)));
        await _slice.SignInAsNewUserAsync("manager@trustfund.test", Roles.FundManager, name: "Mariam Okafor");
    }

    [TearDown]
    public async Task Stop() => await _slice.DisposeAsync();

    [Test]
    public async Task DraftCall_CodeTakenByAnotherManagerAfterTheCheck_IsRefusedAsTakenNotAnError()
    {
        _codeCheck.Arm(async () => Assert.That((await _slice.RunAsync(new DraftCall(Terms("RACE")))).Succeeded, Is.True, "the other manager's call"));

        var outcome = await _slice.RunAsync(new DraftCall(Terms("race") with { Title = "Mine" }));

        await Assert.MultipleAsync(async () =>
        {
            Assert.That(_codeCheck.Fired, Is.True, "the other manager saved between the check and the insert");
            Assert.That(outcome.Kind, Is.EqualTo(OutcomeKind.Refused));
            Assert.That(outcome.Problems.Single(), Is.EqualTo(Problem.For(nameof(CallTerms.Code), "Another call already uses the code {0}. Choose a different code.", "RACE")).Using<Problem>(SameProblem));
            Assert.That(await _slice.WithDbAsync(db => db.Calls.Select(c => c.Title).ToListAsync()), Is.EqualTo(new[] { "Call RACE" }));
        });
    }

    [Test]
    public async Task AmendCall_AfterReferencesWereTaken_IsNotStale()
    {
        var drafted = (await _slice.RunAsync(new DraftCall(Terms("SEQ")))).Value;
        var version = await VersionAsync(drafted.Id);
        Assert.That((await _slice.RunAsync(new PublishCall(drafted.Id, version))).Succeeded, Is.True);
        var published = await _slice.WithDbAsync(db => db.Calls.AsNoTracking().SingleAsync(c => c.Id == drafted.Id));

        var references = await _slice.WithScopeAsync(async services =>
        {
            var db = services.GetRequiredService<TrustFundDbContext>();
            var numbers = services.GetRequiredService<IReferenceNumbers>();
            var taken = new List<string>();
            for (var i = 0; i < 3; i++)
            {
                await using var transaction = await db.Database.BeginTransactionAsync();
                taken.Add(await numbers.TakeAsync(published, _slice.Now, CancellationToken.None));
                await transaction.CommitAsync();
            }

            return taken;
        });
        var outcome = await _slice.RunAsync(new AmendCall(published.Id, published.Version, published.Terms with { ClosesAtUtc = published.ClosesAtUtc.AddDays(5) }, "More time."));

        await Assert.MultipleAsync(async () =>
        {
            Assert.That(references, Is.EqualTo(new[] { "UNVTF-2026-SEQ-0001", "UNVTF-2026-SEQ-0002", "UNVTF-2026-SEQ-0003" }));
            Assert.That(outcome.Succeeded, Is.True, outcome.Kind.ToString());
            Assert.That(outcome.Value.DeadlineMoved, Is.True);
            Assert.That(await _slice.WithDbAsync(db => db.AuditEntries.CountAsync(e => e.Action == AuditActions.CallDeadlineChanged)), Is.EqualTo(1));
        });
    }

    [Test]
    public async Task AmendCall_StaleVersion_SaysWhoChangedItAndWhen()
    {
        var drafted = (await _slice.RunAsync(new DraftCall(Terms("STALE")))).Value;
        var seen = await VersionAsync(drafted.Id);
        var current = await _slice.WithDbAsync(db => db.Calls.AsNoTracking().SingleAsync(c => c.Id == drafted.Id));
        _slice.Clock.Advance(TimeSpan.FromMinutes(3));
        Assert.That((await _slice.RunAsync(new AmendCall(drafted.Id, seen, current.Terms with { Title = "First" }, null))).Succeeded, Is.True);

        var outcome = await _slice.RunAsync(new AmendCall(drafted.Id, seen, current.Terms with { Title = "Second" }, null));

        await Assert.MultipleAsync(async () =>
        {
            Assert.That(outcome.Kind, Is.EqualTo(OutcomeKind.Stale));
            Assert.That(outcome.Stale, Is.EqualTo(new StaleEdit(nameof(Call), drafted.Id, "manager@trustfund.test", _slice.Now)));
            Assert.That(await _slice.WithDbAsync(db => db.Calls.Where(c => c.Id == drafted.Id).Select(c => c.Title).SingleAsync()), Is.EqualTo("First"));
        });
    }

    [Test]
    public async Task PublishCall_Unknown_IsNotFound()
    {
        var outcome = await _slice.RunAsync(new PublishCall(Guid.NewGuid(), Guid.NewGuid()));

        Assert.That(outcome.Kind, Is.EqualTo(OutcomeKind.NotFound));
    }

    [Test]
    public async Task PublishCall_Twice_IsRefusedByTheLifecycleWithItsMessage()
    {
        var drafted = (await _slice.RunAsync(new DraftCall(Terms("TWICE")))).Value;
        Assert.That((await _slice.RunAsync(new PublishCall(drafted.Id, await VersionAsync(drafted.Id)))).Succeeded, Is.True);

        var outcome = await _slice.RunAsync(new PublishCall(drafted.Id, await VersionAsync(drafted.Id)));

        Assert.That(outcome.Kind, Is.EqualTo(OutcomeKind.Refused));
        Assert.That(outcome.Problems.Single().Text.ToString(), Is.EqualTo("A call that is published cannot be published."));
    }

    private static bool SameProblem(Problem a, Problem b) =>
        a.Field == b.Field && a.Message == b.Message && a.Arguments.SequenceEqual(b.Arguments);

    private Task<Guid> VersionAsync(Guid id) => _slice.WithDbAsync(db => db.Calls.Where(c => c.Id == id).Select(c => c.Version).SingleAsync());

    private CallTerms Terms(string code) => new()
    {
        Code = code,
        Title = "Call " + code,
        WindowType = WindowType.ShortTerm,
        OpensAtUtc = _slice.Now.AddDays(-1),
        ClosesAtUtc = _slice.Now.AddDays(30),
        TimeZoneId = "Europe/Vienna",
        MinimumAmount = 5_000m,
        MaximumAmount = 20_000m,
        MaximumDurationMonths = 9,
        Envelope = 200_000m,
    };
}
