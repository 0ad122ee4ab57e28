using TrustFund.Domain.Common;

namespace TrustFund.Domain.Decisions;

/// <summary>What <see cref="DecisionPolicy"/> found about a proposed decision.</summary>
/// <param name="Violations">Every rule the decision breaks; empty when it may be recorded.</param>
/// <param name="StandingBefore">Where the application stood before this decision.</param>
/// <param name="PassedOver">For an approval, the higher-ranked eligible applications it leaves unfunded.</param>
/// <param name="ApprovedBefore">The total approved in the call before this decision.</param>
/// <param name="ApprovedAfter">The total approved in the call if this decision is recorded.</param>
/// <param name="Envelope">The call's envelope.</param>
public sealed record DecisionAssessment(
    IReadOnlyList<RuleViolation> Violations,
    DecisionStanding StandingBefore,
    IReadOnlyList<PassedOver> PassedOver,
    Money ApprovedBefore,
    Money ApprovedAfter,
    Money Envelope)
{
    /// <summary>Whether the decision may be recorded.</summary>
    public bool IsAllowed => Violations.Count == 0;

    /// <summary>Whether the decision approves an application while a higher-ranked eligible one is not approved.</summary>
    public bool DepartsFromRanking => PassedOver.Count > 0;

    /// <summary>What is left of the envelope after this decision (zero when it would be overspent).</summary>
    public Money Remaining => ApprovedAfter >= Envelope ? Money.Zero : Envelope - ApprovedAfter;
}
