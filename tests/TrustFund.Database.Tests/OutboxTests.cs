using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using TrustFund.Application.Email;
using TrustFund.Database.Tests.Engines;
using TrustFund.Infrastructure.Email;
using TrustFund.Infrastructure.Persistence;

namespace TrustFund.Database.Tests;

/// <summary>Several app instances share one outbox: the database's conditional claim lets each message go once.</summary>
[TestFixture(DatabaseProvider.Sqlite)]
[TestFixture(DatabaseProvider.PostgreSql)]
[TestFixture(DatabaseProvider.SqlServer)]
public sealed class OutboxTests : EngineFixture
{
    private const int Messages = 40;
    private const int Instances = 3;

    public OutboxTests(DatabaseProvider provider)
        : base(provider)
    {
    }

    [Test]
    public async Task DispatchDueAsync_SeveralInstancesAtOnce_SendEachMessageExactlyOnce()
    {
        var ids = await EnqueueAsync(Messages);
        var sender = new RecordingSender();
        await using var services = new ServiceCollection()
            .AddScoped(_ => NewContext())
            .AddSingleton<IEmailSender>(sender)
            .BuildServiceProvider();
        var dispatchers = Enumerable.Range(0, Instances)
            .Select(_ => new OutboxDispatcher(services.GetRequiredService<IServiceScopeFactory>(), Clock, Options.Create(new EmailOptions()), NullLogger<OutboxDispatcher>.Instance))
            .ToList();

        var sent = await Task.WhenAll(dispatchers.Select(d => Task.Run(() => DrainAsync(d))));

        await using var db = NewContext();
        var unsent = await db.OutboxMessages.CountAsync(m => ids.Contains(m.Id) && m.SentAtUtc == null);
        Assert.Multiple(() =>
        {
            Assert.That(sender.Sent.Select(m => m.Subject), Is.EquivalentTo(ids.Select(id => id.ToString())), "every message once, none twice");
            Assert.That(sent.Sum(), Is.EqualTo(Messages));
            Assert.That(unsent, Is.Zero);
        });
    }

    private static async Task<int> DrainAsync(OutboxDispatcher dispatcher)
    {
        var total = 0;
        for (var round = 0; round < 20; round++)
        {
            var sent = await dispatcher.DispatchDueAsync(CancellationToken.None);
            total += sent;
            if (sent == 0 && round > 0)
            {
                break;
            }
        }

        return total;
    }

    private async Task<List<Guid>> EnqueueAsync(int count)
    {
        await using var db = NewContext();
        var now = Clock.GetUtcNow().UtcDateTime;
        var messages = Enumerable.Range(1, count).Select(_ => new OutboxMessage
        {
            To = "applicant@trustfund.test",
            TextBody = "Your application was received.",
            CreatedAtUtc = now,
            NextAttemptAtUtc = now,
        }).ToList();
        foreach (var message in messages)
        {
            message.Subject = message.Id.ToString();
        }

        db.OutboxMessages.AddRange(messages);
        await db.SaveChangesAsync();
        return messages.Select(m => m.Id).ToList();
    }

    private sealed class RecordingSender : IEmailSender
    {
        public ConcurrentQueue<EmailMessage> Sent { get; } = new();

        public async Task SendAsync(EmailMessage message, CancellationToken cancellationToken)
        {
            await Task.Delay(2, cancellationToken);
            Sent.Enqueue(message);
        }
    }
}
