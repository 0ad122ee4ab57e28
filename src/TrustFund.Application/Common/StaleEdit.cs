namespace TrustFund.Application.Common;

/// <summary>
/// A change was refused because the record changed after the person opened it: which record, and who
/// last changed it and when (from the audit trail), so the page can say so.
/// </summary>
public sealed record StaleEdit(string EntityType, Guid EntityId, string? ChangedBy, DateTime? ChangedAtUtc);
