using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using TrustFund.Application.Common;
using TrustFund.Application.Email;
using TrustFund.Infrastructure.Persistence;

namespace TrustFund.Infrastructure.Email;

/// <summary>
/// Sends what the outbox holds. Each message is claimed with a conditional UPDATE before it is sent,
/// so two app instances never send one message twice; a claim lapses if its holder dies. Failures are
/// retried with exponential backoff up to <see cref="EmailOptions.MaxAttempts"/>.
/// </summary>
public sealed class OutboxDispatcher
{
    private static readonly TimeSpan ClaimDuration = TimeSpan.FromMinutes(2);
    private readonly IServiceScopeFactory _scopes;
    private readonly TimeProvider _clock;
    private readonly EmailOptions _options;
    private readonly ILogger<OutboxDispatcher> _logger;

    public OutboxDispatcher(IServiceScopeFactory scopes, TimeProvider clock, IOptions<EmailOptions> options, ILogger<OutboxDispatcher> logger)
    {
        _scopes = scopes;
        _clock = clock;
        _options = options.Value;
        _logger = logger;
    }

    /// <summary>Name of this instance in claims.</summary>
    public string InstanceId { get; } = $"{Environment.ProcessId}-{Guid.NewGuid():N}";

    /// <summary>Sends every message that is due; returns how many were sent.</summary>
    public async Task<int> DispatchDueAsync(CancellationToken cancellationToken)
    {
        await using var scope = _scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TrustFundDbContext>();
        var sender = scope.ServiceProvider.GetRequiredService<IEmailSender>();
        var now = _clock.GetUtcNow().UtcDateTime;
        var due = await db.OutboxMessages.AsNoTracking()
            .Where(m => m.SentAtUtc == null && m.FailedAtUtc == null && m.NextAttemptAtUtc <= now
                && (m.ClaimedUntilUtc == null || m.ClaimedUntilUtc < now))
            .OrderBy(m => m.NextAttemptAtUtc)
            .Select(m => m.Id)
            .Take(20)
            .ToListAsync(cancellationToken);

        // A span only when there is something to send: the dispatcher polls, and an empty poll is no news.
        using var activity = due.Count > 0 ? TrustFundTelemetry.Activities.StartActivity("outbox.dispatch") : null;
        activity?.SetTag("trustfund.outbox.due", due.Count);
        var sent = 0;
        foreach (var id in due)
        {
            now = _clock.GetUtcNow().UtcDateTime;
            var claimedUntil = now + ClaimDuration;
            var claimed = await db.OutboxMessages
                .Where(m => m.Id == id && m.SentAtUtc == null && m.FailedAtUtc == null
                    && (m.ClaimedUntilUtc == null || m.ClaimedUntilUtc < now))
                .ExecuteUpdateAsync(s => s.SetProperty(m => m.ClaimedBy, InstanceId).SetProperty(m => m.ClaimedUntilUtc, claimedUntil), cancellationToken);
            if (claimed != 1)
            {
                continue;
            }

            var message = await db.OutboxMessages.AsNoTracking().SingleAsync(m => m.Id == id, cancellationToken);
            try
            {
                await sender.SendAsync(new EmailMessage(message.To, message.Subject, message.TextBody, message.HtmlBody), cancellationToken);
                var sentAt = _clock.GetUtcNow().UtcDateTime;
                await db.OutboxMessages.Where(m => m.Id == id && m.ClaimedBy == InstanceId)
                    .ExecuteUpdateAsync(s => s.SetProperty(m => m.SentAtUtc, sentAt).SetProperty(m => m.ClaimedBy, (string?)null).SetProperty(m => m.ClaimedUntilUtc, (DateTime?)null), cancellationToken);
                sent++;
                TrustFundTelemetry.EmailsSent.Add(1);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                var attempts = message.Attempts + 1;
                var failedAt = _clock.GetUtcNow().UtcDateTime;
                var next = failedAt + Backoff(attempts);
                var givesUp = attempts >= _options.MaxAttempts;
                var error = ex.Message.Length > 2000 ? ex.Message[..2000] : ex.Message;
                _logger.LogWarning(ex, "Sending outbox message {MessageId} failed (attempt {Attempt}).", id, attempts);
                activity?.SetStatus(System.Diagnostics.ActivityStatusCode.Error, ex.GetType().Name);
                await db.OutboxMessages.Where(m => m.Id == id && m.ClaimedBy == InstanceId)
                    .ExecuteUpdateAsync(
                        s => s.SetProperty(m => m.Attempts, attempts)
                            .SetProperty(m => m.NextAttemptAtUtc, next)
                            .SetProperty(m => m.LastError, error)
                            .SetProperty(m => m.FailedAtUtc, givesUp ? failedAt : null)
                            .SetProperty(m => m.ClaimedBy, (string?)null)
                            .SetProperty(m => m.ClaimedUntilUtc, (DateTime?)null),
                        cancellationToken);
            }
        }

        activity?.SetTag("trustfund.outbox.sent", sent);
        return sent;
    }

    /// <summary>Delay before the next attempt: 30 s, 1 min, 2 min... at most one hour.</summary>
    public static TimeSpan Backoff(int attempts) =>
        TimeSpan.FromSeconds(Math.Min(3600, 30 * Math.Pow(2, Math.Max(0, attempts - 1))));
}
