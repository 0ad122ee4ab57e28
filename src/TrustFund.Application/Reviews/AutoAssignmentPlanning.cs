using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using TrustFund.Application.Common;
using TrustFund.Domain.Applications;
using TrustFund.Domain.Calls;
using TrustFund.Domain.Reviews;

namespace TrustFund.Application.Reviews;

/// <summary>
/// Reads what auto-assignment of a call needs and runs the planner: the call's eligible and under-review
/// applications, each needing the call's number of reviewers less its active assignments (so the
/// reviewers of recused or removed assignments are replaced), never one who was already assigned to it;
/// the active reviewers with their open loads across every call; the exclusions. A few queries, read
/// without tracking, whatever the size of the call.
/// </summary>
internal static class AutoAssignmentPlanning
{
    public static async Task<PlanningResult> PlanAsync(ITrustFundDb db, Guid callId, CancellationToken cancellationToken)
    {
        var call = await db.Calls.AsNoTracking().Where(c => c.Id == callId).Select(c => new { c.Id, c.Terms }).SingleOrDefaultAsync(cancellationToken)
            ?? throw new NotFoundException();
        var applications = await db.Applications.AsNoTracking()
            .Where(a => a.CallId == callId && (a.Status == ApplicationStatus.Eligible || a.Status == ApplicationStatus.UnderReview))
            .Select(a => new { a.Id, a.OrganisationId, a.OrganisationName, Label = a.Reference ?? a.Title, a.Content.Language })
            .ToListAsync(cancellationToken);
        var assignments = await db.ReviewAssignments.AsNoTracking()
            .Where(a => a.CallId == callId)
            .Select(a => new { a.ApplicationId, a.ReviewerId, a.Status })
            .ToListAsync(cancellationToken);
        var byApplication = assignments.ToLookup(a => a.ApplicationId);
        var reviewers = await ReviewerPool.ActiveAsync(db, cancellationToken);
        var exclusions = await ReviewerExclusions.FindAsync(db, [.. applications.Select(a => a.OrganisationId).Distinct()], reviewers, cancellationToken);

        var required = call.Terms.ReviewersPerApplication;
        var planned = applications.Select(a =>
        {
            var earlier = byApplication[a.Id].ToList();
            var active = earlier.Count(x => x.Status is AssignmentStatus.Pending or AssignmentStatus.Draft or AssignmentStatus.Submitted);
            return new PlannedApplication(a.Id, a.OrganisationId, a.Label, a.Language, Math.Max(0, required - active), earlier.Select(x => x.ReviewerId).ToHashSet());
        }).ToList();
        var plan = AssignmentPlanner.Plan(planned, [.. reviewers.Select(r => r.ToPlanned())], ReviewerExclusions.ForPlanner(exclusions));
        return new PlanningResult(call.Id, call.Terms, planned, reviewers, plan, Fingerprint(plan));
    }

    /// <summary>A short fingerprint of the proposed assignments: a confirmation must see the same plan.</summary>
    public static string Fingerprint(AssignmentPlan plan)
    {
        var text = new StringBuilder();
        foreach (var pair in plan.Assignments.OrderBy(a => a.ApplicationId).ThenBy(a => a.ReviewerId))
        {
            text.Append(pair.ApplicationId.ToString("N", CultureInfo.InvariantCulture)).Append(pair.ReviewerId.ToString("N", CultureInfo.InvariantCulture)).Append(';');
        }

        return Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())))[..32];
    }
}

/// <summary>The planner's input and output for one call.</summary>
internal sealed record PlanningResult(Guid CallId, CallTerms Terms, IReadOnlyList<PlannedApplication> Applications, IReadOnlyList<PoolReviewer> Reviewers, AssignmentPlan Plan, string Fingerprint);
