using Microsoft.EntityFrameworkCore;
using TrustFund.Application.Common;
using TrustFund.Domain.Reviews;

namespace TrustFund.Application.Reviews;

/// <summary>
/// The signed-in reviewer's queue: the assignments waiting for a conflict declaration, those to score,
/// the drafts and the latest submitted reviews, with their due days. Read in one statement over the
/// (ReviewerId, Status, DueOn) index, projected to what the page shows.
/// </summary>
public sealed record ShowReviewerQueue : IUseCase<ReviewerQueue>
{
    /// <summary>How many submitted reviews the queue lists (the latest ones).</summary>
    public const int SubmittedShown = 20;
}

/// <summary>The reviewer's queue, each part ordered by due day (submitted reviews latest first).</summary>
/// <param name="Today">The day the overdue flags were worked out for (UTC).</param>
public sealed record ReviewerQueue(
    DateOnly Today,
    IReadOnlyList<QueueItem> ToDeclare,
    IReadOnlyList<QueueItem> ToScore,
    IReadOnlyList<QueueItem> Drafts,
    IReadOnlyList<QueueItem> Submitted)
{
    public bool IsEmpty => ToDeclare.Count + ToScore.Count + Drafts.Count + Submitted.Count == 0;
}

/// <summary>One assignment as the queue lists it (before declaring, only what the declaration page shows).</summary>
public sealed record QueueItem(
    Guid AssignmentId,
    AssignmentStatus Status,
    string Title,
    string OrganisationName,
    string CallCode,
    DateOnly DueOn,
    bool Overdue,
    DateTime? LastSavedAtUtc,
    DateTime? SubmittedAtUtc);

internal sealed class ShowReviewerQueueHandler : IUseCaseHandler<ShowReviewerQueue, ReviewerQueue>
{
    private readonly ITrustFundDb _db;
    private readonly ICurrentActor _actor;
    private readonly TimeProvider _clock;

    public ShowReviewerQueueHandler(ITrustFundDb db, ICurrentActor actor, TimeProvider clock)
    {
        _db = db;
        _actor = actor;
        _clock = clock;
    }

    public async Task<ReviewerQueue> HandleAsync(ShowReviewerQueue request, CancellationToken cancellationToken)
    {
        var reviewerId = _actor.UserId ?? throw new NotFoundException();

        // Due days are calendar days of the call's time zone; the queue compares them with today's date in
        // UTC rather than reading each call's terms, so a review shows as overdue at most a few hours
        // early or late.
        var today = DateOnly.FromDateTime(_clock.GetUtcNow().UtcDateTime);
        var mine = _db.ReviewAssignments.AsNoTracking().Where(a => a.ReviewerId == reviewerId);
        var open = mine.Where(a => a.Status == AssignmentStatus.Pending || a.Status == AssignmentStatus.Draft);
        var submitted = mine.Where(a => a.Status == AssignmentStatus.Submitted)
            .OrderByDescending(a => a.SubmittedAtUtc)
            .Take(ShowReviewerQueue.SubmittedShown);
        var rows = await open.Concat(submitted)
            .Join(_db.Applications, a => a.ApplicationId, g => g.Id, (a, g) => new { a, g.Title, g.OrganisationName })
            .Join(_db.Calls, x => x.a.CallId, c => c.Id, (x, c) => new
            {
                x.a.Id,
                x.a.Status,
                x.Title,
                x.OrganisationName,
                c.Code,
                x.a.DueOn,
                x.a.LastSavedAtUtc,
                x.a.SubmittedAtUtc,
            })
            .ToListAsync(cancellationToken);

        var items = rows
            .Select(r => new QueueItem(r.Id, r.Status, r.Title, r.OrganisationName, r.Code, r.DueOn, r.Status != AssignmentStatus.Submitted && today > r.DueOn, r.LastSavedAtUtc, r.SubmittedAtUtc))
            .ToList();
        List<QueueItem> Open(Func<QueueItem, bool> which) => [.. items.Where(which).OrderBy(i => i.DueOn).ThenBy(i => i.Title, StringComparer.CurrentCulture)];
        return new ReviewerQueue(
            today,
            Open(i => i.Status == AssignmentStatus.Pending),
            Open(i => i.Status == AssignmentStatus.Draft && i.LastSavedAtUtc is null),
            Open(i => i.Status == AssignmentStatus.Draft && i.LastSavedAtUtc is not null),
            [.. items.Where(i => i.Status == AssignmentStatus.Submitted).OrderByDescending(i => i.SubmittedAtUtc)]);
    }
}
