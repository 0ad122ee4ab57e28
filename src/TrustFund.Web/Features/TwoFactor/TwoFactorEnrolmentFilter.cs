using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using TrustFund.Application.Accounts;
using TrustFund.Infrastructure.Identity;

namespace TrustFund.Web.Features.TwoFactor;

/// <summary>
/// Sends a signed-in fund manager, finance officer or administrator who has not set up two-factor
/// sign-in to the enrolment page from every action except those marked
/// <see cref="AllowWithoutTwoFactorAttribute"/>: the rule holds on the server for every request.
/// </summary>
internal sealed class TwoFactorEnrolmentFilter : IAsyncAuthorizationFilter
{
    public const string EnrolmentPath = "/Account/TwoFactor/Enable";

    public async Task OnAuthorizationAsync(AuthorizationFilterContext context)
    {
        var principal = context.HttpContext.User;

        // The session says whether the user has enrolled (rebuilt at every refresh): no lookup needed when it says so.
        if (principal.Identity?.IsAuthenticated != true
            || !TwoFactorRoles.IsRequiredFor(principal)
            || principal.HasClaim(UserClaims.TwoFactor, "on")
            || context.ActionDescriptor.EndpointMetadata.OfType<AllowWithoutTwoFactorAttribute>().Any())
        {
            return;
        }

        var users = context.HttpContext.RequestServices.GetRequiredService<UserManager<TrustFundUser>>();
        if (await users.GetUserAsync(principal) is { } user && !await users.GetTwoFactorEnabledAsync(user))
        {
            context.Result = new RedirectResult(EnrolmentPath);
        }
    }
}
