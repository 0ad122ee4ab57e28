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
    public async Task DispatchDue_TwoDispatchersRacing_SendEachMessageOnce()
    {
        _sender.Delay = TimeSpan.FromMilliseconds(3);
        var first = NewDispatcher();
        var second = NewDispatcher();
        var sentByFirst = 0;
        var sentBySecond = 0;
        const int Rounds = 12;
        const int PerRound = 8;

        for (var round = 0; round < Rounds; round++)
        {
            await Outbox.EnqueueAsync(_host.Services, [.. Enumerable.Range(0, PerRound).Select(i => new EmailMessage($"person{i}@example.org", $"Message {round}-{i}", "Body"))]);
            var runs = await Task.WhenAll(Enumerable.Range(0, 3).SelectMany(_ => new[]
            {
                Task.Run(() => first.DispatchDueAsync(CancellationToken.None)),
                Task.Run(() => second.DispatchDueAsync(CancellationToken.None)),
            }));
            sentByFirst += runs.Where((_, i) => i % 2 == 0).Sum();
            sentBySecond += runs.Where((_, i) => i % 2 == 1).Sum();
        }

        var subjects = _sender.Delivered.Select(m => m.Subject).ToList();
        Assert.That(first.InstanceId, Is.Not.EqualTo(second.InstanceId));
        Assert.That(subjects, Is.Unique, "no message delivered twice");
        Assert.That(subjects, Has.Count.EqualTo(Rounds * PerRound), "every message delivered");
        Assert.That(sentByFirst + sentBySecond, Is.EqualTo(Rounds * PerRound), "the dispatchers' own counts agree");
        Assert.That(new[] { sentByFirst, sentBySecond }, Is.All.Positive, "both dispatchers took part in the race");
        var unsent = await QueryAsync(db => db.OutboxMessages.CountAsync(m => m.SentAtUtc == null || m.ClaimedBy != null));
        Assert.That(unsent, Is.Zero, "every row marked sent and released");
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

    private Task<OutboxMessage> SingleRowAsync() => QueryAsync(db => db.OutboxMessages.AsNoTracking().SingleAsync());

    private async Task<T> QueryAsync<T>(Func<TrustFundDbContext, Task<T>> query)
    {
        await using var scope = _host.Services.CreateAsyncScope();
        return await query(scope.ServiceProvider.GetRequiredService<TrustFundDbContext>());
    }
}
