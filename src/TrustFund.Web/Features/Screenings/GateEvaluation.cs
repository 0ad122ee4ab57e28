using TrustFund.Domain.Applications;

namespace TrustFund.Web.Features.Screenings;

/// <summary>What the data says about one gate: a suggested pass or fail (null when a person must judge) and the evidence.</summary>
public sealed record GateEvaluation(EligibilityGate Gate, bool? Suggested, string Evidence);
