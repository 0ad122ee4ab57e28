using System.Globalization;
using TrustFund.Application.Audit;
using TrustFund.Application.Common;

namespace TrustFund.Application.Accounts;

/// <summary>
/// A user ends one of their own sessions, audited; a session of another account, or one already
/// ended, is not found. The result says whether it was the session making the request (the web
/// layer then signs it out).
/// </summary>
public sealed record EndSession(Guid SessionId) : IUseCase<EndedSession>;

/// <summary>Whether the ended session was the one making the request.</summary>
public sealed record EndedSession(bool WasCurrent);

internal sealed class EndSessionHandler : IUseCaseHandler<EndSession, EndedSession>
{
    private readonly ITrustFundDb _db;
    private readonly IUserSessions _sessions;
    private readonly IAuditTrail _audit;
    private readonly ICurrentActor _actor;

    public EndSessionHandler(ITrustFundDb db, IUserSessions sessions, IAuditTrail audit, ICurrentActor actor)
    {
        _db = db;
        _sessions = sessions;
        _audit = audit;
        _actor = actor;
    }

    public async Task<EndedSession> HandleAsync(EndSession request, CancellationToken cancellationToken)
    {
        var userId = _actor.UserId ?? throw new NotFoundException();
        var session = (await _sessions.ActiveAsync(userId, cancellationToken)).FirstOrDefault(s => s.Id == request.SessionId)
            ?? throw new NotFoundException();
        await using var transaction = await _db.BeginTransactionAsync(cancellationToken: cancellationToken);
        if (!await _sessions.EndAsync(userId, session.Id, cancellationToken))
        {
            throw new NotFoundException();
        }

        _audit.Record(
            AuditActions.SessionEnded,
            $"{_actor.Name} ended {(session.IsCurrent ? "this" : "another")} session of theirs: {Describe(session)}",
            "User",
            userId.ToString());
        await _db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return new EndedSession(session.IsCurrent);
    }

    private static string Describe(SignInSessionSummary session) =>
        string.Format(
            CultureInfo.InvariantCulture,
            "{0} from {1}, signed in {2:yyyy-MM-dd HH:mm} UTC",
            session.Device.Length > 0 ? session.Device : "unknown device",
            session.ClientAddress ?? "unknown address",
            session.SignedInAtUtc);
}
