using System.Collections.Concurrent;
using TrustFund.Application.Email;

namespace TrustFund.Web.Tests.Email;

/// <summary>Counts every attempt and delivery; can be told to fail, to test retries, or to hold a send, to test races.</summary>
public sealed class RecordingEmailSender : IEmailSender
{
    private readonly ConcurrentQueue<EmailMessage> _delivered = new();
    private readonly ConcurrentDictionary<string, int> _attempts = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, HeldSending> _holds = new(StringComparer.Ordinal);

    /// <summary>Whether the attempt (numbered from 1 per subject) fails.</summary>
    public Func<EmailMessage, int, bool> Fails { get; set; } = (_, _) => false;

    public IReadOnlyCollection<EmailMessage> Delivered => _delivered;

    public int AttemptsFor(string subject) => _attempts.GetValueOrDefault(subject);

    /// <summary>The next attempt to send <paramref name="subject"/> waits, inside the send, until the test releases it.</summary>
    public HeldSending Hold(string subject) => _holds[subject] = new HeldSending();

    public async Task SendAsync(EmailMessage message, CancellationToken cancellationToken)
    {
        var attempt = _attempts.AddOrUpdate(message.Subject, 1, (_, n) => n + 1);
        if (_holds.TryRemove(message.Subject, out var hold))
        {
            await hold.WaitAsync(cancellationToken);
        }

        if (Fails(message, attempt))
        {
            throw new IOException($"The mail server refused the connection (attempt {attempt}).");
        }

        _delivered.Enqueue(message);
    }
}
