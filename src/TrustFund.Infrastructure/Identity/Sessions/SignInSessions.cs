using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using TrustFund.Application.Accounts;
using TrustFund.Infrastructure.Persistence;

namespace TrustFund.Infrastructure.Identity.Sessions;

/// <summary>
/// The signed-in sessions kept in the database (table <c>SignInSessions</c>), for one request: finds
/// the session a cookie names, starts, renews and ends sessions, and lists an account's active ones.
/// Every instance of the app reads the same rows, so an ended session is refused by all of them at once.
/// </summary>
public sealed class SignInSessions : IUserSessions
{
    // Read on every signed-in request, so compiled; a compiled query serves one model, and a process
    // may hold several (one per engine in the database tests).
    private static readonly ConditionalWeakTable<IModel, Func<TrustFundDbContext, byte[], Task<SignInSession?>>> ByKeyHash = [];

    private readonly TrustFundDbContext _db;
    private readonly TimeProvider _clock;

    public SignInSessions(TrustFundDbContext db, TimeProvider clock)
    {
        _db = db;
        _clock = clock;
    }

    /// <summary>The session this request is signed in with, once its cookie has been read; null otherwise.</summary>
    public SignInSession? Current { get; private set; }

    /// <summary>The account's sessions that have not expired, most recently used first.</summary>
    public async Task<IReadOnlyList<SignInSessionSummary>> ActiveAsync(Guid userId, CancellationToken cancellationToken = default)
    {
        var now = Now();
        var rows = await _db.Set<SignInSession>().AsNoTracking()
            .Where(s => s.UserId == userId && s.ExpiresAtUtc > now)
            .Select(s => new { s.Id, s.Device, s.ClientAddress, s.CreatedAtUtc, s.LastSeenAtUtc })
            .ToListAsync(cancellationToken);
        return [.. rows
            .OrderByDescending(s => s.LastSeenAtUtc)
            .ThenByDescending(s => s.CreatedAtUtc)
            .Select(s => new SignInSessionSummary(s.Id, s.Device, s.ClientAddress, s.CreatedAtUtc, s.LastSeenAtUtc, s.Id == Current?.Id))];
    }

    /// <summary>Ends one of the account's sessions; false when the account has no such active session.</summary>
    public async Task<bool> EndAsync(Guid userId, Guid sessionId, CancellationToken cancellationToken = default)
    {
        var now = Now();
        return await _db.Set<SignInSession>()
            .Where(s => s.Id == sessionId && s.UserId == userId && s.ExpiresAtUtc > now)
            .ExecuteDeleteAsync(cancellationToken) > 0;
    }

    /// <summary>Ends every session of the account except the one this request is signed in with; returns how many were active.</summary>
    public async Task<int> EndOthersAsync(Guid userId, CancellationToken cancellationToken = default)
    {
        var now = Now();
        var current = Current?.Id ?? Guid.Empty;
        var active = await _db.Set<SignInSession>()
            .Where(s => s.UserId == userId && s.Id != current && s.ExpiresAtUtc > now)
            .CountAsync(cancellationToken);
        await _db.Set<SignInSession>()
            .Where(s => s.UserId == userId && s.Id != current)
            .ExecuteDeleteAsync(cancellationToken);
        return active;
    }

    /// <summary>
    /// Called when the account's security stamp changed (password, roles, deactivation, two-factor
    /// settings): ends its sessions at once. The session making the change is kept while the account
    /// stays active; its cookie still carries the old stamp, so it too ends at its next stamp check
    /// unless the change signs it in again (as a password change does).
    /// </summary>
    public Task<int> EndForNewSecurityStampAsync(TrustFundUser user, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(user);
        var keep = user.IsActive && Current?.UserId == user.Id ? Current.Id : Guid.Empty;
        return _db.Set<SignInSession>()
            .Where(s => s.UserId == user.Id && s.Id != keep)
            .ExecuteDeleteAsync(cancellationToken);
    }

    /// <summary>The session a cookie's key names, if it has not expired; an expired one is deleted.</summary>
    internal async Task<SignInSession?> FindAsync(byte[] keyHash, CancellationToken cancellationToken)
    {
        var query = ByKeyHash.GetValue(_db.Model, _ => EF.CompileAsyncQuery((TrustFundDbContext db, byte[] hash) =>
            db.Set<SignInSession>()
                .Where(s => s.KeyHash == hash)
                .Select(s => new SignInSession { Id = s.Id, KeyHash = s.KeyHash, UserId = s.UserId, CreatedAtUtc = s.CreatedAtUtc, ExpiresAtUtc = s.ExpiresAtUtc, Ticket = s.Ticket })
                .FirstOrDefault()));
        var session = await query(_db, keyHash);
        if (session is null)
        {
            return null;
        }

        if (session.ExpiresAtUtc <= Now())
        {
            await _db.Set<SignInSession>().Where(s => s.Id == session.Id).ExecuteDeleteAsync(cancellationToken);
            return null;
        }

        Current = session;
        return session;
    }

    /// <summary>
    /// Saves a new session; on the way, deletes every expired session and the one the browser held
    /// before this sign-in (<paramref name="replacedKeyHash"/>), whoever's it was.
    /// </summary>
    internal async Task StartAsync(SignInSession session, byte[]? replacedKeyHash, CancellationToken cancellationToken)
    {
        var now = Now();
        var replaced = replacedKeyHash ?? [];
        await _db.Set<SignInSession>()
            .Where(s => s.ExpiresAtUtc <= now || s.KeyHash == replaced)
            .ExecuteDeleteAsync(cancellationToken);
        _db.Add(session);
        try
        {
            await _db.SaveChangesAsync(cancellationToken);
        }
        finally
        {
            _db.Entry(session).State = EntityState.Detached;
        }

        Current = session;
    }

    /// <summary>
    /// Stores the renewed ticket of the request's own session and moves its expiry. A session ended
    /// meanwhile stays ended: nothing is written for a session that no longer exists or is someone else's.
    /// </summary>
    internal Task RenewAsync(Guid sessionId, Guid userId, byte[] ticket, DateTime expiresAtUtc, CancellationToken cancellationToken)
    {
        var now = Now();
        return _db.Set<SignInSession>()
            .Where(s => s.Id == sessionId && s.UserId == userId)
            .ExecuteUpdateAsync(
                set => set.SetProperty(s => s.Ticket, ticket)
                    .SetProperty(s => s.LastSeenAtUtc, now)
                    .SetProperty(s => s.ExpiresAtUtc, expiresAtUtc),
                cancellationToken);
    }

    internal Task EndAsync(byte[] keyHash, CancellationToken cancellationToken) =>
        _db.Set<SignInSession>().Where(s => s.KeyHash == keyHash).ExecuteDeleteAsync(cancellationToken);

    private DateTime Now() => _clock.GetUtcNow().UtcDateTime;
}
