using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using TrustFund.Application.Accounts;
using TrustFund.Application.Common;
using TrustFund.Web.Features.Shared;
using TrustFund.Web.Hosting;

namespace TrustFund.Web.Features.Account;

/// <summary>Forgotten passwords (reset by an emailed link) and changing one's own password.</summary>
[Route("Account")]
public sealed class PasswordsController : Controller
{
    private readonly IUseCases _useCases;
    private readonly SignInManager<TrustFundUser> _signIn;
    private readonly IStringLocalizer<SharedResource> _text;

    public PasswordsController(IUseCases useCases, SignInManager<TrustFundUser> signIn, IStringLocalizer<SharedResource> text)
    {
        _useCases = useCases;
        _signIn = signIn;
        _text = text;
    }

    [HttpGet("ForgotPassword")]
    [AllowAnonymous]
    public IActionResult ForgotPassword() => View(AccountViews.ForgotPassword, new EmailAddressInput());

    [HttpPost("ForgotPassword")]
    [RateLimited(RateLimitPolicies.AccountEmails)]
    [AllowAnonymous]
    public async Task<IActionResult> ForgotPassword(EmailAddressInput input, CancellationToken cancellationToken)
    {
        if (!ModelState.IsValid)
        {
            return View(AccountViews.ForgotPassword, input);
        }

        await _useCases.RunAsync(new RequestPasswordReset(input.Email!), cancellationToken);
        return View(AccountViews.CheckEmail, new CheckEmailModel(input.Email!.Trim(), CheckEmailReason.PasswordResetRequested));
    }

    [HttpGet("ResetPassword")]
    [AllowAnonymous]
    public async Task<IActionResult> ResetPassword(string? userId, string? code, CancellationToken cancellationToken) =>
        (await _useCases.RunAsync(new OpenPasswordLink(userId, code, Invitation: false), cancellationToken)).Succeeded
            ? View(AccountViews.ResetPassword, new SetPasswordInput { UserId = userId, Code = code })
            : LinkInvalid();

    [HttpPost("ResetPassword")]
    [RateLimited(RateLimitPolicies.AccountEmails)]
    [AllowAnonymous]
    public async Task<IActionResult> ResetPassword(SetPasswordInput input, CancellationToken cancellationToken)
    {
        if (!(await _useCases.RunAsync(new OpenPasswordLink(input.UserId, input.Code, Invitation: false, VerifyToken: false), cancellationToken)).Succeeded)
        {
            return LinkInvalid();
        }

        if (!ModelState.IsValid)
        {
            return SetPasswordForm(input);
        }

        var outcome = await _useCases.RunAsync(new ResetPassword(input.UserId, input.Code, input.Password!), cancellationToken);
        if (!outcome.Succeeded)
        {
            ModelState.AddOutcome(outcome, _text);
            return SetPasswordForm(input);
        }

        if (outcome.Value == PasswordLinkUse.LinkInvalid)
        {
            return LinkInvalid();
        }

        TempData["Notice"] = _text["Your password has been reset. Sign in with your new password."].Value;
        return Redirect("/Account/Login");
    }

    [HttpGet("ChangePassword")]
    public IActionResult ChangePassword() => View(AccountViews.ChangePassword, new ChangePasswordInput());

    [HttpPost("ChangePassword")]
    public async Task<IActionResult> ChangePassword(ChangePasswordInput input, CancellationToken cancellationToken)
    {
        if (await _signIn.UserManager.GetUserAsync(User) is not { } user)
        {
            return Challenge();
        }

        if (!ModelState.IsValid)
        {
            return ChangePasswordForm(input);
        }

        var outcome = await _useCases.RunAsync(new ChangePassword(input.CurrentPassword!, input.NewPassword!), cancellationToken);
        if (!outcome.Succeeded)
        {
            ModelState.AddOutcome(outcome, _text);
            return ChangePasswordForm(input);
        }

        // Saving the new security stamp ended the other sessions; this one is signed in again with it.
        await _signIn.RefreshSignInAsync(user);
        TempData["Notice"] = _text["Your password has been changed. Your other sessions have been signed out."].Value;
        return Redirect("/");
    }

    private ViewResult LinkInvalid() => View(AccountViews.LinkInvalid, new LinkInvalidModel(EmailLinkKind.PasswordReset));

    private ViewResult SetPasswordForm(SetPasswordInput input)
    {
        input.Password = null;
        input.ConfirmPassword = null;
        return View(AccountViews.ResetPassword, input);
    }

    private ViewResult ChangePasswordForm(ChangePasswordInput input)
    {
        input.CurrentPassword = null;
        input.NewPassword = null;
        input.ConfirmPassword = null;
        return View(AccountViews.ChangePassword, input);
    }
}
