using TrustFund.Domain.Common;

namespace TrustFund.Domain.Applications.Events;

/// <summary>The organisation withdrew its application, with a reason.</summary>
public sealed record ApplicationWithdrawn(Guid ApplicationId, string? Reference, string Reason) : IDomainEvent;
