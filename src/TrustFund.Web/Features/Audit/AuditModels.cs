using TrustFund.Application.Audit;

namespace TrustFund.Web.Features.Audit;

/// <summary>One page of the audit log with the filters that produced it and links to the pages around it.</summary>
public sealed record AuditLogPage(
    AuditLogQuery Query,
    bool FiltersValid,
    IReadOnlyList<AuditLogRow> Rows,
    string? NewerLink,
    string? OlderLink,
    AuditFilterChoices Choices);
