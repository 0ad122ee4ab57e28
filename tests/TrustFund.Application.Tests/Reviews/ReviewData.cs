using Microsoft.EntityFrameworkCore;
using TrustFund.Application.Tests.Infrastructure;
using TrustFund.Application.Tests.Screenings;
using TrustFund.Domain.Applications;
using TrustFund.Domain.Calls;
using TrustFund.Domain.Reviews;

namespace TrustFund.Application.Tests.Reviews;

/// <summary>Eligible applications and reviewers' assignments, made through the domain.</summary>
public static class ReviewData
{
    /// <summary>A submitted application of a new call, screened eligible; the call's review settings as given.</summary>
    public static async Task<GrantApplication> EligibleAsync(SliceFixture slice, string code, int reviewersPerApplication = 3, bool reviewersSeeOtherReviews = false)
    {
        var submitted = await ScreeningData.SubmittedAsync(slice, code);
        return await slice.WithDbAsync(async db =>
        {
            var call = await db.Calls.SingleAsync(c => c.Id == submitted.CallId);
            call.ChangeReviewSettings(reviewersPerApplication, 21, 25, null, reviewersSeeOtherReviews, RankingBasis.Normalised);
            var application = await db.Applications.SingleAsync(a => a.Id == submitted.Id);
            application.RecordEligibility(true, null, slice.Now);
            await db.SaveChangesAsync();
            return application;
        });
    }

    /// <summary>Assigns the reviewer to the application, due on <paramref name="dueOn"/> (default: 30 days from now).</summary>
    public static Task<Guid> AssignAsync(SliceFixture slice, Guid applicationId, Guid reviewerId, string reviewerName, DateOnly? dueOn = null) =>
        slice.WithDbAsync(async db =>
        {
            var application = await db.Applications.SingleAsync(a => a.Id == applicationId);
            var assignment = ReviewAssignment.Assign(application, reviewerId, reviewerName, dueOn ?? DateOnly.FromDateTime(slice.Now).AddDays(30), "manager@trustfund.test", slice.Now);
            db.ReviewAssignments.Add(assignment);
            await db.SaveChangesAsync();
            return assignment.Id;
        });

    /// <summary>Every criterion of the default rubric scored <paramref name="score"/> with a comment.</summary>
    public static IReadOnlyList<CriterionScore> Scores(int score) =>
        [.. DefaultRubric.Criteria.Select(c => new CriterionScore(c.Key, score, $"On {c.Name}."))];

    public static Task<ReviewAssignment> ReadAsync(SliceFixture slice, Guid assignmentId) =>
        slice.WithDbAsync(db => db.ReviewAssignments.AsNoTracking().SingleAsync(a => a.Id == assignmentId));
}
