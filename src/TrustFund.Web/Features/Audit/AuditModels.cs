using TrustFund.Domain.Audit;

namespace TrustFund.Web.Features.Audit;

/// <summary>One page of the audit log with the filters that produced it and links to the pages around it.</summary>
public sealed record AuditLogPage(
    AuditLogQuery Query,
    bool FiltersValid,
    IReadOnlyList<AuditLogRow> Rows,
    string? NewerLink,
    string? OlderLink,
    AuditFilterChoices Choices);

/// <summary>One line of the audit log as shown in the table.</summary>
public sealed record AuditLogRow(
    long Sequence,
    DateTime OccurredAtUtc,
    string? Actor,
    string? IpAddress,
    string Action,
    string? EntityType,
    string? EntityId,
    string Summary);

/// <summary>What the filter lists offer: the actions recorded so far, their families and the record types.</summary>
public sealed record AuditFilterChoices(IReadOnlyList<string> Actions, IReadOnlyList<string> ActionFamilies, IReadOnlyList<string> EntityTypes);

/// <summary>One entry in full, with whether its hash and its link to the entry before it still hold.</summary>
public sealed record AuditEntryPage(AuditEntry Entry, bool ContentMatchesHash, bool LinkedToPrevious, long? PreviousSequence, long? NextSequence);
