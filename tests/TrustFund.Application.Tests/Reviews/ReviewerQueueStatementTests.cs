using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using TrustFund.Application.Accounts;
using TrustFund.Application.Reviews;
using TrustFund.Application.Tests.Infrastructure;
using TrustFund.Infrastructure.Persistence;

namespace TrustFund.Application.Tests.Reviews;

/// <summary>
/// The reviewer's queue is read in two statements (open assignments, latest submitted reviews), however
/// many it lists, and kept until an assignment changes.
/// </summary>
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

    [Test]
    public async Task ShowReviewerQueue_ViewedAgain_ReadsNothingUntilAnAssignmentChanges()
    {
        var reviewer = await _slice.SignInAsNewUserAsync("bilal@reviewers.example.org", Roles.Reviewer, name: "Bilal Haddad");
        var first = await ReviewData.AssignAsync(_slice, (await ReviewData.EligibleAsync(_slice, "KP1")).Id, reviewer.Id, "Bilal Haddad");
        await ReviewData.AssignAsync(_slice, (await ReviewData.EligibleAsync(_slice, "KP2")).Id, reviewer.Id, "Bilal Haddad");
        await _slice.RunAsync(new ShowReviewerQueue());

        _log.Statements.Clear();
        var again = (await _slice.RunAsync(new ShowReviewerQueue())).Value;
        Assert.That(again.ToDeclare, Has.Count.EqualTo(2));
        Assert.That(_log.Statements, Is.Empty, "nothing changed since the last view");

        await _slice.RunAsync(new DeclareNoConflict(first, (await ReviewData.ReadAsync(_slice, first)).Version));
        _log.Statements.Clear();
        var afterDeclaring = (await _slice.RunAsync(new ShowReviewerQueue())).Value;

        Assert.Multiple(() =>
        {
            Assert.That(afterDeclaring.ToDeclare.Select(i => i.AssignmentId), Does.Not.Contain(first));
            Assert.That(afterDeclaring.ToScore.Select(i => i.AssignmentId), Is.EqualTo(new[] { first }), "the declaration shows at once");
            Assert.That(_log.Statements.Count(s => s.Contains("\"ReviewAssignments\"", StringComparison.Ordinal)), Is.EqualTo(2), "read again after the change");
        });
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
