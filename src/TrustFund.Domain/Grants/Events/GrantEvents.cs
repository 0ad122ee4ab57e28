using TrustFund.Domain.Common;

namespace TrustFund.Domain.Grants.Events;

/// <summary>A grant was created from an approved application.</summary>
public sealed record GrantCreated(Guid GrantId, string Number, Guid ApplicationId, Guid OrganisationId, Money Amount) : IDomainEvent;

/// <summary>Both parties have signed: the grant is active.</summary>
public sealed record GrantActivated(Guid GrantId, string Number, DateOnly FundSignedOn, DateOnly OrganisationSignedOn) : IDomainEvent;

/// <summary>The grant was suspended, with a reason.</summary>
public sealed record GrantSuspended(Guid GrantId, string Reason, string By) : IDomainEvent;

/// <summary>The grant was resumed after a suspension, with a reason.</summary>
public sealed record GrantResumed(Guid GrantId, string Reason, string By) : IDomainEvent;

/// <summary>The grant entered closure.</summary>
public sealed record GrantClosingStarted(Guid GrantId, string By) : IDomainEvent;

/// <summary>The grant was closed.</summary>
public sealed record GrantClosed(Guid GrantId, Money NetPaid, string By) : IDomainEvent;

/// <summary>An amendment was asked for.</summary>
public sealed record AmendmentRequested(Guid GrantId, Guid AmendmentId, AmendmentKind Kind, RequestingSide Side, string By) : IDomainEvent;

/// <summary>A fund manager approved or refused an amendment.</summary>
public sealed record AmendmentDecided(Guid GrantId, Guid AmendmentId, AmendmentKind Kind, bool Approved, string By) : IDomainEvent;

/// <summary>A fund manager requested an instalment's release; <paramref name="OverriddenConditions"/> lists what was released without.</summary>
public sealed record InstalmentReleaseRequested(Guid GrantId, Guid InstalmentId, int Number, Money Amount, Guid RequestedById, IReadOnlyList<OverriddenCondition> OverriddenConditions) : IDomainEvent;

/// <summary>A finance officer approved an instalment's release.</summary>
public sealed record InstalmentReleaseApproved(Guid GrantId, Guid InstalmentId, int Number, Guid ApprovedById) : IDomainEvent;

/// <summary>An instalment was put on hold, taken off hold, or cancelled.</summary>
public sealed record InstalmentStatusChanged(Guid GrantId, Guid InstalmentId, int Number, InstalmentStatus Status, string? Reason, string By) : IDomainEvent;

/// <summary>A ledger entry was written (payment, refund, correction or write-off).</summary>
public sealed record LedgerEntryRecorded(Guid GrantId, Guid EntryId, LedgerEntryKind Kind, decimal SignedAmount, string? Reference, Guid? InstalmentId) : IDomainEvent;

/// <summary>The organisation's bank details changed after the last payment: they must be verified again.</summary>
public sealed record BankVerificationReset(Guid GrantId, Guid OrganisationId, DateTime ChangedAtUtc) : IDomainEvent;
