using Microsoft.EntityFrameworkCore;
using TrustFund.Application.Common;
using TrustFund.Domain.Reviews;

namespace TrustFund.Application.Reviews;

/// <summary>
/// The signed-in reviewer's queue: the assignments waiting for a conflict declaration, those to score,
/// the drafts and the latest submitted reviews, with their due days. Read in two statements over the
/// (ReviewerId, Status, SubmittedAtUtc) index, projected to what the page shows.
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
    string Reference,
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

        // Two statements on the assignments alone (they keep the application's title, organisation and
        // reference): SQLite prepares every statement afresh, and a union of a limited sub-query joined to
        // the applications and calls cost more than the page's rendering. The second reads the latest
        // submitted reviews in the order of the (ReviewerId, Status, SubmittedAtUtc) index and stops
        // after the last one shown.
        var open = await Queue(a => a.ReviewerId == reviewerId && (a.Status == AssignmentStatus.Pending || a.Status == AssignmentStatus.Draft))
            .ToListAsync(cancellationToken);
        var submitted = await Queue(a => a.ReviewerId == reviewerId && a.Status == AssignmentStatus.Submitted)
            .OrderByDescending(r => r.SubmittedAtUtc)
            .Take(ShowReviewerQueue.SubmittedShown)
            .ToListAsync(cancellationToken);
        var rows = open.Concat(submitted);

        var items = rows
            .Select(r => new QueueItem(r.Id, r.Status, r.Title, r.OrganisationName, r.Reference ?? string.Empty, r.DueOn, r.Status != AssignmentStatus.Submitted && today > r.DueOn, r.LastSavedAtUtc, r.SubmittedAtUtc))
            .ToList();
        List<QueueItem> Open(Func<QueueItem, bool> which) => [.. items.Where(which).OrderBy(i => i.DueOn).ThenBy(i => i.Title, StringComparer.CurrentCulture)];
        return new ReviewerQueue(
            today,
            Open(i => i.Status == AssignmentStatus.Pending),
            Open(i => i.Status == AssignmentStatus.Draft && i.LastSavedAtUtc is null),
            Open(i => i.Status == AssignmentStatus.Draft && i.LastSavedAtUtc is not null),
            [.. items.Where(i => i.Status == AssignmentStatus.Submitted).OrderByDescending(i => i.SubmittedAtUtc)]);
    }

    private IQueryable<QueueRow> Queue(System.Linq.Expressions.Expression<Func<ReviewAssignment, bool>> which) =>
        _db.ReviewAssignments.AsNoTracking()
            .Where(which)
            .Select(a => new QueueRow
            {
                Id = a.Id,
                Status = a.Status,
                Title = a.ApplicationTitle,
                OrganisationName = a.OrganisationName,
                Reference = a.ApplicationReference,
                DueOn = a.DueOn,
                LastSavedAtUtc = a.LastSavedAtUtc,
                SubmittedAtUtc = a.SubmittedAtUtc,
            });

    private sealed class QueueRow
    {
        public Guid Id { get; init; }

        public AssignmentStatus Status { get; init; }

        public string Title { get; init; } = string.Empty;

        public string OrganisationName { get; init; } = string.Empty;

        public string? Reference { get; init; }

        public DateOnly DueOn { get; init; }

        public DateTime? LastSavedAtUtc { get; init; }

        public DateTime? SubmittedAtUtc { get; init; }
    }
}
