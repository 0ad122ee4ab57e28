namespace TrustFund.Application.Accounts;

/// <summary>
/// Coarse authorization policies used on controllers. Record-level checks (own organisation,
/// assigned reviewer, not the requester of a payment) are made by resource handlers.
/// </summary>
public static class Capabilities
{
    public const string ManageUsers = "ManageUsers";
    public const string ViewAuditLog = "ViewAuditLog";
    public const string ActAsApplicant = "ActAsApplicant";
    public const string Review = "Review";
    public const string ManageFund = "ManageFund";
    public const string ManagePayments = "ManagePayments";
    public const string VerifyOrganisations = "VerifyOrganisations";

    /// <summary>See a grant's instalments, ledger and balance (the grantee sees its own grants only).</summary>
    public const string FollowPayments = "FollowPayments";

    /// <summary>Work on instalments: request, approve, pay, hold or cancel them (each action narrows it to one role).</summary>
    public const string HandleInstalments = "HandleInstalments";

    /// <summary>Read the safeguarding and misconduct concerns recorded against organisations (Secretariat staff).</summary>
    public const string SeeConcerns = "SeeConcerns";

    /// <summary>Which roles hold each capability.</summary>
    public static IReadOnlyDictionary<string, string[]> RolesFor { get; } = new Dictionary<string, string[]>
    {
        [ManageUsers] = [Roles.Administrator],
        [ViewAuditLog] = [Roles.Administrator],
        [ActAsApplicant] = [Roles.Applicant],
        [Review] = [Roles.Reviewer],
        [ManageFund] = [Roles.FundManager],
        [ManagePayments] = [Roles.FinanceOfficer],
        [VerifyOrganisations] = [Roles.Administrator, Roles.FundManager],
        [FollowPayments] = [Roles.Applicant, Roles.FundManager, Roles.FinanceOfficer],
        [HandleInstalments] = [Roles.FundManager, Roles.FinanceOfficer],
        [SeeConcerns] = [Roles.FundManager, Roles.FinanceOfficer, Roles.Administrator],
    };
}
