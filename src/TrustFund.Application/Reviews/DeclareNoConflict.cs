using System.Globalization;
using Microsoft.EntityFrameworkCore;
using TrustFund.Application.Audit;
using TrustFund.Application.Common;
using TrustFund.Domain.Reviews;

namespace TrustFund.Application.Reviews;

/// <summary>
/// The reviewer declares that they have no conflict of interest with an assigned application, and may
/// then read and score it. <see cref="Version"/> is the assignment's version the page showed.
/// </summary>
public sealed record DeclareNoConflict(Guid AssignmentId, Guid? Version) : IUseCase<Declared>;

/// <summary>What a declaration did: recorded now, or already recorded the same way (a form sent twice).</summary>
public enum Declared
{
    Recorded,
    AlreadyRecorded,
}

internal sealed class DeclareNoConflictHandler : IUseCaseHandler<DeclareNoConflict, Declared>
{
    private readonly ITrustFundDb _db;
    private readonly ICurrentActor _actor;
    private readonly IAuditTrail _audit;
    private readonly TimeProvider _clock;

    public DeclareNoConflictHandler(ITrustFundDb db, ICurrentActor actor, IAuditTrail audit, TimeProvider clock)
    {
        _db = db;
        _actor = actor;
        _audit = audit;
        _clock = clock;
    }

    public async Task<Declared> HandleAsync(DeclareNoConflict request, CancellationToken cancellationToken)
    {
        var assignment = await OwnAssignments.FindAsync(_db, _actor, request.AssignmentId, readOnly: false, cancellationToken);
        if (assignment.Status is AssignmentStatus.Draft or AssignmentStatus.Submitted)
        {
            // The same declaration sent twice (a double click, a page sent again): nothing more to record.
            return Declared.AlreadyRecorded;
        }

        if (assignment.Status == AssignmentStatus.Recused)
        {
            throw new RefusedException(Problem.General("You have already declared a conflict of interest for this application."));
        }

        _db.ExpectVersion(assignment, request.Version);
        assignment.DeclareNoConflict(_clock.GetUtcNow().UtcDateTime);
        var title = await _db.Applications.Where(a => a.Id == assignment.ApplicationId).Select(a => a.Reference ?? a.Title).SingleAsync(cancellationToken);
        _audit.Record(
            AuditActions.ReviewNoConflictDeclared,
            $"{assignment.ReviewerName} declared no conflict of interest with {title}",
            nameof(ReviewAssignment),
            assignment.Id.ToString("D", CultureInfo.InvariantCulture));
        await _db.SaveChangesAsync(cancellationToken);
        return Declared.Recorded;
    }
}
