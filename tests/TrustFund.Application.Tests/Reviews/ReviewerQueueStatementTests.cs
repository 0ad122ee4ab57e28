using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using TrustFund.Application.Accounts;
using TrustFund.Application.Reviews;
using TrustFund.Application.Tests.Infrastructure;
using TrustFund.Infrastructure.Persistence;

namespace TrustFund.Application.Tests.Reviews;

/// <summary>The reviewer's queue is read in two statements (open assignments, latest submitted reviews), however many it lists.</summary>
[FixtureLifeCycle(LifeCycle.InstancePerTestCase)]
public sealed class ReviewerQueueStatementTests
{
    private readonly StatementLog _log = new();
    private SliceFixture _slice = null!;

    [SetUp]
    public async Task Start() =>
        _slice = await SliceFixture.StartAsync(services =>
            services.ConfigureDbContext<TrustFundDbContext>(options => options.AddInterceptors(_log)));

    [TearDown]
    public async Task Stop() => await _slice.DisposeAsync();

    [Test]
    public async Task ShowReviewerQueue_SeveralAssignments_ReadsThemInTwoStatements()
    {
        var reviewer = await _slice.SignInAsNewUserAsync("amina@reviewers.example.org", Roles.Reviewer, name: "Amina Diallo");
        foreach (var code in new[] { "ON1", "ON2", "ON3" })
        {
            var application = await ReviewData.EligibleAsync(_slice, code);
            await ReviewData.AssignAsync(_slice, application.Id, reviewer.Id, "Amina Diallo");
        }

        _log.Statements.Clear();
        var queue = (await _slice.RunAsync(new ShowReviewerQueue())).Value;

        Assert.That(queue.ToDeclare, Has.Count.EqualTo(3));
        Assert.That(_log.Statements, Has.Count.EqualTo(2), string.Join("\n---\n", _log.Statements));
        Assert.That(_log.Statements, Has.All.Contain("\"ReviewAssignments\"").And.None.Contain("JOIN"), "the assignments keep what the queue shows");
        Assert.That(_log.Statements[1], Does.Contain("LIMIT"), "the latest submitted reviews only");
    }

    private sealed class StatementLog : DbCommandInterceptor
    {
        public List<string> Statements { get; } = [];

        public override ValueTask<DbDataReader> ReaderExecutedAsync(DbCommand command, CommandExecutedEventData eventData, DbDataReader result, CancellationToken cancellationToken = default)
        {
            Statements.Add(command.CommandText);
            return ValueTask.FromResult(result);
        }
    }
}
