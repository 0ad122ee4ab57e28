using TrustFund.Domain.Applications;

namespace TrustFund.Domain.Reviews;

/// <summary>
/// When an application's technical review is complete: no assignment is still open (pending or draft)
/// and at least the call's number of reviewers have submitted. Moves the application between
/// UnderReview and Reviewed through its transition table.
/// </summary>
public static class ReviewProgress
{
    /// <summary>Whether the reviews of one application are complete.</summary>
    public static bool IsComplete(IEnumerable<ReviewAssignment> assignments, int reviewersRequired)
    {
        var open = 0;
        var submitted = 0;
        foreach (var assignment in assignments)
        {
            if (assignment.IsOpen)
            {
                open++;
            }
            else if (assignment.Status == AssignmentStatus.Submitted)
            {
                submitted++;
            }
        }

        return IsComplete(open, submitted, reviewersRequired);
    }

    /// <summary>Whether reviews are complete with <paramref name="open"/> assignments still open and <paramref name="submitted"/> submitted.</summary>
    public static bool IsComplete(int open, int submitted, int reviewersRequired) =>
        open == 0 && submitted >= Math.Max(1, reviewersRequired);

    /// <summary>
    /// Puts the application in the status its assignments call for: Reviewed when complete, back
    /// UnderReview when a review was reopened, a reviewer added or one taken away. Other statuses
    /// (not yet or no longer in review) are left alone. Returns whether the status changed.
    /// </summary>
    public static bool Settle(GrantApplication application, IEnumerable<ReviewAssignment> assignments, int reviewersRequired)
    {
        var complete = IsComplete(assignments, reviewersRequired);
        switch (application.Status)
        {
            case ApplicationStatus.UnderReview when complete:
                application.CompleteReview();
                return true;
            case ApplicationStatus.Reviewed when !complete:
                application.ResumeReview();
                return true;
            default:
                return false;
        }
    }
}
