using TrustFund.Domain.Common;

namespace TrustFund.Domain.Decisions;

/// <summary>One line of the call's ranking as the decision policy reads it.</summary>
/// <param name="ApplicationId">The application.</param>
/// <param name="Label">How people know it (its reference number), used in messages.</param>
/// <param name="Requested">The amount the organisation requested.</param>
/// <param name="Eligible">Still in the running: found eligible and not withdrawn.</param>
public sealed record RankedCandidate(Guid ApplicationId, string Label, Money Requested, bool Eligible);
