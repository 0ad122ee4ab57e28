using Microsoft.EntityFrameworkCore;
using TrustFund.Application.Common;
using TrustFund.Domain.Reviews;

namespace TrustFund.Application.Reviews;

/// <summary>One active reviewer as fund managers see them: their profile and every assignment, latest first.</summary>
public sealed record ShowReviewerAssignments(Guid ReviewerId) : IUseCase<ReviewerAssignmentsView>;

/// <summary>The reviewer and their assignments.</summary>
public sealed record ReviewerAssignmentsView(PoolReviewer Reviewer, IReadOnlyList<ReviewerAssignmentRow> Assignments);

/// <summary>One assignment of the reviewer.</summary>
public sealed record ReviewerAssignmentRow(Guid ApplicationId, string CallCode, string? Reference, string Title, string OrganisationName, AssignmentStatus Status, DateOnly DueOn, bool Overdue, decimal? WeightedScore, DateTime AssignedAtUtc);

internal sealed class ShowReviewerAssignmentsHandler : IUseCaseHandler<ShowReviewerAssignments, ReviewerAssignmentsView>
{
    private readonly ITrustFundDb _db;
    private readonly TimeProvider _clock;

    public ShowReviewerAssignmentsHandler(ITrustFundDb db, TimeProvider clock)
    {
        _db = db;
        _clock = clock;
    }

    public async Task<ReviewerAssignmentsView> HandleAsync(ShowReviewerAssignments request, CancellationToken cancellationToken)
    {
        var reviewer = (await ReviewerPool.ActiveAsync(_db, cancellationToken, request.ReviewerId)).SingleOrDefault() ?? throw new NotFoundException();
        var rows = await (
                from a in _db.ReviewAssignments.AsNoTracking()
                join application in _db.Applications.AsNoTracking() on a.ApplicationId equals application.Id
                join call in _db.Calls.AsNoTracking() on a.CallId equals call.Id
                where a.ReviewerId == reviewer.Id
                orderby a.AssignedAtUtc descending
                select new { a.ApplicationId, call.Code, call.Terms.TimeZoneId, application.Reference, application.Title, application.OrganisationName, a.Status, a.DueOn, a.WeightedScore, a.AssignedAtUtc })
            .ToListAsync(cancellationToken);
        var now = _clock.GetUtcNow().UtcDateTime;
        return new ReviewerAssignmentsView(
            reviewer,
            [.. rows.Select(r => new ReviewerAssignmentRow(
                r.ApplicationId,
                r.Code,
                r.Reference,
                r.Title,
                r.OrganisationName,
                r.Status,
                r.DueOn,
                r.Status is AssignmentStatus.Pending or AssignmentStatus.Draft && ReviewCalendar.Today(now, r.TimeZoneId) > r.DueOn,
                r.WeightedScore,
                r.AssignedAtUtc))]);
    }
}
