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
/// Signing in with an email address and password, signing out (here or everywhere), and the access
/// denied page. The second step of sign-in is in <see cref="TwoFactorSignInController"/>.
/// </summary>
[Route("Account")]
public sealed class SignInController : Controller
{
    private readonly SignInManager<TrustFundUser> _signIn;
    private readonly UserManager<TrustFundUser> _users;
    private readonly IAuditTrail _audit;
    private readonly IUseCases _useCases;
    private readonly IStringLocalizer<SharedResource> _text;

    public SignInController(SignInManager<TrustFundUser> signIn, UserManager<TrustFundUser> users, IAuditTrail audit, IUseCases useCases, IStringLocalizer<SharedResource> text)
    {
        _signIn = signIn;
        _users = users;
        _audit = audit;
        _useCases = useCases;
        _text = text;
    }

    [HttpGet("Login")]
    [SignInPage]
    [AllowAnonymous]
    public IActionResult Login(string? returnUrl = null) =>
        View(AccountViews.Login, new LoginInput { ReturnUrl = returnUrl });

    [HttpPost("Login")]
    [SignInPage]
    [RateLimited(RateLimitPolicies.SignIn)]
    [AllowAnonymous]
    public async Task<IActionResult> Login(LoginInput input, CancellationToken cancellationToken)
    {
        if (!ModelState.IsValid)
        {
            return View(AccountViews.Login, input);
        }

        var email = input.Email!.Trim();
        var user = await _users.FindByEmailAsync(email);
        if (user is null)
        {
            await _audit.RecordNowAsync(AuditActions.SignInFailed, $"Sign-in failed for unknown address {Printable(email)}", cancellationToken: cancellationToken);
            return Refuse(input, _text["The email address or password is incorrect."]);
        }

        var result = await _signIn.PasswordSignInAsync(user, input.Password!, isPersistent: false, lockoutOnFailure: true);
        if (result.Succeeded)
        {
            await _useCases.RunAsync(new RecordSignIn(user.Id, $"{user.Email} signed in"), cancellationToken);
            return LocalRedirect(Url.IsLocalUrl(input.ReturnUrl) ? input.ReturnUrl! : "/");
        }

        if (result.RequiresTwoFactor)
        {
            await _audit.RecordNowAsync(AuditActions.TwoFactorRequired, $"{user.Email} entered the right password; an authenticator code is required", "User", user.Id.ToString(), cancellationToken);
            return Redirect(SecondStep("/Account/LoginWith2fa", input.ReturnUrl));
        }

        if (result.IsLockedOut)
        {
            await _audit.RecordNowAsync(AuditActions.LockedOut, $"{user.Email} is locked out after repeated failures", "User", user.Id.ToString(), cancellationToken);
            return Refuse(input, _text["Too many failed attempts. This account is locked for 15 minutes. Try again later, or reset your password."]);
        }

        // PasswordSignInAsync refuses an unconfirmed or deactivated account before checking the
        // password: say why only to someone who proved they know the password.
        if (result.IsNotAllowed && await _users.CheckPasswordAsync(user, input.Password!))
        {
            await _audit.RecordNowAsync(AuditActions.SignInFailed, $"Sign-in refused for {user.Email}: {(user.IsActive ? "email not confirmed" : "account deactivated")}", "User", user.Id.ToString(), cancellationToken);
            return Refuse(input, user.IsActive
                ? _text["Confirm your email address first: use the link in the email we sent you."]
                : _text["This account has been deactivated. Contact the fund's Secretariat if you need access."]);
        }

        await _audit.RecordNowAsync(AuditActions.SignInFailed, $"Sign-in failed for {user.Email}", "User", user.Id.ToString(), cancellationToken);
        return Refuse(input, _text["The email address or password is incorrect."]);
    }

    [HttpPost("Logout")]
    [AllowAnonymous]
    [AllowWithoutTwoFactor]
    public async Task<IActionResult> Logout()
    {
        if (User.Identity?.IsAuthenticated == true)
        {
            await _signIn.SignOutAsync();
            await _audit.RecordNowAsync(AuditActions.SignedOut, $"{User.Identity.Name} signed out");
        }

        TempData["Notice"] = _text["You have signed out."].Value;
        return Redirect("/Account/Login");
    }

    /// <summary>Ends every session of the account at once, this one included.</summary>
    [HttpPost("SignOutEverywhere")]
    public async Task<IActionResult> SignOutEverywhere(CancellationToken cancellationToken)
    {
        await _useCases.RunAsync(new SignOutEverywhere(), cancellationToken);
        await _signIn.SignOutAsync();
        TempData["Notice"] = _text["You have signed out of every session."].Value;
        return Redirect("/Account/Login");
    }

    [HttpGet("AccessDenied")]
    [AllowAnonymous]
    [AllowWithoutTwoFactor]
    public IActionResult AccessDenied()
    {
        Response.StatusCode = StatusCodes.Status403Forbidden;
        return View("~/Features/Errors/Forbidden.cshtml");
    }

    /// <summary>The second step's address, keeping where to go after signing in.</summary>
    private static string SecondStep(string path, string? returnUrl) =>
        string.IsNullOrEmpty(returnUrl) ? path : $"{path}?returnUrl={Uri.EscapeDataString(returnUrl)}";

    private static string Printable(string value) =>
        new(value.Where(c => !char.IsControl(c)).Take(100).ToArray());

    private ViewResult Refuse(LoginInput input, string message)
    {
        ModelState.AddModelError(nameof(LoginInput.Email), message);
        input.Password = null;
        return View(AccountViews.Login, input);
    }
}
