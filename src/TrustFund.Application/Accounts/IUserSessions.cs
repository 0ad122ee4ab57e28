namespace TrustFund.Application.Accounts;

/// <summary>The signed-in sessions kept on the server, as the sessions page lists and ends them.</summary>
public interface IUserSessions
{
    /// <summary>The account's sessions that have not expired, most recently used first; the one this request uses is marked.</summary>
    Task<IReadOnlyList<SignInSessionSummary>> ActiveAsync(Guid userId, CancellationToken cancellationToken = default);

    /// <summary>Ends one of the account's sessions; false when the account has no such active session.</summary>
    Task<bool> EndAsync(Guid userId, Guid sessionId, CancellationToken cancellationToken = default);

    /// <summary>Ends every session of the account except the one this request uses; returns how many were active.</summary>
    Task<int> EndOthersAsync(Guid userId, CancellationToken cancellationToken = default);
}
