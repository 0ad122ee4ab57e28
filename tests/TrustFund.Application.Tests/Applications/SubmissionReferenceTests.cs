using System.Collections.Concurrent;
using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using TrustFund.Application.Accounts;
using TrustFund.Application.Applications;
using TrustFund.Application.Tests.Infrastructure;
using TrustFund.Application.Tests.Organisations;
using TrustFund.Application.Tests.Screenings;
using TrustFund.Domain.Applications;
using TrustFund.Domain.Calls;
using TrustFund.Domain.Organisations;
using TrustFund.Infrastructure.Persistence;

namespace TrustFund.Application.Tests.Applications;

/// <summary>
/// The reference number a first submission takes, against the real unique index on
/// <c>Applications.Reference</c>: a number already held is skipped, a collision at the save is run
/// again (and logged), and no other failure is retried.
/// </summary>
[FixtureLifeCycle(LifeCycle.InstancePerTestCase)]
public sealed class SubmissionReferenceTests
{
    private const string Code = "RET";
    private const string FirstReference = "UNVTF-2026-RET-0001";

    private readonly SaveHook _hook = new();
    private readonly CapturedLogs _logs = new();
    private SliceFixture _slice = null!;
    private Guid _callId;
    private Guid _applicationId;
    private Guid _otherApplicationId;

    [SetUp]
    public async Task Start()
    {
        _slice = await SliceFixture.StartAsync(services =>
        {
            services.ConfigureDbContext<TrustFundDbContext>(options => options.AddInterceptors(_hook));
            services.AddSingleton<ILoggerProvider>(_logs);
        });
        var now = _slice.Now;
        var call = Call.Draft(ScreeningData.Terms(Code, now) with { RequiredDocuments = [] }, now);
        call.Publish(now);
        var organisation = VerifiedOrganisation("Safe Harbour", now);
        var other = VerifiedOrganisation("Other Partners", now);
        var application = GrantApplication.Start(call, organisation, "amina@safeharbour.test", now);
        application.Edit(ScreeningData.Content("Shelter in Lagos", 10_000m), "amina@safeharbour.test", now);
        var otherApplication = GrantApplication.Start(call, other, "someone@other.test", now);
        await _slice.WithDbAsync(async db =>
        {
            db.Calls.Add(call);
            db.Organisations.AddRange(organisation, other);
            await db.SaveChangesAsync();
            db.Applications.AddRange(application, otherApplication);
            return await db.SaveChangesAsync();
        });
        _callId = call.Id;
        _applicationId = application.Id;
        _otherApplicationId = otherApplication.Id;
        await _slice.SignInAsNewUserAsync("amina@safeharbour.test", Roles.Applicant, organisation.Id, "Amina Bello");
    }

    [TearDown]
    public async Task Stop() => await _slice.DisposeAsync();

    [Test]
    public async Task SubmitApplication_NextReferenceAlreadyHeldByAnotherApplication_TakesTheNextFreeOne()
    {
        // The sequence has given out nothing, but an application already holds its first number.
        await _slice.WithDbAsync(db => db.Applications.Where(a => a.Id == _otherApplicationId).ExecuteUpdateAsync(set => set.SetProperty(a => a.Reference, FirstReference)));

        var outcome = await _slice.RunAsync(new SubmitApplication(_applicationId));

        Assert.That(outcome.Succeeded, Is.True, outcome.Kind.ToString());
        Assert.Multiple(async () =>
        {
            Assert.That(outcome.Value.Reference, Is.EqualTo("UNVTF-2026-RET-0002"));
            Assert.That(await ReferenceOfAsync(_applicationId), Is.EqualTo("UNVTF-2026-RET-0002"));
            Assert.That(await ReferenceOfAsync(_otherApplicationId), Is.EqualTo(FirstReference));
            Assert.That(await IssuedAsync(), Is.EqualTo(2));
        });
    }

    [Test]
    public async Task SubmitApplication_ReferenceTakenBetweenNumberingAndSaving_IsRunAgainAndTheRetryLogged()
    {
        // Just before the submission's save, inside its transaction, another application takes the
        // number the submission holds: the unique index refuses the save and everything rolls back.
        _hook.BeforeSave = (connection, transaction) => ExecuteAsync(connection, transaction, $"UPDATE \"Applications\" SET \"Reference\" = '{FirstReference}' WHERE \"Id\" = '{_otherApplicationId.ToString().ToUpperInvariant()}'");

        var outcome = await _slice.RunAsync(new SubmitApplication(_applicationId));

        Assert.That(outcome.Succeeded, Is.True, outcome.Kind.ToString());
        var retries = _logs.Entries.Where(e => e.Level == LogLevel.Warning && e.Message.Contains("collided", StringComparison.Ordinal)).Select(e => e.Message).ToList();
        Assert.Multiple(async () =>
        {
            Assert.That(_hook.Fired, Is.EqualTo(1), "the collision was provoked once");
            Assert.That(retries, Is.EqualTo(new[] { "SubmitApplication collided (DuplicateKey on IX_Applications_Reference) on attempt 1; running it again." }));
            Assert.That(_hook.SequenceUpdates, Is.EqualTo(2), "the handler ran twice");
            Assert.That(outcome.Value.Reference, Is.EqualTo(FirstReference));
            Assert.That(outcome.Value.VersionNumber, Is.EqualTo(1));
            Assert.That(await ReferenceOfAsync(_applicationId), Is.EqualTo(FirstReference));
            Assert.That(await ReferenceOfAsync(_otherApplicationId), Is.Null, "the other write rolled back with the failed attempt");
            Assert.That(await _slice.WithDbAsync(db => db.ApplicationVersions.CountAsync(v => v.ApplicationId == _applicationId)), Is.EqualTo(1));
            Assert.That(await IssuedAsync(), Is.EqualTo(1));
        });
    }

    [Test]
    public async Task SubmitApplication_OtherUniqueViolationAtTheSave_IsNotRetriedAndNothingIsSaved()
    {
        // Writing the version also writes a second row with an existing key of the reference sequences:
        // a real unique violation, but not on the reference index.
        await _slice.WithDbAsync(db => db.Database.ExecuteSqlRawAsync(
            "CREATE TRIGGER \"DuplicateSequence\" BEFORE INSERT ON \"ApplicationVersions\" BEGIN INSERT INTO \"ReferenceSequences\" SELECT * FROM \"ReferenceSequences\" LIMIT 1; END"));

        var error = Assert.ThrowsAsync<DbUpdateException>(() => _slice.RunAsync(new SubmitApplication(_applicationId)));

        Assert.Multiple(async () =>
        {
            Assert.That(error!.InnerException?.Message, Does.Contain("UNIQUE constraint failed: ReferenceSequences.CallId"));
            Assert.That(_hook.SequenceUpdates, Is.EqualTo(1), "the handler ran once");
            Assert.That(_logs.Entries.Where(e => e.Message.Contains("collided", StringComparison.Ordinal)), Is.Empty);
            Assert.That(await ReferenceOfAsync(_applicationId), Is.Null);
            Assert.That(await _slice.WithDbAsync(db => db.Applications.Where(a => a.Id == _applicationId).Select(a => a.Status).SingleAsync()), Is.EqualTo(ApplicationStatus.Draft));
            Assert.That(await _slice.WithDbAsync(db => db.ApplicationVersions.CountAsync()), Is.Zero);
            Assert.That(await IssuedAsync(), Is.Zero);
        });
    }

    private static Organisation VerifiedOrganisation(string name, DateTime now)
    {
        var organisation = Organisation.Register(name, "NGA", now);
        organisation.UpdateProfile(name, "NGA", new OrganisationProfile { Type = OrganisationType.Ngo, RegistrationDate = new DateOnly(2015, 3, 1), UnppPartnerId = "UNPP-1", AttestsNotIntermediary = true }, now);
        organisation.Verify(now);
        return organisation;
    }

    private static async Task ExecuteAsync(DbConnection connection, DbTransaction? transaction, string sql)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        Assert.That(await command.ExecuteNonQueryAsync(), Is.EqualTo(1), sql);
    }

    private Task<string?> ReferenceOfAsync(Guid applicationId) =>
        _slice.WithDbAsync(db => db.Applications.Where(a => a.Id == applicationId).Select(a => a.Reference).SingleAsync());

    private Task<int> IssuedAsync() =>
        _slice.WithDbAsync(db => db.Database.SqlQuery<int>($"SELECT \"Issued\" AS \"Value\" FROM \"ReferenceSequences\" WHERE \"CallId\" = {_callId.ToString().ToUpperInvariant()}").SingleAsync());

    /// <summary>Counts the reference sequence's updates, and runs <see cref="BeforeSave"/> once, just before the save that submits the application.</summary>
    private sealed class SaveHook : DbCommandInterceptor
    {
        private readonly ConcurrentQueue<string> _sequenceUpdates = new();
        private int _fired;

        public Func<DbConnection, DbTransaction?, Task>? BeforeSave { get; set; }

        public int Fired => _fired;

        public int SequenceUpdates => _sequenceUpdates.Count;

        public override async ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
        {
            if (BeforeSave is { } action && command.CommandText.Contains("UPDATE \"Applications\" SET", StringComparison.Ordinal) && Interlocked.Exchange(ref _fired, 1) == 0)
            {
                await action(command.Connection!, command.Transaction);
            }

            return result;
        }

        public override ValueTask<int> NonQueryExecutedAsync(DbCommand command, CommandExecutedEventData eventData, int result, CancellationToken cancellationToken = default)
        {
            if (command.CommandText.Contains("UPDATE \"ReferenceSequences\"", StringComparison.Ordinal))
            {
                _sequenceUpdates.Enqueue(command.CommandText);
            }

            return ValueTask.FromResult(result);
        }
    }
}
