namespace TrustFund.Application.Payments;

/// <summary>A grant's money as record-level authorization sees it: whose grant it is (<see cref="PaymentAccessHandler"/>).</summary>
public sealed record PaymentAccess(Guid OrganisationId);
