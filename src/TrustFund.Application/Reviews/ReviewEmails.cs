using TrustFund.Application.Email;

namespace TrustFund.Application.Reviews;

/// <summary>What the Secretariat writes to reviewers about their assignments.</summary>
internal static class ReviewEmails
{
    /// <summary>One assignment: 0 reviewer's name, 1 reference (or title), 2 due day.</summary>
    public static readonly EmailTemplate Assigned = new(
        "New review assignment: {1}",
        "Hello {0},\n\nYou have been asked to review application {1}. Before you can read it, sign in to TrustFund and declare whether you have a conflict of interest with the applicant organisation.\n\nThe review is due on {2}.\n\nTrustFund");

    /// <summary>Auto-assignment: 0 reviewer's name, 1 the number of new assignments, with its words, 2 call code, 3 first due day, 4 the number of applications, with its words.</summary>
    public static readonly EmailTemplate AutoAssigned = new(
        "{1} in call {2}",
        "Hello {0},\n\nYou have been assigned {4} of call {2} to review. For each one, sign in to TrustFund and first declare whether you have a conflict of interest with the applicant organisation; only then can you read it.\n\nThe reviews are due on {3}.\n\nTrustFund");

    /// <summary>Overdue reviews: 0 reviewer's name, 1 the number overdue, with its words, 2 the applications and due days, one a line.</summary>
    public static readonly EmailTemplate Overdue = new(
        "Reminder: {1}",
        "Hello {0},\n\nThese reviews are past their due date:\n\n{2}\n\nPlease sign in to TrustFund to declare any conflict of interest and complete them, or tell the Secretariat if you cannot.\n\nTrustFund");
}
