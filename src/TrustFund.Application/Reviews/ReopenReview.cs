using TrustFund.Application.Audit;
using TrustFund.Application.Common;
using TrustFund.Domain.Reviews;

namespace TrustFund.Application.Reviews;

/// <summary>A fund manager reopens a submitted review with a reason: it becomes the reviewer's draft again.</summary>
public sealed record ReopenReview(Guid ApplicationId, Guid AssignmentId, Guid? Version, string? Reason) : IUseCase<Done>;

internal sealed class ReopenReviewHandler : IUseCaseHandler<ReopenReview, Done>
{
    private readonly ITrustFundDb _db;
    private readonly RecordAccess _access;
    private readonly IAuditTrail _audit;
    private readonly ICurrentActor _actor;
    private readonly TimeProvider _clock;

    public ReopenReviewHandler(ITrustFundDb db, RecordAccess access, IAuditTrail audit, ICurrentActor actor, TimeProvider clock)
    {
        _db = db;
        _access = access;
        _audit = audit;
        _actor = actor;
        _clock = clock;
    }

    public async Task<Done> HandleAsync(ReopenReview request, CancellationToken cancellationToken)
    {
        var assignment = await AssignmentRecords.FindAsync(_db, _access, request.ApplicationId, request.AssignmentId, cancellationToken);
        _db.ExpectVersion(assignment, request.Version);
        assignment.Reopen(request.Reason, _actor.Name ?? "unknown", _clock.GetUtcNow().UtcDateTime);
        var label = await AssignmentRecords.LabelAsync(_db, assignment.ApplicationId, cancellationToken);
        _audit.Record(AuditActions.ReviewReopened, $"Review of {label} by {assignment.ReviewerName} reopened: {request.Reason!.Trim()}", nameof(ReviewAssignment), AssignmentRecords.Id(assignment.Id));
        await _db.SaveChangesAsync(cancellationToken);
        return Done.Value;
    }
}
