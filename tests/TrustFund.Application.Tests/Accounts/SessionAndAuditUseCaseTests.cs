using Microsoft.EntityFrameworkCore;
using TrustFund.Application.Accounts;
using TrustFund.Application.Audit;
using TrustFund.Application.Common;
using TrustFund.Application.Tests.Infrastructure;
using TrustFund.Infrastructure.Identity.Sessions;

namespace TrustFund.Application.Tests.Accounts;

/// <summary>Ending sessions and reading the audit log, through their handlers on SQLite, without HTTP.</summary>
[FixtureLifeCycle(LifeCycle.InstancePerTestCase)]
public sealed class SessionAndAuditUseCaseTests
{
    private SliceFixture _slice = null!;

    [SetUp]
    public async Task Start() => _slice = await SliceFixture.StartAsync();

    [TearDown]
    public async Task Stop() => await _slice.DisposeAsync();

    [Test]
    public async Task EndSession_OfAnotherAccount_IsNotFound_AndEndsNothing()
    {
        var other = await _slice.SignInAsNewUserAsync("other@ngo.example", Roles.Applicant);
        var theirs = await AddSessionAsync(other.Id, "Firefox on Windows");
        await _slice.SignInAsNewUserAsync("amina@ngo.example", Roles.Applicant);

        var outcome = await _slice.RunAsync(new EndSession(theirs));

        Assert.That(outcome.Kind, Is.EqualTo(OutcomeKind.NotFound));
        Assert.That(await _slice.WithDbAsync(db => db.Set<SignInSession>().CountAsync(s => s.Id == theirs)), Is.EqualTo(1));
        Assert.That(await _slice.WithDbAsync(db => db.AuditEntries.CountAsync(e => e.Action == AuditActions.SessionEnded)), Is.Zero);
    }

    [Test]
    public async Task EndSession_OfTheirOwn_EndsIt_Audited_AndListsOnlyTheRest()
    {
        var user = await _slice.SignInAsNewUserAsync("amina@ngo.example", Roles.Applicant);
        var phone = await AddSessionAsync(user.Id, "Chrome on Android");
        var laptop = await AddSessionAsync(user.Id, "Firefox on Linux");

        var ended = await _slice.RunAsync(new EndSession(phone));
        var left = await _slice.RunAsync(new ListSessions());

        Assert.That(ended.Succeeded, Is.True);
        Assert.That(ended.Value.WasCurrent, Is.False);
        Assert.That(left.Value.Select(s => s.Id), Is.EqualTo(new[] { laptop }));
        var audit = await _slice.WithDbAsync(db => db.AuditEntries.Where(e => e.Action == AuditActions.SessionEnded).Select(e => e.Summary).ToListAsync());
        Assert.That(audit, Has.Count.EqualTo(1));
        Assert.That(audit[0], Does.Contain("Chrome on Android"));
    }

    [Test]
    public async Task ListAuditLog_PagesByFifty_FromTheNewest_AndFiltersByActionFamily()
    {
        await _slice.SignInAsNewUserAsync("admin@fund.example", Roles.Administrator);
        await _slice.WithScopeAsync(async services =>
        {
            var audit = (IAuditTrail)services.GetService(typeof(IAuditTrail))!;
            for (var i = 1; i <= 60; i++)
            {
                await audit.RecordNowAsync(i % 2 == 0 ? "call.amended" : "organisation.verified", $"entry {i}", "Test", i.ToString(System.Globalization.CultureInfo.InvariantCulture));
            }

            return true;
        });

        var first = (await _slice.RunAsync(new ListAuditLog(null, null, "Test", null, null, null, null, null, null))).Value;
        var older = (await _slice.RunAsync(new ListAuditLog(null, null, "Test", null, null, null, null, first.Rows[^1].Sequence, null))).Value;
        var calls = (await _slice.RunAsync(new ListAuditLog("call.*", null, "Test", null, null, null, null, null, null))).Value;

        Assert.That(first.Rows, Has.Count.EqualTo(50));
        Assert.That(first.Rows[0].Summary, Is.EqualTo("entry 60"));
        Assert.That((first.HasNewer, first.HasOlder), Is.EqualTo((false, true)));
        Assert.That(older.Rows.Select(r => r.Summary), Is.EqualTo(Enumerable.Range(1, 10).Reverse().Select(i => $"entry {i}")));
        Assert.That((older.HasNewer, older.HasOlder), Is.EqualTo((true, false)));
        Assert.That(calls.Rows, Has.Count.EqualTo(30));
        Assert.That(calls.Rows.All(r => r.Action == "call.amended"), Is.True);
    }

    private Task<Guid> AddSessionAsync(Guid userId, string device) => _slice.WithDbAsync(async db =>
    {
        var session = new SignInSession
        {
            Id = Guid.NewGuid(),
            KeyHash = Guid.NewGuid().ToByteArray(),
            UserId = userId,
            CreatedAtUtc = _slice.Now,
            LastSeenAtUtc = _slice.Now,
            ExpiresAtUtc = _slice.Now.AddHours(8),
            Device = device,
            ClientAddress = "203.0.113.7",
            Ticket = [1],
        };
        db.Set<SignInSession>().Add(session);
        await db.SaveChangesAsync();
        return session.Id;
    });
}
