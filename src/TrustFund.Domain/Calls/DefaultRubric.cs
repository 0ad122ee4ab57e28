namespace TrustFund.Domain.Calls;

/// <summary>The fund's default technical assessment rubric; each call may edit it.</summary>
public static class DefaultRubric
{
    public static IReadOnlyList<RubricCriterion> Criteria { get; } =
    [
        new("relevance", "Relevance to call priorities", 15),
        new("needs", "Needs and context", 10),
        new("victim-centred", "Victim-centred, trauma-informed, do-no-harm approach", 20),
        new("design", "Design coherence", 15),
        new("operational-capacity", "Operational capacity and experience", 10),
        new("financial-capacity", "Financial capacity", 10),
        new("budget-realism", "Budget realism", 10),
        new("sustainability", "Sustainability and referral", 10),
    ];

    /// <summary>The default instalment split for a window type: 80/20 for short grants, 40/40/20 otherwise.</summary>
    public static IReadOnlyList<int> TranchesFor(WindowType type) => type switch
    {
        WindowType.ShortTerm => [80, 20],
        WindowType.MediumTerm => [40, 40, 20],
        WindowType.SpecialWindow => [40, 40, 20],
    };
}
