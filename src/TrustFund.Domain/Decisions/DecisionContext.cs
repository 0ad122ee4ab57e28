using TrustFund.Domain.Common;

namespace TrustFund.Domain.Decisions;

/// <summary>What a Board session needs to know of its call to record a decision.</summary>
/// <param name="Envelope">The call's total envelope.</param>
/// <param name="Ranking">The call's ranking, best first.</param>
/// <param name="OtherSessions">The decisions recorded at the call's other sessions, in the order recorded.</param>
public sealed record DecisionContext(Money Envelope, IReadOnlyList<RankedCandidate> Ranking, IReadOnlyList<PriorDecision> OtherSessions);
