namespace TrustFund.Domain.Grants;

/// <summary>
/// What the caller knows to be true when a release is requested, beyond what the grant itself holds
/// (the grant knows whether its agreement is signed and its bank details verified).
/// </summary>
/// <param name="InterimReportAccepted">The interim report due before this instalment is accepted.</param>
/// <param name="FinalReportAccepted">The final report is accepted.</param>
/// <param name="ManualConditionsMet">Wording of the manual conditions a fund manager confirms as met (compared ignoring case).</param>
public sealed record ReleaseFacts(bool InterimReportAccepted, bool FinalReportAccepted, IReadOnlyCollection<string> ManualConditionsMet)
{
    /// <summary>No report accepted and no manual condition met.</summary>
    public static ReleaseFacts None { get; } = new(false, false, []);
}
