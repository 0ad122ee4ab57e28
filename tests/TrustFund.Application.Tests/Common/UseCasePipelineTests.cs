using FluentValidation;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Npgsql;
using TrustFund.Application.Common;
using TrustFund.Application.Tests.Infrastructure;
using TrustFund.Domain.Common;

namespace TrustFund.Application.Tests.Common;

/// <summary>The one pipeline every use case runs in: validation, refusals, stale edits and safe retries.</summary>
[FixtureLifeCycle(LifeCycle.InstancePerTestCase)]
public sealed class UseCasePipelineTests
{
    private readonly Script _script = new();
    private readonly LogRecorder _logs = new();
    private SliceFixture _slice = null!;

    [SetUp]
    public async Task Start() => _slice = await SliceFixture.StartAsync(services =>
    {
        services.AddSingleton(_script);
        services.AddScoped<IUseCaseHandler<Probe, int>, ProbeHandler>();
        services.AddScoped<IUseCaseHandler<RetryingProbe, int>, RetryingProbeHandler>();
        services.AddSingleton<IValidator<Probe>, ProbeValidator>();
        services.AddLogging(logging => logging.AddProvider(_logs));
    });

    [TearDown]
    public async Task Stop() => await _slice.DisposeAsync();

    [Test]
    public async Task Run_InvalidShape_IsRefusedPerFieldWithoutRunningTheHandler()
    {
        var outcome = await _slice.RunAsync(new Probe(string.Empty));

        Assert.That(outcome.Kind, Is.EqualTo(OutcomeKind.Refused));
        Assert.That(outcome.Problems.Select(p => (p.Field, p.Message)), Is.EqualTo(new[] { ("Name", "Enter a name.") }));
        Assert.That(_script.Calls, Is.Zero);
    }

    [Test]
    public async Task Run_BrokenRules_AreRefusedEachOnItsField()
    {
        _script.Throw = () => new RulesViolatedException([new RuleViolation("Title", "Too long."), new RuleViolation("Amount", "Too much.")]);

        var outcome = await _slice.RunAsync(new Probe("x"));

        Assert.That(outcome.Problems.Select(p => (p.Field, p.Message)), Is.EqualTo(new[] { ("Title", "Too long."), ("Amount", "Too much.") }));
    }

    [Test]
    public async Task Run_DomainError_IsRefusedWithItsMessage()
    {
        _script.Throw = () => new DomainException("call.closed", "This call is closed.");

        var outcome = await _slice.RunAsync(new Probe("x"));

        Assert.That(outcome.Kind, Is.EqualTo(OutcomeKind.Refused));
        Assert.That(outcome.Problems.Single().Message, Is.EqualTo("This call is closed."));
        Assert.That(outcome.Problems.Single().Field, Is.Empty);
    }

    [Test]
    public async Task Run_RecordNotFound_EndsNotFound()
    {
        _script.Throw = () => new NotFoundException();

        var outcome = await _slice.RunAsync(new Probe("x"));

        Assert.That(outcome.Kind, Is.EqualTo(OutcomeKind.NotFound));
        Assert.That(() => outcome.Value, Throws.InvalidOperationException);
    }

    [Test]
    public async Task Run_DeclaredCollision_IsRetriedAndEachRetryLogged()
    {
        _script.FailTimes = 2;
        _script.Throw = () => Duplicate("Applications.Reference");

        var outcome = await _slice.RunAsync(new RetryingProbe());

        Assert.Multiple(() =>
        {
            Assert.That(outcome.Succeeded, Is.True);
            Assert.That(_script.Calls, Is.EqualTo(3));
            Assert.That(_logs.Warnings.Count(w => w.Contains("RetryingProbe collided (DuplicateKey on IX_Applications_Reference)", StringComparison.Ordinal)), Is.EqualTo(2));
        });
    }

    [Test]
    public void Run_DeclaredCollisionEveryTime_GivesUpAfterTheLastAttempt()
    {
        _script.FailTimes = int.MaxValue;
        _script.Throw = () => Duplicate("Applications.Reference");

        Assert.ThrowsAsync<DbUpdateException>(() => _slice.RunAsync(new RetryingProbe()));
        Assert.That(_script.Calls, Is.EqualTo(IRetryOnCollision.MaximumAttempts));
    }

    [Test]
    public void Run_OtherCollision_IsNeverRetried()
    {
        _script.FailTimes = 1;
        _script.Throw = () => Duplicate("Calls.Code");

        Assert.ThrowsAsync<DbUpdateException>(() => _slice.RunAsync(new RetryingProbe()));
        Assert.That(_script.Calls, Is.EqualTo(1));
    }

    [Test]
    public void Run_CollisionOfAUseCaseThatDeclaresNone_IsNotRetried()
    {
        _script.FailTimes = 1;
        _script.Throw = () => Duplicate("Applications.Reference");

        Assert.ThrowsAsync<DbUpdateException>(() => _slice.RunAsync(new Probe("x")));
        Assert.That(_script.Calls, Is.EqualTo(1));
    }

    [Test]
    public async Task Run_DatabaseUnreachable_RunsTheWholeUseCaseAgainUntilItAnswers()
    {
        _script.FailTimes = 2;
        _script.Throw = () => new NpgsqlException("Failed to connect to 127.0.0.1:5432", new System.Net.Sockets.SocketException(111));

        var outcome = await _slice.RunAsync(new Probe("x"));

        Assert.Multiple(() =>
        {
            Assert.That(outcome.Succeeded, Is.True);
            Assert.That(outcome.Value, Is.EqualTo(3), "the third run of the handler answered");
            Assert.That(_logs.Warnings.Count(w => w.Contains("Probe: the database could not be reached", StringComparison.Ordinal)), Is.EqualTo(2));
        });
    }

    [Test]
    public async Task Run_DatabaseUnreachableEveryTime_IsRefusedWithAClearMessageAfterTheLastAttempt()
    {
        _script.FailTimes = int.MaxValue;
        _script.Throw = () => new NpgsqlException("Failed to connect to 127.0.0.1:5432", new System.Net.Sockets.SocketException(111));

        var outcome = await _slice.RunAsync(new Probe("x"));

        Assert.Multiple(() =>
        {
            Assert.That(outcome.Kind, Is.EqualTo(OutcomeKind.Refused));
            Assert.That(outcome.Problems.Single().Message, Is.EqualTo("The database cannot be reached at the moment, so nothing was saved. Try again in a minute."));
            Assert.That(_script.Calls, Is.EqualTo(5));
        });
    }

    [Test]
    public async Task Run_ConnectionLostDuringTheCommit_IsRefusedAndNeverRunAgain()
    {
        _script.FailTimes = 1;
        _script.Throw = () => new CommitOutcomeUnknownException();

        var outcome = await _slice.RunAsync(new Probe("x"));

        Assert.Multiple(() =>
        {
            Assert.That(outcome.Kind, Is.EqualTo(OutcomeKind.Refused));
            Assert.That(outcome.Problems.Single().Message, Does.StartWith("The connection to the database was lost while your change was being saved"));
            Assert.That(_script.Calls, Is.EqualTo(1));
        });
    }

    private static DbUpdateException Duplicate(string columns) =>
        new("An error occurred while saving the entity changes.", new SqliteException($"SQLite Error 19: 'UNIQUE constraint failed: {columns}'.", 19, 2067));

    public sealed record Probe(string Name) : IUseCase<int>;

    public sealed record RetryingProbe : IUseCase<int>, IRetryOnCollision
    {
        public bool MayRetryAfter(Collision collision) => collision.IsDuplicateOn("IX_Applications_Reference");
    }

    /// <summary>What the probe handlers do: fail with <see cref="Throw"/> the first <see cref="FailTimes"/> calls.</summary>
    public sealed class Script
    {
        public int Calls { get; set; }

        public int FailTimes { get; set; } = int.MaxValue;

        public Func<Exception>? Throw { get; set; }

        public Task<int> RunAsync()
        {
            Calls++;
            if (Throw is not null && Calls <= FailTimes)
            {
                throw Throw();
            }

            return Task.FromResult(Calls);
        }
    }

    public sealed class ProbeHandler(Script script) : IUseCaseHandler<Probe, int>
    {
        public Task<int> HandleAsync(Probe request, CancellationToken cancellationToken) => script.RunAsync();
    }

    public sealed class RetryingProbeHandler(Script script) : IUseCaseHandler<RetryingProbe, int>
    {
        public Task<int> HandleAsync(RetryingProbe request, CancellationToken cancellationToken) => script.RunAsync();
    }

    public sealed class ProbeValidator : AbstractValidator<Probe>
    {
        public ProbeValidator() => RuleFor(p => p.Name).NotEmpty().WithMessage("Enter a name.");
    }

    /// <summary>Keeps the warnings logged, to show that retries are logged.</summary>
    public sealed class LogRecorder : ILoggerProvider
    {
        public List<string> Warnings { get; } = [];

        public ILogger CreateLogger(string categoryName) => new Recorder(this);

        public void Dispose()
        {
        }

        private sealed class Recorder(LogRecorder owner) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state)
                where TState : notnull => null;

            public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Warning;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
            {
                if (logLevel == LogLevel.Warning)
                {
                    lock (owner.Warnings)
                    {
                        owner.Warnings.Add(formatter(state, exception));
                    }
                }
            }
        }
    }
}
