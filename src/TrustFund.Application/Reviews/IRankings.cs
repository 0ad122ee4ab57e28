namespace TrustFund.Application.Reviews;

/// <summary>
/// Reads a call's ranking, kept in memory between views while nothing it shows has changed (the
/// call's row version and its <see cref="CallReviewStamp"/>). Tuned for the ranking page's
/// performance target, so it lives in Infrastructure.
/// </summary>
public interface IRankings
{
    /// <summary>The call's ranking; null when there is no such call.</summary>
    Task<CallRanking?> ReadAsync(Guid callId, CancellationToken cancellationToken);
}
