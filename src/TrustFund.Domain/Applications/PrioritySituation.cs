namespace TrustFund.Domain.Applications;

/// <summary>Situations a call may prioritise.</summary>
public enum PrioritySituation
{
    RefugeeOrMigrantFlows,
    InternalDisplacement,
    ArmedConflict,
    PostConflictInstability,
    ClimateOrNaturalDisaster,
}
