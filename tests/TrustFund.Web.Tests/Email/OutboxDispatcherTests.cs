using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using TrustFund.Application.Email;
using TrustFund.Infrastructure.Email;
using TrustFund.Infrastructure.Persistence;
using TrustFund.Web.Tests.Infrastructure;

namespace TrustFund.Web.Tests.Email;

public sealed class OutboxDispatcherTests
{
    private TrustFundApp _app = null!;
    private WebApplicationFactory<Program> _host = null!;
    private RecordingEmailSender _sender = null!;

    [SetUp]
    public void StartApp()
    {
        _sender = new RecordingEmailSender();
        _app = new TrustFundApp(new Dictionary<string, string?> { ["Email:MaxAttempts"] = "3" });
        _host = _app.WithWebHostBuilder(b => b.ConfigureTestServices(s => s.AddSingleton<IEmailSender>(_sender)));
    }

    [TearDown]
    public void StopApp() => _app.Dispose();

    [Test]
    public async Task DispatchDue_TwoDispatchersInterleaved_EachMessageSentOnceByTheDispatcherThatClaimedIt()
    {
        var first = NewDispatcher();
        var second = NewDispatcher();
        await EnqueueInOrderAsync("Message 1", "Message 2", "Message 3");
        var firstHeld = _sender.Hold("Message 1");
        var secondHeld = _sender.Hold("Message 2");

        // The first dispatcher lists all three messages, claims message 1 and is held while sending it.
        var firstRun = first.DispatchDueAsync(CancellationToken.None);
        Assert.That(await Task.WhenAny(firstHeld.Reached, firstRun), Is.SameAs(firstHeld.Reached), "the first dispatcher is sending message 1");

        // The second skips message 1 (claimed), claims message 2 and is held while sending it.
        var secondRun = second.DispatchDueAsync(CancellationToken.None);
        Assert.That(await Task.WhenAny(secondHeld.Reached, secondRun), Is.SameAs(secondHeld.Reached), "the second dispatcher is sending message 2");
        var claims = await QueryAsync(db => db.OutboxMessages.AsNoTracking().OrderBy(m => m.Subject).Select(m => new { m.Subject, m.ClaimedBy, m.ClaimedUntilUtc }).ToListAsync());
        var claimedUntil = _app.Clock.GetUtcNow().UtcDateTime.AddMinutes(2);
        Assert.That(
            claims.Select(c => (c.Subject, c.ClaimedBy, c.ClaimedUntilUtc)),
            Is.EqualTo(new[]
            {
                ("Message 1", (string?)first.InstanceId, (DateTime?)claimedUntil),
                ("Message 2", second.InstanceId, claimedUntil),
                ("Message 3", null, null),
            }));

        // Released, the first finishes message 1, finds message 2 claimed by the other and sends message 3.
        firstHeld.Release();
        var sentByFirst = await firstRun;

        // Released, the second finishes message 2 and finds message 3, still on its list, already sent.
        secondHeld.Release();
        var sentBySecond = await secondRun;

        Assert.Multiple(() =>
        {
            Assert.That(first.InstanceId, Is.Not.EqualTo(second.InstanceId));
            Assert.That((sentByFirst, sentBySecond), Is.EqualTo((2, 1)));
            Assert.That(_sender.Delivered.Select(m => m.Subject), Is.EqualTo(new[] { "Message 1", "Message 3", "Message 2" }));
            Assert.That(new[] { "Message 1", "Message 2", "Message 3" }.Select(_sender.AttemptsFor), Is.All.EqualTo(1), "no message attempted twice");
        });
        var rows = await QueryAsync(db => db.OutboxMessages.AsNoTracking().ToListAsync());
        Assert.That(rows.Select(r => (r.SentAtUtc, r.ClaimedBy, r.ClaimedUntilUtc, r.Attempts)), Is.All.EqualTo(((DateTime?)_app.Clock.GetUtcNow().UtcDateTime, (string?)null, (DateTime?)null, 0)), "every row marked sent and released");
    }

    [Test]
    public async Task DispatchDue_ClaimOfADispatcherThatStopped_IsTakenOverOnlyAfterTwoMinutes()
    {
        var stopped = NewDispatcher();
        var other = NewDispatcher();
        await EnqueueInOrderAsync("Grant agreement ready");
        var held = _sender.Hold("Grant agreement ready");
        var stoppedRun = stopped.DispatchDueAsync(CancellationToken.None);
        Assert.That(await Task.WhenAny(held.Reached, stoppedRun), Is.SameAs(held.Reached), "the first dispatcher claimed the message and never finishes");

        _app.Clock.Advance(TimeSpan.FromMinutes(2));
        var atTwoMinutes = await other.DispatchDueAsync(CancellationToken.None);
        _app.Clock.Advance(TimeSpan.FromTicks(1));
        var justAfter = await other.DispatchDueAsync(CancellationToken.None);

        Assert.Multiple(() =>
        {
            Assert.That(atTwoMinutes, Is.Zero, "the claim holds for two minutes");
            Assert.That(justAfter, Is.EqualTo(1), "then lapses and another dispatcher sends the message");
            Assert.That(_sender.Delivered.Select(m => m.Subject), Is.EqualTo(new[] { "Grant agreement ready" }));
        });
        var row = await SingleRowAsync();
        Assert.That((row.SentAtUtc, row.ClaimedBy), Is.EqualTo(((DateTime?)_app.Clock.GetUtcNow().UtcDateTime, (string?)null)));
        held.Release();
        await stoppedRun;
    }

    [Test]
    public async Task DispatchDue_SenderKeepsFailing_RetriesWithBackoffThenGivesUp()
    {
        _sender.Fails = (_, _) => true;
        var dispatcher = _host.Services.GetRequiredService<OutboxDispatcher>();
        var clock = _app.Clock;
        await Outbox.EnqueueAsync(_host.Services, new EmailMessage("finance@example.org", "Payment request PR-12", "Body"));

        for (var attempt = 1; attempt <= 3; attempt++)
        {
            var sent = await dispatcher.DispatchDueAsync(CancellationToken.None);
            var failedAt = clock.GetUtcNow().UtcDateTime;

            var row = await SingleRowAsync();
            Assert.That(sent, Is.Zero);
            Assert.That(_sender.AttemptsFor("Payment request PR-12"), Is.EqualTo(attempt));
            Assert.That(row.Attempts, Is.EqualTo(attempt));
            Assert.That(row.NextAttemptAtUtc, Is.EqualTo(failedAt + OutboxDispatcher.Backoff(attempt)));
            Assert.That(row.LastError, Is.EqualTo($"The mail server refused the connection (attempt {attempt})."));
            Assert.That(row.ClaimedBy, Is.Null, "the claim is released after a failure");
            Assert.That(row.FailedAtUtc, attempt < 3 ? Is.Null : Is.EqualTo(failedAt), "marked failed only after the last attempt");
            if (attempt == 3)
            {
                break;
            }

            // Not due again until the backoff has passed.
            clock.Advance(OutboxDispatcher.Backoff(attempt) - TimeSpan.FromSeconds(1));
            await dispatcher.DispatchDueAsync(CancellationToken.None);
            Assert.That(_sender.AttemptsFor("Payment request PR-12"), Is.EqualTo(attempt), "no attempt before the backoff ends");
            clock.Advance(TimeSpan.FromSeconds(1));
        }

        clock.Advance(TimeSpan.FromDays(2));
        await dispatcher.DispatchDueAsync(CancellationToken.None);
        Assert.That(_sender.AttemptsFor("Payment request PR-12"), Is.EqualTo(3), "a failed message is not retried");
        Assert.That(_sender.Delivered, Is.Empty);
    }

    [Test]
    public async Task DispatchDue_SenderRecovers_SendsTheMessageExactlyOnce()
    {
        _sender.Fails = (_, attempt) => attempt <= 2;
        var dispatcher = _host.Services.GetRequiredService<OutboxDispatcher>();
        var clock = _app.Clock;
        await Outbox.EnqueueAsync(_host.Services, new EmailMessage("reviewer@example.org", "Review due", "Body"));

        await dispatcher.DispatchDueAsync(CancellationToken.None);
        clock.Advance(OutboxDispatcher.Backoff(1));
        await dispatcher.DispatchDueAsync(CancellationToken.None);
        clock.Advance(OutboxDispatcher.Backoff(2));
        var sent = await dispatcher.DispatchDueAsync(CancellationToken.None);
        var sentAt = clock.GetUtcNow().UtcDateTime;
        clock.Advance(TimeSpan.FromHours(3));
        var later = await dispatcher.DispatchDueAsync(CancellationToken.None);

        Assert.That(sent, Is.EqualTo(1));
        Assert.That(later, Is.Zero);
        Assert.That(_sender.AttemptsFor("Review due"), Is.EqualTo(3));
        Assert.That(_sender.Delivered.Select(m => m.Subject), Is.EqualTo(new[] { "Review due" }));
        var row = await SingleRowAsync();
        Assert.That(row.SentAtUtc, Is.EqualTo(sentAt));
        Assert.That(row.FailedAtUtc, Is.Null);
        Assert.That(row.Attempts, Is.EqualTo(2), "the failed attempts before the success");
    }

    [Test]
    public void Backoff_DoublesFromThirtySecondsUpToAnHour()
    {
        var delays = Enumerable.Range(1, 9).Select(OutboxDispatcher.Backoff).Select(d => d.TotalSeconds);

        Assert.That(delays, Is.EqualTo(new double[] { 30, 60, 120, 240, 480, 960, 1920, 3600, 3600 }));
    }

    private OutboxDispatcher NewDispatcher() => new(
        _host.Services.GetRequiredService<IServiceScopeFactory>(),
        _host.Services.GetRequiredService<TimeProvider>(),
        _host.Services.GetRequiredService<IOptions<EmailOptions>>(),
        NullLogger<OutboxDispatcher>.Instance);

    /// <summary>Queues one message a second, so the dispatchers list them in this order.</summary>
    private async Task EnqueueInOrderAsync(params string[] subjects)
    {
        foreach (var subject in subjects)
        {
            await Outbox.EnqueueAsync(_host.Services, new EmailMessage("person@example.org", subject, "Body"));
            _app.Clock.Advance(TimeSpan.FromSeconds(1));
        }
    }

    private Task<OutboxMessage> SingleRowAsync() => QueryAsync(db => db.OutboxMessages.AsNoTracking().SingleAsync());

    private async Task<T> QueryAsync<T>(Func<TrustFundDbContext, Task<T>> query)
    {
        await using var scope = _host.Services.CreateAsyncScope();
        return await query(scope.ServiceProvider.GetRequiredService<TrustFundDbContext>());
    }
}
