using System.Collections.Concurrent;
using TrustFund.Application.Email;

namespace TrustFund.Web.Tests.Email;

/// <summary>Counts every attempt and delivery; can be told to fail, to test retries.</summary>
public sealed class RecordingEmailSender : IEmailSender
{
    private readonly ConcurrentQueue<EmailMessage> _delivered = new();
    private readonly ConcurrentDictionary<string, int> _attempts = new(StringComparer.Ordinal);

    /// <summary>Whether the attempt (numbered from 1 per subject) fails.</summary>
    public Func<EmailMessage, int, bool> Fails { get; set; } = (_, _) => false;

    /// <summary>Time each attempt takes, to widen the window in which two dispatchers could race.</summary>
    public TimeSpan Delay { get; set; } = TimeSpan.Zero;

    public IReadOnlyCollection<EmailMessage> Delivered => _delivered;

    public int AttemptsFor(string subject) => _attempts.GetValueOrDefault(subject);

    public async Task SendAsync(EmailMessage message, CancellationToken cancellationToken)
    {
        var attempt = _attempts.AddOrUpdate(message.Subject, 1, (_, n) => n + 1);
        if (Delay > TimeSpan.Zero)
        {
            await Task.Delay(Delay, cancellationToken);
        }

        if (Fails(message, attempt))
        {
            throw new IOException($"The mail server refused the connection (attempt {attempt}).");
        }

        _delivered.Enqueue(message);
    }
}
