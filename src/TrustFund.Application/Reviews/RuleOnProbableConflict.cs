using TrustFund.Application.Audit;
using TrustFund.Application.Common;
using TrustFund.Domain.Reviews;

namespace TrustFund.Application.Reviews;

/// <summary>
/// A fund manager rules on a probable conflict (the reviewer matches a board member or senior officer
/// of the application's organisation): confirmed, it becomes a pinned conflict with the match; dismissed
/// with a reason, the reviewer may be assigned. Refused when there is no match to rule on.
/// </summary>
public sealed record RuleOnProbableConflict(Guid ApplicationId, Guid ReviewerId, bool Confirm, string? Reason) : IUseCase<Done>, IRetryOnCollision
{
    public bool MayRetryAfter(Collision collision) => collision.IsDuplicateOn(ConflictRulings.OnePerPair);
}

internal sealed class RuleOnProbableConflictHandler : IUseCaseHandler<RuleOnProbableConflict, Done>
{
    private readonly ITrustFundDb _db;
    private readonly RecordAccess _access;
    private readonly IAuditTrail _audit;
    private readonly ICurrentActor _actor;
    private readonly TimeProvider _clock;

    public RuleOnProbableConflictHandler(ITrustFundDb db, RecordAccess access, IAuditTrail audit, ICurrentActor actor, TimeProvider clock)
    {
        _db = db;
        _access = access;
        _audit = audit;
        _actor = actor;
        _clock = clock;
    }

    public async Task<Done> HandleAsync(RuleOnProbableConflict request, CancellationToken cancellationToken)
    {
        var (application, reviewer) = await ConflictRulings.PairAsync(_db, _access, request.ApplicationId, request.ReviewerId, cancellationToken);
        var exclusions = await ReviewerExclusions.FindAsync(_db, [application.OrganisationId], [reviewer], cancellationToken);
        if (exclusions.GetValueOrDefault((reviewer.Id, application.OrganisationId)) is not { Kind: Exclusion.ProbableConflict, Matches: var matches })
        {
            throw new RefusedException(Problem.General("There is no probable conflict to rule on between {0} and {1}.", reviewer.Name, application.OrganisationName));
        }

        // Confirmed without a reason, the ruling keeps the matches alone (worded in each reader's language when shown); the audit summary is English.
        var match = OfficerMatch.Describe(matches).ToString();
        var reason = string.IsNullOrWhiteSpace(request.Reason) ? null : request.Reason.Trim();
        var kind = request.Confirm ? ConflictRulingKind.Pinned : ConflictRulingKind.Dismissed;
        var ended = await ConflictRulings.RuleAsync(_db, reviewer.Id, application.OrganisationId, kind, matches, reason, _actor.Name ?? "unknown", _clock.GetUtcNow().UtcDateTime, cancellationToken);
        _audit.Record(
            request.Confirm ? AuditActions.ReviewProbableConflictConfirmed : AuditActions.ReviewProbableConflictDismissed,
            $"Probable conflict between {reviewer.Name} and {application.OrganisationName} ({match}) {(request.Confirm ? "confirmed" : "dismissed")}: {reason ?? $"Confirmed: {match}"}"
                + (ended > 0 ? $" ({ended} open assignment(s) ended)" : string.Empty),
            nameof(ConflictRuling),
            $"{reviewer.Id:D}/{application.OrganisationId:D}");
        await _db.SaveChangesAsync(cancellationToken);
        return Done.Value;
    }
}
