using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Policy;
using TrustFund.Application.Audit;

namespace TrustFund.Web.Hosting;

/// <summary>Records in the audit trail every request refused to a signed-in user, then answers as usual.</summary>
internal sealed class AuditedAuthorizationResultHandler : IAuthorizationMiddlewareResultHandler
{
    private readonly AuthorizationMiddlewareResultHandler _default = new();

    public async Task HandleAsync(RequestDelegate next, HttpContext context, AuthorizationPolicy policy, PolicyAuthorizationResult authorizeResult)
    {
        if (authorizeResult.Forbidden && context.User.Identity?.IsAuthenticated == true)
        {
            var audit = context.RequestServices.GetRequiredService<IAuditTrail>();
            await audit.RecordNowAsync(
                AuditActions.PermissionDenied,
                $"{context.Request.Method} {context.Request.Path} refused",
                cancellationToken: context.RequestAborted);
        }

        await _default.HandleAsync(next, context, policy, authorizeResult);
    }
}
