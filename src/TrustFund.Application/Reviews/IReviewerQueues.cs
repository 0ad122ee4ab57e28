using System.ComponentModel;
using TrustFund.Domain.Reviews;

namespace TrustFund.Application.Reviews;

/// <summary>
/// Reads a reviewer's open assignments and latest submitted reviews. Every signed-in reviewer lands on
/// this queue, so it is kept in memory between views; tuned for the home page's performance target, it
/// lives in Infrastructure.
/// </summary>
public interface IReviewerQueues
{
    /// <summary>
    /// The reviewer's pending and draft assignments, and the latest <paramref name="submittedShown"/>
    /// submitted reviews, latest first.
    /// </summary>
    Task<ReviewerQueueRows> ReadAsync(Guid reviewerId, int submittedShown, CancellationToken cancellationToken);
}

/// <summary>The rows of a reviewer's queue as read (shared between views: never changed once read).</summary>
[ImmutableObject(true)]
public sealed record ReviewerQueueRows(IReadOnlyList<ReviewerQueueRow> Open, IReadOnlyList<ReviewerQueueRow> Submitted);

/// <summary>One assignment with what the queue shows of it (the assignment's copies of its application's title, organisation and reference).</summary>
public sealed record ReviewerQueueRow(
    Guid Id,
    AssignmentStatus Status,
    string Title,
    string OrganisationName,
    string? Reference,
    DateOnly DueOn,
    DateTime? LastSavedAtUtc,
    DateTime? SubmittedAtUtc);
