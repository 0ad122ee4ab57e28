namespace TrustFund.Application.Accounts;

/// <summary>The roles of TrustFund's users.</summary>
public static class Roles
{
    public const string Applicant = "Applicant";
    public const string Reviewer = "Reviewer";
    public const string FundManager = "FundManager";
    public const string FinanceOfficer = "FinanceOfficer";
    public const string Administrator = "Administrator";

    /// <summary>Every role, in the order they are shown.</summary>
    public static IReadOnlyList<string> All { get; } = [Applicant, Reviewer, FundManager, FinanceOfficer, Administrator];

    /// <summary>Roles that an administrator gives to Secretariat staff (applicants register themselves).</summary>
    public static IReadOnlyList<string> Staff { get; } = [Reviewer, FundManager, FinanceOfficer, Administrator];
}
