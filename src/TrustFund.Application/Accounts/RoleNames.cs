namespace TrustFund.Application.Accounts;

/// <summary>How each role is named to people.</summary>
public static class RoleNames
{
    public static string Display(string role) => role switch
    {
        Roles.Applicant => "Applicant",
        Roles.Reviewer => "Reviewer",
        Roles.FundManager => "Fund manager",
        Roles.FinanceOfficer => "Finance officer",
        Roles.Administrator => "Administrator",
        _ => role,
    };
}
