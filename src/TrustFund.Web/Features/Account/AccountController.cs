using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using TrustFund.Application.Accounts;
using TrustFund.Application.Audit;
using TrustFund.Application.Email;
using TrustFund.Infrastructure.Identity;
using TrustFund.Infrastructure.Identity.Sessions;
using TrustFund.Infrastructure.Persistence;
using TrustFund.Web.Features.TwoFactor;
using TrustFund.Web.Hosting;

namespace TrustFund.Web.Features.Account;

/// <summary>
/// Sign-in and sign-out here; registration, email confirmation, passwords and invitations in the
/// other parts of this class.
/// </summary>
[Route("Account")]
public sealed partial class AccountController : Controller
{
    private readonly SignInManager<TrustFundUser> _signIn;
    private readonly UserManager<TrustFundUser> _users;
    private readonly IAuditTrail _audit;
    private readonly TimeProvider _clock;
    private readonly IStringLocalizer<AccountController> _text;
    private readonly TrustFundDbContext _db;
    private readonly IEmailOutbox _outbox;
    private readonly AccountEmails _emails;
    private readonly AccountLinks _links;

    public AccountController(
        SignInManager<TrustFundUser> signIn,
        UserManager<TrustFundUser> users,
        IAuditTrail audit,
        TimeProvider clock,
        IStringLocalizer<AccountController> text,
        TrustFundDbContext db,
        IEmailOutbox outbox,
        AccountEmails emails,
        AccountLinks links)
    {
        _signIn = signIn;
        _users = users;
        _audit = audit;
        _clock = clock;
        _text = text;
        _db = db;
        _outbox = outbox;
        _emails = emails;
        _links = links;
    }

    [HttpGet("Login")]
    [SignInPage]
    [AllowAnonymous]
    public IActionResult Login(string? returnUrl = null) =>
        View(new LoginInput { ReturnUrl = returnUrl });

    [HttpPost("Login")]
    [SignInPage]
    [RateLimited(RateLimitPolicies.SignIn)]
    [AllowAnonymous]
    public async Task<IActionResult> Login(LoginInput input)
    {
        if (!ModelState.IsValid)
        {
            return View(input);
        }

        var email = input.Email!.Trim();
        var user = await _users.FindByEmailAsync(email);
        if (user is null)
        {
            await _audit.RecordNowAsync(AuditActions.SignInFailed, $"Sign-in failed for unknown address {Printable(email)}");
            return Refuse(input, _text["The email address or password is incorrect."]);
        }

        var result = await _signIn.PasswordSignInAsync(user, input.Password!, isPersistent: false, lockoutOnFailure: true);
        if (result.Succeeded)
        {
            await RecordSignInAsync(user, $"{user.Email} signed in");
            return LocalRedirect(Url.IsLocalUrl(input.ReturnUrl) ? input.ReturnUrl! : "/");
        }

        if (result.RequiresTwoFactor)
        {
            await _audit.RecordNowAsync(AuditActions.TwoFactorRequired, $"{user.Email} entered the right password; an authenticator code is required", "User", user.Id.ToString());
            return Redirect(SecondStep("/Account/LoginWith2fa", input.ReturnUrl));
        }

        if (result.IsLockedOut)
        {
            await _audit.RecordNowAsync(AuditActions.LockedOut, $"{user.Email} is locked out after repeated failures", "User", user.Id.ToString());
            return Refuse(input, _text["Too many failed attempts. This account is locked for 15 minutes. Try again later, or reset your password."]);
        }

        // PasswordSignInAsync refuses an unconfirmed or deactivated account before checking the
        // password: say why only to someone who proved they know the password.
        if (result.IsNotAllowed && await _users.CheckPasswordAsync(user, input.Password!))
        {
            await _audit.RecordNowAsync(AuditActions.SignInFailed, $"Sign-in refused for {user.Email}: {(user.IsActive ? "email not confirmed" : "account deactivated")}", "User", user.Id.ToString());
            return Refuse(input, user.IsActive
                ? _text["Confirm your email address first: use the link in the email we sent you."]
                : _text["This account has been deactivated. Contact the fund's Secretariat if you need access."]);
        }

        await _audit.RecordNowAsync(AuditActions.SignInFailed, $"Sign-in failed for {user.Email}", "User", user.Id.ToString());
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

    [HttpGet("AccessDenied")]
    [AllowAnonymous]
    [AllowWithoutTwoFactor]
    public IActionResult AccessDenied()
    {
        Response.StatusCode = StatusCodes.Status403Forbidden;
        return View("~/Features/Errors/Forbidden.cshtml");
    }

    private async Task RecordSignInAsync(TrustFundUser user, string summary)
    {
        user.LastSignInAtUtc = _clock.GetUtcNow().UtcDateTime;
        _audit.Record(AuditActions.SignInSucceeded, summary, "User", user.Id.ToString());
        if (!(await _users.UpdateAsync(user)).Succeeded)
        {
            // The last-sign-in time lost a race with another change to the account (its save, and
            // the audit entry with it, were discarded); the sign-in itself still counts.
            _db.Entry(user).State = Microsoft.EntityFrameworkCore.EntityState.Detached;
            await _audit.RecordNowAsync(AuditActions.SignInSucceeded, summary, "User", user.Id.ToString());
        }
    }

    private static string Printable(string value)
    {
        var cleaned = new string(value.Where(c => !char.IsControl(c)).Take(100).ToArray());
        return cleaned;
    }

    private ViewResult Refuse(LoginInput input, string message)
    {
        ModelState.AddModelError(nameof(LoginInput.Email), message);
        input.Password = null;
        return View(nameof(Login), input);
    }
}
