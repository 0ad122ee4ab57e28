using Microsoft.EntityFrameworkCore;
using TrustFund.Application.Common;
using TrustFund.Domain.Reviews;

namespace TrustFund.Application.Reviews;

/// <summary>
/// The one way reviewers' use cases reach an assignment: only the signed-in reviewer's own. Anyone
/// else's (another reviewer's, or any assignment for a fund manager acting on a reviewer's page) answers
/// as if it did not exist, and so does one a fund manager has taken back: it is no longer the reviewer's.
/// </summary>
internal static class OwnAssignments
{
    /// <summary>The actor's assignment <paramref name="assignmentId"/>, tracked for a change unless <paramref name="readOnly"/>.</summary>
    public static async Task<ReviewAssignment> FindAsync(ITrustFundDb db, ICurrentActor actor, Guid assignmentId, bool readOnly, CancellationToken cancellationToken)
    {
        var reviewerId = actor.UserId ?? throw new NotFoundException();
        var query = readOnly ? db.ReviewAssignments.AsNoTracking() : db.ReviewAssignments;
        return await query.SingleOrDefaultAsync(a => a.Id == assignmentId && a.ReviewerId == reviewerId && a.Status != AssignmentStatus.Removed, cancellationToken)
            ?? throw new NotFoundException();
    }
}
