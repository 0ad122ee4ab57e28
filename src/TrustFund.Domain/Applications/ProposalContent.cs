using TrustFund.Domain.Calls;

namespace TrustFund.Domain.Applications;

/// <summary>
/// Everything the applicant writes, section by section. Stored as one document: each submitted
/// version is an immutable copy of it, and two versions are compared field by field.
/// </summary>
public sealed record ProposalContent
{
    // Project
    public string Title { get; init; } = string.Empty;

    public ProposalLanguage? Language { get; init; }

    /// <summary>ISO 3166-1 alpha-3 codes of implementing countries.</summary>
    public IReadOnlyList<string> Countries { get; init; } = [];

    public string Locations { get; init; } = string.Empty;

    public DateOnly? StartDate { get; init; }

    public int? DurationMonths { get; init; }

    public decimal? AmountRequested { get; init; }

    public decimal? TotalProjectCost { get; init; }

    public decimal? OtherFunding { get; init; }

    public string ContextAndNeeds { get; init; } = string.Empty;

    public string ObjectivesAndActivities { get; init; } = string.Empty;

    public string Monitoring { get; init; } = string.Empty;

    public string Sustainability { get; init; } = string.Empty;

    public string RisksAndMitigation { get; init; } = string.Empty;

    // Beneficiaries and forms of exploitation
    public IReadOnlyList<BeneficiaryTarget> Beneficiaries { get; init; } = [];

    public IReadOnlyList<ExploitationForm> ExploitationForms { get; init; } = [];

    public IReadOnlyList<PrioritySituation> PrioritySituations { get; init; } = [];

    public IReadOnlyList<UnderservedGroup> UnderservedGroups { get; init; } = [];

    public string ReferralPartners { get; init; } = string.Empty;

    /// <summary>Victim-centred, trauma-informed, do-no-harm, consent and data-protection measures.</summary>
    public string SafeguardingApproach { get; init; } = string.Empty;

    // Assistance
    public IReadOnlyList<AssistanceActivity> Assistance { get; init; } = [];

    // Budget
    public IReadOnlyList<BudgetLine> Budget { get; init; } = [];

    // Declarations
    public bool DeclaresInformationAccurate { get; init; }

    public bool DeclaresNoVictimIdentities { get; init; }

    public bool DeclaresSafeguardingMeasures { get; init; }

    public decimal BudgetTotal => Budget.Sum(l => l.Total);

    public int BeneficiaryTotal => Beneficiaries.Sum(b => b.Count);
}
