using TrustFund.Domain.Common;

namespace TrustFund.Domain.Reviews;

/// <summary>What a fund manager decided about a reviewer and an organisation.</summary>
public enum ConflictRulingKind
{
    /// <summary>A conflict: the reviewer is never assigned to the organisation's applications.</summary>
    Pinned,

    /// <summary>A probable conflict (a name or email match) found not to be one.</summary>
    Dismissed,
}

/// <summary>
/// A fund manager's standing ruling on a reviewer and an organisation: a pinned conflict (never assign
/// again), or a probable conflict dismissed after checking. One ruling per pair; a later ruling
/// replaces it and the audit trail keeps the history.
/// </summary>
public sealed class ConflictRuling : AggregateRoot
{
    public const int ReasonMaxLength = 2_000;

    private ConflictRuling()
    {
        Reason = string.Empty;
        RuledBy = string.Empty;
    }

    public Guid ReviewerId { get; private set; }

    public Guid OrganisationId { get; private set; }

    public ConflictRulingKind Kind { get; private set; }

    /// <summary>
    /// The officer match that raised it, as an English sentence, for rulings recorded before matches were
    /// kept as <see cref="Matches"/>; shown as recorded.
    /// </summary>
    public string? Match { get; private set; }

    /// <summary>The officers the reviewer matched, when the ruling came from a probable conflict (null otherwise).</summary>
    public IReadOnlyList<OfficerMatch>? Matches { get; private set; }

    /// <summary>The reason typed; empty when a probable conflict was confirmed without one (its match is the reason).</summary>
    public string Reason { get; private set; }

    /// <summary>Whether the fund manager typed a reason (a confirmed probable conflict may have none).</summary>
    public bool HasReason => Reason.Length > 0;

    public string RuledBy { get; private set; }

    public DateTime RuledAtUtc { get; private set; }

    public static ConflictRuling Rule(Guid reviewerId, Guid organisationId, ConflictRulingKind kind, IReadOnlyList<OfficerMatch>? matches, string? reason, string by, DateTime nowUtc)
    {
        var ruling = new ConflictRuling { ReviewerId = reviewerId, OrganisationId = organisationId };
        ruling.Change(kind, matches, reason, by, nowUtc);
        return ruling;
    }

    /// <summary>
    /// Replaces the ruling. A reason is required, except to confirm a probable conflict (a conflict with
    /// the officer matches that raised it), whose matches say why. Matches given replace the earlier
    /// ones; a ruling without matches (a conflict pinned by hand) keeps those recorded before.
    /// </summary>
    public void Change(ConflictRulingKind kind, IReadOnlyList<OfficerMatch>? matches, string? reason, string by, DateTime nowUtc)
    {
        if (!Enum.IsDefined(kind))
        {
            throw new DomainException("conflict.kind", "Choose whether this is a conflict.");
        }

        var text = (reason ?? string.Empty).Trim();
        var confirmsMatch = kind == ConflictRulingKind.Pinned && matches is { Count: > 0 };
        if ((text.Length == 0 && !confirmsMatch) || text.Length > ReasonMaxLength)
        {
            throw new RulesViolatedException([new RuleViolation(nameof(Reason), new LocalText("Give the reason in at most {0:N0} characters.", ReasonMaxLength))]);
        }

        Kind = kind;
        if (matches is { Count: > 0 })
        {
            Matches = [.. matches];
            Match = null;
        }

        Reason = text;
        RuledBy = by;
        RuledAtUtc = nowUtc;
    }
}
