using TrustFund.Domain.Grants;

namespace TrustFund.Application.Payments;

/// <summary>
/// One release condition of an instalment as a page shows it: <see cref="Met"/> is null for a manual
/// condition, which the fund manager confirms when requesting the release; <see cref="Override"/> is
/// the justification the release went ahead without it.
/// </summary>
public sealed record ConditionState(int Index, ReleaseCondition Condition, bool? Met, OverriddenCondition? Override)
{
    /// <summary>"the interim report is accepted".</summary>
    public string Description => Condition.Describe();

    public bool IsManual => Condition.Kind == ReleaseConditionKind.Manual;

    /// <summary>Known to be unmet and not overridden: it blocks the release.</summary>
    public bool Blocks => Met == false && Override is null;

    /// <summary>The conditions of <paramref name="instalment"/>, met or not on <paramref name="facts"/> and the grant.</summary>
    public static IReadOnlyList<ConditionState> Of(Grant grant, Instalment instalment, ReleaseFacts facts, bool bankVerified)
    {
        var unmet = grant.UnmetConditions(instalment.Id, facts);
        return [.. instalment.Conditions.Select((condition, index) => new ConditionState(
            index,
            condition,
            condition.Kind switch
            {
                ReleaseConditionKind.Manual => null,
                ReleaseConditionKind.BankDetailsVerified => bankVerified,
                _ => !unmet.Contains(condition),
            },
            instalment.Overrides.FirstOrDefault(o => o.Condition == condition)))];
    }
}
