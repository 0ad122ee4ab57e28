using Microsoft.AspNetCore.Mvc;
using TrustFund.Application.Audit;

namespace TrustFund.Web.Features.Account;

/// <summary>Ending all of one's own sessions.</summary>
public sealed partial class AccountController
{
    /// <summary>
    /// Renews the security stamp, which ends every other session at once (and would fail any cookie
    /// of before at its next stamp check), and signs this one out.
    /// </summary>
    [HttpPost("SignOutEverywhere")]
    public async Task<IActionResult> SignOutEverywhere()
    {
        var user = await _users.GetUserAsync(User);
        if (user is not null)
        {
            EnsureSucceeded(await _users.UpdateSecurityStampAsync(user));
            await _audit.RecordNowAsync(AuditActions.SignedOutEverywhere, $"{user.Email} signed out of every session", "User", user.Id.ToString());
        }

        await _signIn.SignOutAsync();
        TempData["Notice"] = _text["You have signed out of every session."].Value;
        return Redirect("/Account/Login");
    }
}
