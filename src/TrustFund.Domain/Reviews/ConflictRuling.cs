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

    /// <summary>The officer match that raised it, when it came from a probable conflict.</summary>
    public string? Match { get; private set; }

    public string Reason { get; private set; }

    public string RuledBy { get; private set; }

    public DateTime RuledAtUtc { get; private set; }

    public static ConflictRuling Rule(Guid reviewerId, Guid organisationId, ConflictRulingKind kind, string? match, string? reason, string by, DateTime nowUtc)
    {
        var ruling = new ConflictRuling { ReviewerId = reviewerId, OrganisationId = organisationId };
        ruling.Change(kind, match, reason, by, nowUtc);
        return ruling;
    }

    /// <summary>Replaces the ruling; a reason is required.</summary>
    public void Change(ConflictRulingKind kind, string? match, string? reason, string by, DateTime nowUtc)
    {
        if (!Enum.IsDefined(kind))
        {
            throw new DomainException("conflict.kind", "Choose whether this is a conflict.");
        }

        var text = (reason ?? string.Empty).Trim();
        if (text.Length == 0 || text.Length > ReasonMaxLength)
        {
            throw new RulesViolatedException([new RuleViolation(nameof(Reason), new LocalText("Give the reason in at most {0:N0} characters.", ReasonMaxLength))]);
        }

        Kind = kind;
        Match = string.IsNullOrWhiteSpace(match) ? null : match.Trim();
        Reason = text;
        RuledBy = by;
        RuledAtUtc = nowUtc;
    }
}
