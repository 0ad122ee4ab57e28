namespace TrustFund.Domain.Applications;

/// <summary>Expected number of persons assisted in one sex and age band: a count, never an identity.</summary>
public sealed record BeneficiaryTarget(Sex Sex, AgeBand AgeBand, int Count);
