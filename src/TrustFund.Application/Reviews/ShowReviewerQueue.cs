using TrustFund.Application.Common;
using TrustFund.Domain.Reviews;

namespace TrustFund.Application.Reviews;

/// <summary>
/// The signed-in reviewer's queue: the assignments waiting for a conflict declaration, those to score,
/// the drafts and the latest submitted reviews, with their due days (read through <see cref="IReviewerQueues"/>).
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
    private readonly IReviewerQueues _queues;
    private readonly ICurrentActor _actor;
    private readonly TimeProvider _clock;

    public ShowReviewerQueueHandler(IReviewerQueues queues, ICurrentActor actor, TimeProvider clock)
    {
        _queues = queues;
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
        var rows = await _queues.ReadAsync(reviewerId, ShowReviewerQueue.SubmittedShown, cancellationToken);

        var items = rows.Open.Concat(rows.Submitted)
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
}
