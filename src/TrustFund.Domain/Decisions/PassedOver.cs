namespace TrustFund.Domain.Decisions;

/// <summary>A higher-ranked eligible application left unfunded by an approval that departs from the ranking.</summary>
/// <param name="ApplicationId">The application passed over.</param>
/// <param name="Label">Its reference number.</param>
/// <param name="Rank">Its rank in the call (1 for the best).</param>
/// <param name="Standing">Where it stood when it was passed over.</param>
public sealed record PassedOver(Guid ApplicationId, string Label, int Rank, DecisionStanding Standing);
