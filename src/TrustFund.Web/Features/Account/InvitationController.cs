using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using TrustFund.Application.Accounts;
using TrustFund.Application.Common;
using TrustFund.Web.Features.Shared;

namespace TrustFund.Web.Features.Account;

/// <summary>Secretariat staff accepting an administrator's invitation by choosing their password.</summary>
[Route("Account")]
public sealed class InvitationController : Controller
{
    private readonly IUseCases _useCases;
    private readonly IStringLocalizer<SharedResource> _text;

    public InvitationController(IUseCases useCases, IStringLocalizer<SharedResource> text)
    {
        _useCases = useCases;
        _text = text;
    }

    [HttpGet("AcceptInvitation")]
    [AllowAnonymous]
    public async Task<IActionResult> AcceptInvitation(string? userId, string? code, CancellationToken cancellationToken) =>
        await InviteeAsync(userId, code, cancellationToken)
            ? View(AccountViews.AcceptInvitation, new SetPasswordInput { UserId = userId, Code = code })
            : LinkInvalid();

    [HttpPost("AcceptInvitation")]
    [AllowAnonymous]
    public async Task<IActionResult> AcceptInvitation(SetPasswordInput input, CancellationToken cancellationToken)
    {
        if (!await InviteeAsync(input.UserId, input.Code, cancellationToken))
        {
            return LinkInvalid();
        }

        if (!ModelState.IsValid)
        {
            return SetPasswordForm(input);
        }

        var outcome = await _useCases.RunAsync(new AcceptInvitation(input.UserId, input.Code, input.Password!), cancellationToken);
        if (!outcome.Succeeded)
        {
            ModelState.AddOutcome(outcome, _text);
            return SetPasswordForm(input);
        }

        if (outcome.Value == PasswordLinkUse.LinkInvalid)
        {
            return LinkInvalid();
        }

        TempData["Notice"] = _text["Your password is set. Sign in to start using TrustFund."].Value;
        return Redirect("/Account/Login");
    }

    /// <summary>Whether the invitation link holds; if so, the page names who it is for.</summary>
    private async Task<bool> InviteeAsync(string? userId, string? code, CancellationToken cancellationToken)
    {
        var invitee = await _useCases.RunAsync(new OpenPasswordLink(userId, code, Invitation: true), cancellationToken);
        if (invitee.Succeeded)
        {
            ViewData["InviteeName"] = invitee.Value.Name;
            ViewData["InviteeEmail"] = invitee.Value.Email;
        }

        return invitee.Succeeded;
    }

    private ViewResult LinkInvalid() => View(AccountViews.LinkInvalid, new LinkInvalidModel(EmailLinkKind.Invitation));

    private ViewResult SetPasswordForm(SetPasswordInput input)
    {
        input.Password = null;
        input.ConfirmPassword = null;
        return View(AccountViews.AcceptInvitation, input);
    }
}
