namespace TrustFund.Domain.Audit;

/// <summary>
/// One line of the append-only, hash-chained audit trail. Written in the same transaction as the
/// change it records; never updated or deleted.
/// </summary>
public sealed class AuditEntry
{
    private AuditEntry()
    {
        Action = string.Empty;
        Summary = string.Empty;
        PreviousHash = string.Empty;
        Hash = string.Empty;
    }

    /// <summary>Position in the chain, starting at 1, without gaps.</summary>
    public long Sequence { get; private set; }

    public DateTime OccurredAtUtc { get; private set; }

    /// <summary>Identifier of the user who acted, when known.</summary>
    public Guid? ActorId { get; private set; }

    /// <summary>Email or name of the actor, kept as text so the entry stays readable after the user changes.</summary>
    public string? ActorName { get; private set; }

    public string? IpAddress { get; private set; }

    /// <summary>What happened, as a dotted name such as <c>account.sign-in.failed</c>.</summary>
    public string Action { get; private set; }

    public string? EntityType { get; private set; }

    public string? EntityId { get; private set; }

    public string Summary { get; private set; }

    public string PreviousHash { get; private set; }

    public string Hash { get; private set; }

    /// <summary>Creates an entry not yet placed in the chain.</summary>
    public static AuditEntry Create(
        DateTime occurredAtUtc,
        Guid? actorId,
        string? actorName,
        string? ipAddress,
        string action,
        string? entityType,
        string? entityId,
        string summary) =>
        new()
        {
            OccurredAtUtc = ToMicroseconds(occurredAtUtc),
            ActorId = actorId,
            ActorName = Truncate(actorName, 256),
            IpAddress = Truncate(ipAddress, 64),
            Action = Truncate(action, 100) ?? string.Empty,
            EntityType = Truncate(entityType, 100),
            EntityId = Truncate(entityId, 100),
            Summary = Truncate(summary, 1000) ?? string.Empty,
        };

    /// <summary>Places the entry after <paramref name="previousHash"/> at <paramref name="sequence"/> and seals it.</summary>
    public void Chain(long sequence, string previousHash)
    {
        if (Sequence != 0)
        {
            throw new InvalidOperationException("An audit entry is chained once.");
        }

        Sequence = sequence;
        PreviousHash = previousHash;
        Hash = AuditChain.ComputeHash(this);
    }

    // PostgreSQL keeps microseconds: the hashed instant must survive every engine's round trip.
    private static DateTime ToMicroseconds(DateTime value)
    {
        var ticks = value.ToUniversalTime().Ticks;
        return new DateTime(ticks - (ticks % 10), DateTimeKind.Utc);
    }

    private static string? Truncate(string? value, int max) =>
        value is null || value.Length <= max ? value : value[..max];
}
