using Microsoft.EntityFrameworkCore;
using TrustFund.Application.Applications;
using TrustFund.Application.Common;
using TrustFund.Domain.Applications;
using TrustFund.Domain.Reviews;

namespace TrustFund.Application.Reviews;

/// <summary>What pinning a conflict and ruling on a probable one share: the pair, the one ruling per pair, ending open assignments.</summary>
internal static class ConflictRulings
{
    /// <summary>The unique index of one ruling per reviewer and organisation.</summary>
    public const string OnePerPair = "IX_ConflictRulings_ReviewerId_OrganisationId";

    /// <summary>The application (which names the organisation) and the reviewer, or not found.</summary>
    public static async Task<(GrantApplication Application, PoolReviewer Reviewer)> PairAsync(ITrustFundDb db, RecordAccess access, Guid applicationId, Guid reviewerId, CancellationToken cancellationToken)
    {
        var application = await db.Applications.AsNoTracking().SingleOrDefaultAsync(a => a.Id == applicationId && a.SubmittedAtUtc != null, cancellationToken)
            ?? throw new NotFoundException();
        await access.EnsureAsync(ApplicationAccess.Of(application), ApplicationOperations.Assess);
        var reviewer = (await ReviewerPool.ActiveAsync(db, cancellationToken, reviewerId)).SingleOrDefault() ?? throw new NotFoundException();
        return (application, reviewer);
    }

    /// <summary>
    /// Records the ruling (replacing an earlier one for the pair). A conflict also takes the reviewer off
    /// every open assignment to the organisation's applications; returns how many.
    /// </summary>
    public static async Task<int> RuleAsync(ITrustFundDb db, Guid reviewerId, Guid organisationId, ConflictRulingKind kind, IReadOnlyList<OfficerMatch>? matches, string? reason, string by, DateTime nowUtc, CancellationToken cancellationToken)
    {
        var ruling = await db.ConflictRulings.SingleOrDefaultAsync(r => r.ReviewerId == reviewerId && r.OrganisationId == organisationId, cancellationToken);
        if (ruling is null)
        {
            db.ConflictRulings.Add(ConflictRuling.Rule(reviewerId, organisationId, kind, matches, reason, by, nowUtc));
        }
        else
        {
            ruling.Change(kind, matches, reason, by, nowUtc);
        }

        if (kind != ConflictRulingKind.Pinned)
        {
            return 0;
        }

        var open = await db.ReviewAssignments
            .Where(a => a.ReviewerId == reviewerId && a.OrganisationId == organisationId && (a.Status == AssignmentStatus.Pending || a.Status == AssignmentStatus.Draft))
            .ToListAsync(cancellationToken);
        foreach (var assignment in open)
        {
            assignment.Remove(nowUtc);
        }

        return open.Count;
    }
}
