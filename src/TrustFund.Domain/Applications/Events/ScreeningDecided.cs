using TrustFund.Domain.Common;

namespace TrustFund.Domain.Applications.Events;

/// <summary>The Secretariat recorded the screening outcome of submitted version <see cref="VersionNumber"/> (with the reason when ineligible).</summary>
public sealed record ScreeningDecided(Guid ScreeningId, Guid ApplicationId, Guid OrganisationId, int VersionNumber, ScreeningOutcome Outcome, string? Reason) : IDomainEvent;
