using Microsoft.EntityFrameworkCore;
using TrustFund.Application.Applications;
using TrustFund.Application.Common;
using TrustFund.Domain.Reviews;

namespace TrustFund.Application.Reviews;

/// <summary>Finding one assignment of one application for a fund manager's change: unknown or not theirs to assess answers as not found.</summary>
internal static class AssignmentRecords
{
    public static async Task<ReviewAssignment> FindAsync(ITrustFundDb db, RecordAccess access, Guid applicationId, Guid assignmentId, CancellationToken cancellationToken)
    {
        var assignment = await db.ReviewAssignments.SingleOrDefaultAsync(a => a.Id == assignmentId && a.ApplicationId == applicationId, cancellationToken)
            ?? throw new NotFoundException();
        await access.EnsureAsync(new ApplicationAccess(assignment.OrganisationId, true), ApplicationOperations.Assess);
        return assignment;
    }

    /// <summary>"Name (reference)" for audit summaries.</summary>
    public static async Task<string> LabelAsync(ITrustFundDb db, Guid applicationId, CancellationToken cancellationToken) =>
        await db.Applications.AsNoTracking().Where(a => a.Id == applicationId).Select(a => a.Reference ?? a.Title).SingleAsync(cancellationToken);

    public static string Id(Guid id) => id.ToString("D", System.Globalization.CultureInfo.InvariantCulture);
}
