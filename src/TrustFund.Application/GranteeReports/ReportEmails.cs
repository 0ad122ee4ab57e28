using TrustFund.Application.Email;

namespace TrustFund.Application.GranteeReports;

/// <summary>What the fund writes about grantee reports.</summary>
internal static class ReportEmails
{
    /// <summary>To the fund managers: 0 grant number, 1 report, 2 organisation, 3 version number.</summary>
    public static readonly EmailTemplate Submitted = new(
        "{1} of grant {0} submitted",
        "Hello,\n\n{2} submitted the {1} of grant {0} (version {3}).\n\nSign in to TrustFund to accept it or to ask for a revision.\n\nTrustFund");

    /// <summary>To the grantee: 0 grant number, 1 report, 2 the fund manager's comment, 3 the day to resubmit by (or "no date set").</summary>
    public static readonly EmailTemplate RevisionRequested = new(
        "Revision requested: {1} of grant {0}",
        "Hello,\n\nThe fund's Secretariat asks you to revise the {1} of grant {0}:\n\n{2}\n\nResubmit by: {3}\n\nSign in to TrustFund, revise the report and submit it again.\n\nTrustFund");

    /// <summary>To the grantee: 0 grant number, 1 report.</summary>
    public static readonly EmailTemplate Accepted = new(
        "{1} of grant {0} accepted",
        "Hello,\n\nThe fund's Secretariat accepted the {1} of grant {0}. Thank you.\n\nTrustFund");

    /// <summary>To the grantee: 0 organisation, 1 the number of overdue reports, with its words, 2 the reports and their due days, one a line.</summary>
    public static readonly EmailTemplate Overdue = new(
        "Reminder: {1}",
        "Hello,\n\nThese reports of {0} are past their due date:\n\n{2}\n\nPlease sign in to TrustFund to submit them, or tell the Secretariat if you cannot.\n\nTrustFund");
}
