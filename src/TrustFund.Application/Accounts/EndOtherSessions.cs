using TrustFund.Application.Audit;
using TrustFund.Application.Common;

namespace TrustFund.Application.Accounts;

/// <summary>A user ends every session of theirs but the one making the request, audited with how many were active.</summary>
public sealed record EndOtherSessions : IUseCase<int>;

internal sealed class EndOtherSessionsHandler : IUseCaseHandler<EndOtherSessions, int>
{
    private readonly ITrustFundDb _db;
    private readonly IUserSessions _sessions;
    private readonly IAuditTrail _audit;
    private readonly ICurrentActor _actor;

    public EndOtherSessionsHandler(ITrustFundDb db, IUserSessions sessions, IAuditTrail audit, ICurrentActor actor)
    {
        _db = db;
        _sessions = sessions;
        _audit = audit;
        _actor = actor;
    }

    public async Task<int> HandleAsync(EndOtherSessions request, CancellationToken cancellationToken)
    {
        var userId = _actor.UserId ?? throw new NotFoundException();
        await using var transaction = await _db.BeginTransactionAsync(cancellationToken: cancellationToken);
        var ended = await _sessions.EndOthersAsync(userId, cancellationToken);
        _audit.Record(AuditActions.OtherSessionsEnded, $"{_actor.Name} ended their other sessions ({ended})", "User", userId.ToString());
        await _db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return ended;
    }
}
