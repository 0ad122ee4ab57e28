using TrustFund.Domain.Common;

namespace TrustFund.Domain.Decisions;

/// <summary>A decision the fund manager is about to record.</summary>
/// <param name="ApplicationId">The ranked application decided on.</param>
/// <param name="Outcome">What the Board decided.</param>
/// <param name="Amount">The approved amount (required for an approval, absent otherwise).</param>
/// <param name="Conditions">Conditions attached to an approval (optional).</param>
/// <param name="Justification">Why the Board departed from the ranking (required when it did).</param>
/// <param name="Feedback">Feedback to the applicant, sent only once released (optional).</param>
public sealed record ProposedDecision(
    Guid ApplicationId,
    DecisionOutcome Outcome,
    Money? Amount = null,
    string? Conditions = null,
    string? Justification = null,
    string? Feedback = null);
