namespace TrustFund.Infrastructure.Email;

/// <summary>An email waiting in the outbox, written in the same transaction as the change that caused it.</summary>
public sealed class OutboxMessage
{
    public Guid Id { get; set; } = Guid.NewGuid();

    public string To { get; set; } = string.Empty;

    public string Subject { get; set; } = string.Empty;

    public string TextBody { get; set; } = string.Empty;

    public string? HtmlBody { get; set; }

    public DateTime CreatedAtUtc { get; set; }

    /// <summary>Earliest instant of the next attempt (backoff after a failure).</summary>
    public DateTime NextAttemptAtUtc { get; set; }

    public int Attempts { get; set; }

    /// <summary>Instance that holds the message while sending it; the claim lapses at <see cref="ClaimedUntilUtc"/>.</summary>
    public string? ClaimedBy { get; set; }

    public DateTime? ClaimedUntilUtc { get; set; }

    public DateTime? SentAtUtc { get; set; }

    /// <summary>Set when the dispatcher gives up after the last attempt.</summary>
    public DateTime? FailedAtUtc { get; set; }

    public string? LastError { get; set; }
}
