using Microsoft.EntityFrameworkCore;
using TrustFund.Application.Common;
using TrustFund.Domain.Applications;
using TrustFund.Domain.Calls;
using TrustFund.Domain.Reviews;

namespace TrustFund.Application.Reviews;

/// <summary>
/// One of the reviewer's reviews: the call's rubric and scale, the review so far and, once the reviewer
/// has declared no conflict, the application's content. After their own submission, and only if the
/// call allows it, the other reviewers' submitted scores.
/// </summary>
public sealed record ShowReview(Guid AssignmentId) : IUseCase<ReviewView>;

/// <summary>What the review page shows.</summary>
/// <param name="Application">The application as submitted; null until the reviewer has declared no conflict (and after a recusal).</param>
/// <param name="OtherReviews">The other submitted reviews, anonymised; empty before the reviewer's own submission or when the call keeps them apart.</param>
public sealed record ReviewView(
    Guid AssignmentId,
    Guid Version,
    AssignmentStatus Status,
    DateOnly DueOn,
    string CallCode,
    string CallTitle,
    int ScaleMaximum,
    IReadOnlyList<RubricCriterion> Rubric,
    IReadOnlyList<CriterionScore> Scores,
    Recommendation? Recommendation,
    string Summary,
    decimal? WeightedScore,
    DateTime? LastSavedAtUtc,
    DateTime? SubmittedAtUtc,
    ReviewedApplication? Application,
    IReadOnlyList<OtherReview> OtherReviews)
{
    /// <summary>Whether the review can still be changed by its reviewer.</summary>
    public bool IsEditable => Status == AssignmentStatus.Draft;

    /// <summary>The score given to <paramref name="key"/> so far, if any.</summary>
    public CriterionScore? ScoreOf(string key) => Scores.FirstOrDefault(s => s.Key == key);
}

/// <summary>The application as the reviewer reads it: its reference, organisation and submitted content.</summary>
public sealed record ReviewedApplication(string? Reference, string OrganisationName, ProposalContent Content);

/// <summary>
/// Another reviewer's submitted review as a reviewer may see it. Reviewers are numbered ("Reviewer 1",
/// "Reviewer 2"...) in the order they submitted, never named; their comments and summaries are left
/// out too, since a comment can give away who wrote it.
/// </summary>
public sealed record OtherReview(int Number, decimal? WeightedScore, Recommendation? Recommendation, IReadOnlyList<CriterionScore> Scores);

internal sealed class ShowReviewHandler : IUseCaseHandler<ShowReview, ReviewView>
{
    private readonly ITrustFundDb _db;
    private readonly ICurrentActor _actor;

    public ShowReviewHandler(ITrustFundDb db, ICurrentActor actor)
    {
        _db = db;
        _actor = actor;
    }

    public async Task<ReviewView> HandleAsync(ShowReview request, CancellationToken cancellationToken)
    {
        var assignment = await OwnAssignments.FindAsync(_db, _actor, request.AssignmentId, readOnly: true, cancellationToken);
        var call = await _db.Calls.AsNoTracking()
            .Where(c => c.Id == assignment.CallId)
            .Select(c => new { c.Code, c.Title, c.Terms })
            .SingleAsync(cancellationToken);
        ReviewedApplication? application = null;
        if (assignment.Status is AssignmentStatus.Draft or AssignmentStatus.Submitted)
        {
            application = await _db.Applications.AsNoTracking()
                .Where(a => a.Id == assignment.ApplicationId)
                .Select(a => new ReviewedApplication(a.Reference, a.OrganisationName, a.Content))
                .SingleAsync(cancellationToken);
        }

        IReadOnlyList<OtherReview> others = [];
        if (assignment.Status == AssignmentStatus.Submitted && call.Terms.ReviewersSeeOtherReviews)
        {
            var submitted = await _db.ReviewAssignments.AsNoTracking()
                .Where(a => a.ApplicationId == assignment.ApplicationId && a.Status == AssignmentStatus.Submitted)
                .Select(a => new { a.Id, a.SubmittedAtUtc, a.WeightedScore, a.Recommendation, a.Scores })
                .ToListAsync(cancellationToken);
            others = [.. submitted
                .OrderBy(a => a.SubmittedAtUtc).ThenBy(a => a.Id)
                .Select((a, index) => (Review: a, Number: index + 1))
                .Where(x => x.Review.Id != assignment.Id)
                .Select(x => new OtherReview(x.Number, x.Review.WeightedScore, x.Review.Recommendation, x.Review.Scores))];
        }

        return new ReviewView(
            assignment.Id,
            assignment.Version,
            assignment.Status,
            assignment.DueOn,
            call.Code,
            call.Title,
            call.Terms.ScoreScaleMaximum,
            call.Terms.Rubric,
            assignment.Scores,
            assignment.Recommendation,
            assignment.Summary,
            assignment.WeightedScore,
            assignment.LastSavedAtUtc,
            assignment.SubmittedAtUtc,
            application,
            others);
    }
}
