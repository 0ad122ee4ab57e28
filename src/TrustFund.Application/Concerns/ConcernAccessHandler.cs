using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Infrastructure;
using TrustFund.Application.Accounts;

namespace TrustFund.Application.Concerns;

/// <summary>
/// Concerns and their notes are for Secretariat staff only: fund managers record and close them,
/// finance officers and administrators read them. Applicants and reviewers never learn of them.
/// </summary>
internal sealed class ConcernAccessHandler : AuthorizationHandler<OperationAuthorizationRequirement, ConcernAccess>
{
    protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, OperationAuthorizationRequirement requirement, ConcernAccess resource)
    {
        var user = context.User;
        var allowed = requirement.Name switch
        {
            nameof(ConcernOperations.Read) => user.IsInRole(Roles.FundManager) || user.IsInRole(Roles.FinanceOfficer) || user.IsInRole(Roles.Administrator),
            nameof(ConcernOperations.Record) => user.IsInRole(Roles.FundManager),
            _ => false,
        };
        if (allowed)
        {
            context.Succeed(requirement);
        }

        return Task.CompletedTask;
    }
}
