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
    };
}
