using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using TrustFund.Application.Accounts;
using TrustFund.Application.Common;

namespace TrustFund.Web.Features.Sessions;

/// <summary>
/// The signed-in user's own active sessions (device, address, when signed in and last seen), and
/// ending any one of them or all the others. A session of another account is not found (404).
/// </summary>
[Route("Account/Sessions")]
public sealed class SessionsController : Controller
{
    private readonly IUseCases _useCases;
    private readonly SignInManager<TrustFundUser> _signIn;
    private readonly IStringLocalizer<SessionsController> _text;

    public SessionsController(IUseCases useCases, SignInManager<TrustFundUser> signIn, IStringLocalizer<SessionsController> text)
    {
        _useCases = useCases;
        _signIn = signIn;
        _text = text;
    }

    [HttpGet("")]
    public async Task<IActionResult> Index(CancellationToken cancellationToken)
    {
        var outcome = await _useCases.RunAsync(new ListSessions(), cancellationToken);
        return outcome.Succeeded ? View(outcome.Value) : Challenge();
    }

    [HttpPost("{id:guid}/End")]
    public async Task<IActionResult> End(Guid id, CancellationToken cancellationToken)
    {
        var outcome = await _useCases.RunAsync(new EndSession(id), cancellationToken);
        if (!outcome.Succeeded)
        {
            return NotFound();
        }

        if (outcome.Value.WasCurrent)
        {
            await _signIn.SignOutAsync();
            TempData["Notice"] = _text["You have signed out."].Value;
            return Redirect("/Account/Login");
        }

        TempData["Notice"] = _text["The session has ended: that device is signed out."].Value;
        return Redirect("/Account/Sessions");
    }

    [HttpPost("EndOthers")]
    public async Task<IActionResult> EndOthers(CancellationToken cancellationToken)
    {
        var outcome = await _useCases.RunAsync(new EndOtherSessions(), cancellationToken);
        if (!outcome.Succeeded)
        {
            return Challenge();
        }

        TempData["Notice"] = _text["Your other sessions have ended. Only this one is still signed in."].Value;
        return Redirect("/Account/Sessions");
    }
}
