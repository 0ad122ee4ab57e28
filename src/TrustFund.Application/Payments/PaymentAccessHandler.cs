using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Infrastructure;
using TrustFund.Application.Accounts;

namespace TrustFund.Application.Payments;

/// <summary>
/// Who may do what with a grant's money. The grantee's members see their own grant's schedule and
/// ledger; fund managers request releases; finance officers approve them and write the ledger; both
/// may hold or cancel an instalment. Anyone else: nothing (the grant does not exist for them).
/// </summary>
internal sealed class PaymentAccessHandler : AuthorizationHandler<OperationAuthorizationRequirement, PaymentAccess>
{
    protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, OperationAuthorizationRequirement requirement, PaymentAccess resource)
    {
        var user = context.User;
        var staff = user.IsInRole(Roles.FundManager) || user.IsInRole(Roles.FinanceOfficer);
        var allowed = requirement.Name switch
        {
            nameof(PaymentOperations.View) => staff || (user.IsInRole(Roles.Applicant) && user.OrganisationId() == resource.OrganisationId),
            nameof(PaymentOperations.Follow) or nameof(PaymentOperations.Hold) => staff,
            nameof(PaymentOperations.Release) => user.IsInRole(Roles.FundManager),
            nameof(PaymentOperations.Settle) => user.IsInRole(Roles.FinanceOfficer),
            _ => false,
        };
        if (allowed)
        {
            context.Succeed(requirement);
        }

        return Task.CompletedTask;
    }
}
