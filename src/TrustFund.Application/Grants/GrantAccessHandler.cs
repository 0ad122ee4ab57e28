using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Infrastructure;
using TrustFund.Application.Accounts;

namespace TrustFund.Application.Grants;

/// <summary>
/// Who may do what with a grant. The grantee organisation's members: read it and ask for amendments.
/// Fund managers: everything. Finance officers: read it (they pay it). Anyone else: nothing, and a
/// grant they may not read answers as if it did not exist.
/// </summary>
internal sealed class GrantAccessHandler : AuthorizationHandler<OperationAuthorizationRequirement, GrantAccess>
{
    protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, OperationAuthorizationRequirement requirement, GrantAccess resource)
    {
        var user = context.User;
        var member = user.IsInRole(Roles.Applicant) && user.OrganisationId() == resource.OrganisationId;
        var manager = user.IsInRole(Roles.FundManager);
        var finance = user.IsInRole(Roles.FinanceOfficer);
        var allowed = requirement.Name switch
        {
            nameof(GrantOperations.Read) => member || manager || finance,
            nameof(GrantOperations.RequestAmendment) => member || manager,
            nameof(GrantOperations.Manage) => manager,
            _ => false,
        };
        if (allowed)
        {
            context.Succeed(requirement);
        }

        return Task.CompletedTask;
    }
}
