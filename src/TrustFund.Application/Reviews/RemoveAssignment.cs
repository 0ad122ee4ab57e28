using TrustFund.Application.Audit;
using TrustFund.Application.Common;
using TrustFund.Domain.Reviews;

namespace TrustFund.Application.Reviews;

/// <summary>A fund manager takes back an assignment whose review is not submitted (the version is the one the page showed).</summary>
public sealed record RemoveAssignment(Guid ApplicationId, Guid AssignmentId, Guid? Version) : IUseCase<Done>;

internal sealed class RemoveAssignmentHandler : IUseCaseHandler<RemoveAssignment, Done>
{
    private readonly ITrustFundDb _db;
    private readonly RecordAccess _access;
    private readonly IAuditTrail _audit;
    private readonly TimeProvider _clock;

    public RemoveAssignmentHandler(ITrustFundDb db, RecordAccess access, IAuditTrail audit, TimeProvider clock)
    {
        _db = db;
        _access = access;
        _audit = audit;
        _clock = clock;
    }

    public async Task<Done> HandleAsync(RemoveAssignment request, CancellationToken cancellationToken)
    {
        var assignment = await AssignmentRecords.FindAsync(_db, _access, request.ApplicationId, request.AssignmentId, cancellationToken);
        _db.ExpectVersion(assignment, request.Version);
        assignment.Remove(_clock.GetUtcNow().UtcDateTime);
        var label = await AssignmentRecords.LabelAsync(_db, assignment.ApplicationId, cancellationToken);
        _audit.Record(AuditActions.ReviewAssignmentRemoved, $"{assignment.ReviewerName} taken off the review of {label}", nameof(ReviewAssignment), AssignmentRecords.Id(assignment.Id));
        await _db.SaveChangesAsync(cancellationToken);
        return Done.Value;
    }
}
