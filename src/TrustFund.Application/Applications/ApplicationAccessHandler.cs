using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Infrastructure;
using TrustFund.Application.Accounts;

namespace TrustFund.Application.Applications;

/// <summary>
/// Who may do what with an application. The applying organisation's members: everything their own
/// organisation does (read, edit, documents). Fund managers: read, download documents and assess, once
/// the application has been submitted (a draft is the organisation's own). Anyone else: nothing.
/// </summary>
internal sealed class ApplicationAccessHandler : AuthorizationHandler<OperationAuthorizationRequirement, ApplicationAccess>
{
    protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, OperationAuthorizationRequirement requirement, ApplicationAccess resource)
    {
        var user = context.User;
        var member = user.IsInRole(Roles.Applicant) && user.OrganisationId() == resource.OrganisationId;
        var secretariat = user.IsInRole(Roles.FundManager) && resource.Submitted;
        var allowed = requirement.Name switch
        {
            nameof(ApplicationOperations.Read) or nameof(ApplicationOperations.ReadDocuments) => member || secretariat,
            nameof(ApplicationOperations.Edit) => member,
            nameof(ApplicationOperations.Assess) => secretariat,
            _ => false,
        };
        if (allowed)
        {
            context.Succeed(requirement);
        }

        return Task.CompletedTask;
    }
}
