using TrustFund.Application.Audit;
using TrustFund.Application.Common;
using TrustFund.Domain.Reviews;

namespace TrustFund.Application.Reviews;

/// <summary>
/// A fund manager pins a conflict of interest between a reviewer and the organisation of an application,
/// with a reason: the reviewer is never assigned to its applications again, and any open assignment of
/// theirs to them ends now. Returns how many open assignments ended.
/// </summary>
public sealed record PinConflict(Guid ApplicationId, Guid ReviewerId, string? Reason) : IUseCase<int>, IRetryOnCollision
{
    public bool MayRetryAfter(Collision collision) => collision.IsDuplicateOn(ConflictRulings.OnePerPair);
}

internal sealed class PinConflictHandler : IUseCaseHandler<PinConflict, int>
{
    private readonly ITrustFundDb _db;
    private readonly RecordAccess _access;
    private readonly IAuditTrail _audit;
    private readonly ICurrentActor _actor;
    private readonly TimeProvider _clock;

    public PinConflictHandler(ITrustFundDb db, RecordAccess access, IAuditTrail audit, ICurrentActor actor, TimeProvider clock)
    {
        _db = db;
        _access = access;
        _audit = audit;
        _actor = actor;
        _clock = clock;
    }

    public async Task<int> HandleAsync(PinConflict request, CancellationToken cancellationToken)
    {
        var (application, reviewer) = await ConflictRulings.PairAsync(_db, _access, request.ApplicationId, request.ReviewerId, cancellationToken);
        var ended = await ConflictRulings.RuleAsync(_db, reviewer.Id, application.OrganisationId, ConflictRulingKind.Pinned, null, request.Reason, _actor.Name ?? "unknown", _clock.GetUtcNow().UtcDateTime, cancellationToken);
        _audit.Record(
            AuditActions.ReviewConflictPinned,
            $"Conflict pinned between {reviewer.Name} and {application.OrganisationName}: {request.Reason!.Trim()}" + (ended > 0 ? $" ({ended} open assignment(s) ended)" : string.Empty),
            nameof(ConflictRuling),
            $"{reviewer.Id:D}/{application.OrganisationId:D}");
        await _db.SaveChangesAsync(cancellationToken);
        return ended;
    }
}
