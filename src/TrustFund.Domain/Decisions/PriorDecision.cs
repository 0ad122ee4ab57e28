using TrustFund.Domain.Common;

namespace TrustFund.Domain.Decisions;

/// <summary>A decision already recorded in the call (at any session), as the decision policy reads it.</summary>
/// <param name="ApplicationId">The application decided on.</param>
/// <param name="SessionId">The Board session that decided.</param>
/// <param name="SessionNumber">The session's number ("27th session"), used in messages.</param>
/// <param name="HeldOn">The day the session was held.</param>
/// <param name="Outcome">What was decided.</param>
/// <param name="Amount">The approved amount; null unless approved.</param>
public sealed record PriorDecision(Guid ApplicationId, Guid SessionId, string SessionNumber, DateOnly HeldOn, DecisionOutcome Outcome, Money? Amount);
