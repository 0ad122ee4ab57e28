using TrustFund.Domain.Common;

namespace TrustFund.Domain.Calls.Events;

/// <summary>
/// A published call's terms changed: organisations with drafts or submissions are told, and the
/// change is audited. <see cref="PreviousClosingUtc"/> is set when the closing instant moved.
/// </summary>
public sealed record CallAmended(Guid CallId, string Code, string Title, CallAmendment Amendment, DateTime ClosesAtUtc, string TimeZoneId, DateTime? PreviousClosingUtc) : IDomainEvent;
