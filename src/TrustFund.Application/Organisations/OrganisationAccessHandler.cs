using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Infrastructure;
using TrustFund.Application.Accounts;

namespace TrustFund.Application.Organisations;

/// <summary>
/// Who may do what with an organisation. Its members (applicants of that organisation) act for it;
/// administrators and fund managers verify it. Anyone else: nothing.
/// </summary>
internal sealed class OrganisationAccessHandler : AuthorizationHandler<OperationAuthorizationRequirement, OrganisationAccess>
{
    protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, OperationAuthorizationRequirement requirement, OrganisationAccess resource)
    {
        var user = context.User;
        var allowed = requirement.Name switch
        {
            nameof(OrganisationOperations.ActFor) => user.IsInRole(Roles.Applicant) && user.OrganisationId() == resource.OrganisationId,
            nameof(OrganisationOperations.Verify) => user.IsInRole(Roles.Administrator) || user.IsInRole(Roles.FundManager),
            _ => false,
        };
        if (allowed)
        {
            context.Succeed(requirement);
        }

        return Task.CompletedTask;
    }
}
