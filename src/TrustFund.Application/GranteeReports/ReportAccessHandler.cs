using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Infrastructure;
using TrustFund.Application.Accounts;

namespace TrustFund.Application.GranteeReports;

/// <summary>
/// Who may do what with a grant's reports. The grantee organisation's members: read and write their
/// own. Fund managers: read and review every grant's reports. Anyone else: nothing (the grant is "not found").
/// </summary>
internal sealed class ReportAccessHandler : AuthorizationHandler<OperationAuthorizationRequirement, ReportAccess>
{
    protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, OperationAuthorizationRequirement requirement, ReportAccess resource)
    {
        var user = context.User;
        var member = user.IsInRole(Roles.Applicant) && user.OrganisationId() == resource.OrganisationId;
        var secretariat = user.IsInRole(Roles.FundManager);
        var allowed = requirement.Name switch
        {
            nameof(ReportOperations.Read) => member || secretariat,
            nameof(ReportOperations.Write) => member,
            nameof(ReportOperations.Review) => secretariat,
            _ => false,
        };
        if (allowed)
        {
            context.Succeed(requirement);
        }

        return Task.CompletedTask;
    }
}
