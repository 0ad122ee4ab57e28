using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Localization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using TrustFund.Application.Accounts;
using TrustFund.Application.Common;
using TrustFund.Web.Features.Languages;
using TrustFund.Web.Features.Shared;

namespace TrustFund.Web.Features.Account;

/// <summary>
/// An invited person (Secretariat staff, or an organisation's colleague) accepting their invitation by choosing
/// their password. The page is in the invitation's language unless the visitor chose one
/// (<see cref="InvitationRequestCultureProvider"/>); a language chosen here becomes the account's.
/// </summary>
[Route("Account")]
public sealed class InvitationController : Controller
{
    private readonly IUseCases _useCases;
    private readonly IStringLocalizer<SharedResource> _text;
    private readonly RequestLocalizationOptions _localization;

    public InvitationController(IUseCases useCases, IStringLocalizer<SharedResource> text, IOptions<RequestLocalizationOptions> localization)
    {
        _useCases = useCases;
        _text = text;
        _localization = localization.Value;
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

        var outcome = await _useCases.RunAsync(new AcceptInvitation(input.UserId, input.Code, input.Password!, ChosenLanguage()), cancellationToken);
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

    /// <summary>The language the visitor chose with the language switcher (kept in its cookie), if any: it becomes the account's.</summary>
    private string? ChosenLanguage() =>
        HttpContext.Features.Get<IRequestCultureFeature>()?.Provider is CookieRequestCultureProvider
            ? Languages.Languages.OfferedCulture(_localization, CultureInfo.CurrentUICulture.Name)?.Name
            : null;

    private ViewResult LinkInvalid() => View(AccountViews.LinkInvalid, new LinkInvalidModel(EmailLinkKind.Invitation));

    private ViewResult SetPasswordForm(SetPasswordInput input)
    {
        input.Password = null;
        input.ConfirmPassword = null;
        return View(AccountViews.AcceptInvitation, input);
    }
}
