using System.Globalization;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace TrustFund.Web.Hosting;

/// <summary>
/// Enforces the 8-hour absolute session limit on top of the 20-minute sliding one, revalidates the
/// security stamp (deactivation, role or password change) every minute, and answers 403 with a
/// page instead of redirecting when a signed-in user lacks a capability.
/// </summary>
internal sealed class SessionCookieEvents : CookieAuthenticationEvents
{
    public const string SignedInAtKey = ".trustfund.signed-in-at";

    public override Task SigningIn(CookieSigningInContext context)
    {
        if (!context.Properties.Items.ContainsKey(SignedInAtKey))
        {
            var clock = context.HttpContext.RequestServices.GetRequiredService<TimeProvider>();
            context.Properties.Items[SignedInAtKey] = clock.GetUtcNow().ToString("O", CultureInfo.InvariantCulture);
        }

        return base.SigningIn(context);
    }

    public override async Task ValidatePrincipal(CookieValidatePrincipalContext context)
    {
        var clock = context.HttpContext.RequestServices.GetRequiredService<TimeProvider>();
        if (!context.Properties.Items.TryGetValue(SignedInAtKey, out var signedInAt)
            || !DateTimeOffset.TryParse(signedInAt, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var since)
            || clock.GetUtcNow() - since > WebServices.AbsoluteTimeout)
        {
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(IdentityConstants.ApplicationScheme);
            return;
        }

        // Identity's validator would decide the same, but only after building the sign-in manager, user
        // manager and store it depends on; between checks (every minute) nothing needs them.
        var stamps = context.HttpContext.RequestServices.GetRequiredService<IOptions<SecurityStampValidatorOptions>>().Value;
        var now = (stamps.TimeProvider ?? TimeProvider.System).GetUtcNow();
        if (context.Properties.IssuedUtc is { } issued && now - issued <= stamps.ValidationInterval)
        {
            return;
        }

        await SecurityStampValidator.ValidatePrincipalAsync(context);
    }

    public override Task RedirectToAccessDenied(RedirectContext<CookieAuthenticationOptions> context)
    {
        context.Response.StatusCode = StatusCodes.Status403Forbidden;
        return Task.CompletedTask;
    }
}
