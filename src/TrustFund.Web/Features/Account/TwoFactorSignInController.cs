using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using TrustFund.Application.Accounts;
using TrustFund.Application.Audit;
using TrustFund.Application.Common;
using TrustFund.Infrastructure.Identity.Sessions;
using TrustFund.Web.Features.TwoFactor;
using TrustFund.Web.Hosting;

namespace TrustFund.Web.Features.Account;

/// <summary>
/// The second step of sign-in for accounts with two-factor sign-in on: a code from the authenticator
/// app, or one of the recovery codes. Wrong codes count towards the same lockout as wrong passwords.
/// </summary>
[Route("Account")]
public sealed class TwoFactorSignInController : Controller
{
    private readonly SignInManager<TrustFundUser> _signIn;
    private readonly UserManager<TrustFundUser> _users;
    private readonly IAuditTrail _audit;
    private readonly IUseCases _useCases;
    private readonly IStringLocalizer<SharedResource> _text;

    public TwoFactorSignInController(SignInManager<TrustFundUser> signIn, UserManager<TrustFundUser> users, IAuditTrail audit, IUseCases useCases, IStringLocalizer<SharedResource> text)
    {
        _signIn = signIn;
        _users = users;
        _audit = audit;
        _useCases = useCases;
        _text = text;
    }

    [HttpGet("LoginWith2fa")]
    [SignInPage]
    [AllowAnonymous]
    public async Task<IActionResult> LoginWith2fa(string? returnUrl = null) =>
        await _signIn.GetTwoFactorAuthenticationUserAsync() is null
            ? SignInExpired()
            : View(AccountViews.LoginWith2fa, new AuthenticatorCodeInput { ReturnUrl = returnUrl });

    [HttpPost("LoginWith2fa")]
    [SignInPage]
    [RateLimited(RateLimitPolicies.SignIn)]
    [AllowAnonymous]
    public async Task<IActionResult> LoginWith2fa(AuthenticatorCodeInput input, CancellationToken cancellationToken)
    {
        if (await _signIn.GetTwoFactorAuthenticationUserAsync() is not { } user)
        {
            return SignInExpired();
        }

        if (!ModelState.IsValid)
        {
            return CodeForm(input);
        }

        var result = await _signIn.TwoFactorAuthenticatorSignInAsync(input.Digits, isPersistent: false, rememberClient: false);
        if (result.Succeeded)
        {
            await _useCases.RunAsync(new RecordSignIn(user.Id, $"{user.Email} signed in with an authenticator code"), cancellationToken);
            return LocalRedirect(Url.IsLocalUrl(input.ReturnUrl) ? input.ReturnUrl! : "/");
        }

        if (result.IsLockedOut)
        {
            await RecordLockoutAsync(user);
            ModelState.AddModelError(nameof(AuthenticatorCodeInput.Code), LockedOutMessage());
            return CodeForm(input);
        }

        await _audit.RecordNowAsync(AuditActions.TwoFactorFailed, $"Wrong authenticator code for {user.Email}", "User", user.Id.ToString(), cancellationToken);
        ModelState.AddModelError(nameof(AuthenticatorCodeInput.Code), _text["The code is not right. Enter the code your authenticator app shows now: each code works once, so if you have just used it, wait for the next one."]);
        return CodeForm(input);
    }

    [HttpGet("LoginWithRecoveryCode")]
    [SignInPage]
    [AllowAnonymous]
    public async Task<IActionResult> LoginWithRecoveryCode(string? returnUrl = null) =>
        await _signIn.GetTwoFactorAuthenticationUserAsync() is null
            ? SignInExpired()
            : View(AccountViews.LoginWithRecoveryCode, new RecoveryCodeInput { ReturnUrl = returnUrl });

    [HttpPost("LoginWithRecoveryCode")]
    [SignInPage]
    [RateLimited(RateLimitPolicies.SignIn)]
    [AllowAnonymous]
    public async Task<IActionResult> LoginWithRecoveryCode(RecoveryCodeInput input, CancellationToken cancellationToken)
    {
        if (await _signIn.GetTwoFactorAuthenticationUserAsync() is not { } user)
        {
            return SignInExpired();
        }

        if (!ModelState.IsValid)
        {
            return RecoveryCodeForm(input);
        }

        if (await _users.IsLockedOutAsync(user))
        {
            await RecordLockoutAsync(user);
            ModelState.AddModelError(nameof(RecoveryCodeInput.RecoveryCode), LockedOutMessage());
            return RecoveryCodeForm(input);
        }

        var result = await _signIn.TwoFactorRecoveryCodeSignInAsync(input.Normalised);
        if (result.Succeeded)
        {
            var left = await _users.CountRecoveryCodesAsync(user);
            await _audit.RecordNowAsync(AuditActions.RecoveryCodeUsed, $"{user.Email} signed in with a recovery code; {left} left", "User", user.Id.ToString(), cancellationToken);
            await _useCases.RunAsync(new RecordSignIn(user.Id, $"{user.Email} signed in with a recovery code"), cancellationToken);
            TempData["Notice"] = _text["You signed in with a recovery code, which now no longer works. You have {0} left: if you lost your phone, reset your authenticator app from Two-factor sign-in.", left].Value;
            return LocalRedirect(Url.IsLocalUrl(input.ReturnUrl) ? input.ReturnUrl! : "/");
        }

        // Identity does not count wrong recovery codes towards lockout: count them here like wrong app codes.
        if (!result.IsLockedOut)
        {
            await _users.AccessFailedAsync(user);
        }

        if (result.IsLockedOut || await _users.IsLockedOutAsync(user))
        {
            await RecordLockoutAsync(user);
            ModelState.AddModelError(nameof(RecoveryCodeInput.RecoveryCode), LockedOutMessage());
            return RecoveryCodeForm(input);
        }

        await _audit.RecordNowAsync(AuditActions.TwoFactorFailed, $"Wrong recovery code for {user.Email}", "User", user.Id.ToString(), cancellationToken);
        ModelState.AddModelError(nameof(RecoveryCodeInput.RecoveryCode), _text["That recovery code is not right, or it has been used already. Check it and try again."]);
        return RecoveryCodeForm(input);
    }

    private RedirectResult SignInExpired()
    {
        TempData["Notice"] = _text["Sign in with your email address and password first. If you did, it took too long: start again."].Value;
        return Redirect("/Account/Login");
    }

    private Task RecordLockoutAsync(TrustFundUser user) =>
        _audit.RecordNowAsync(AuditActions.LockedOut, $"{user.Email} is locked out after repeated failures", "User", user.Id.ToString());

    private string LockedOutMessage() =>
        _text["Too many failed attempts. This account is locked for 15 minutes. Try again later, or reset your password."];

    private ViewResult CodeForm(AuthenticatorCodeInput input)
    {
        input.Code = null;
        return View(AccountViews.LoginWith2fa, input);
    }

    private ViewResult RecoveryCodeForm(RecoveryCodeInput input)
    {
        input.RecoveryCode = null;
        return View(AccountViews.LoginWithRecoveryCode, input);
    }
}
