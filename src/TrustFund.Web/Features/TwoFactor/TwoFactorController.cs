using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using TrustFund.Application.Accounts;
using TrustFund.Application.Audit;
using TrustFund.Infrastructure.Identity;
using TrustFund.Infrastructure.Persistence;

namespace TrustFund.Web.Features.TwoFactor;

/// <summary>
/// Setting up, resetting and (where optional) turning off sign-in with an authenticator app, and
/// replacing recovery codes. Signing in with a code is in AccountController.
/// </summary>
[Route("Account/TwoFactor")]
public sealed class TwoFactorController : Controller
{
    public const int RecoveryCodeCount = 10;

    private readonly UserManager<TrustFundUser> _users;
    private readonly SignInManager<TrustFundUser> _signIn;
    private readonly IAuditTrail _audit;
    private readonly TrustFundDbContext _db;
    private readonly IStringLocalizer<TwoFactorController> _text;
    private readonly IUserAuthenticatorKeyStore<TrustFundUser> _keys;

    public TwoFactorController(
        UserManager<TrustFundUser> users,
        SignInManager<TrustFundUser> signIn,
        IAuditTrail audit,
        TrustFundDbContext db,
        IStringLocalizer<TwoFactorController> text,
        IUserStore<TrustFundUser> store)
    {
        _keys = store as IUserAuthenticatorKeyStore<TrustFundUser>
            ?? throw new InvalidOperationException("The user store cannot keep authenticator keys.");
        _users = users;
        _signIn = signIn;
        _audit = audit;
        _db = db;
        _text = text;
    }

    [HttpGet("")]
    public async Task<IActionResult> Index()
    {
        if (await _users.GetUserAsync(User) is not { } user)
        {
            return Challenge();
        }

        var enabled = await _users.GetTwoFactorEnabledAsync(user);
        var left = enabled ? await _users.CountRecoveryCodesAsync(user) : 0;
        return View(new TwoFactorStatusModel(enabled, TwoFactorRoles.IsRequiredFor(User), left));
    }

    [HttpGet("Enable")]
    [AllowWithoutTwoFactor]
    public async Task<IActionResult> Enable()
    {
        if (await _users.GetUserAsync(User) is not { } user)
        {
            return Challenge();
        }

        if (await _users.GetTwoFactorEnabledAsync(user))
        {
            return Redirect("/Account/TwoFactor");
        }

        return View(await EnrolmentAsync(user, new AuthenticatorCodeInput()));
    }

    [HttpPost("Enable")]
    [AllowWithoutTwoFactor]
    public async Task<IActionResult> Enable(AuthenticatorCodeInput input, CancellationToken cancellationToken)
    {
        if (await _users.GetUserAsync(User) is not { } user)
        {
            return Challenge();
        }

        if (await _users.GetTwoFactorEnabledAsync(user))
        {
            return Redirect("/Account/TwoFactor");
        }

        if (!ModelState.IsValid)
        {
            return EnrolmentForm(await EnrolmentAsync(user, input));
        }

        if (!await _users.VerifyTwoFactorTokenAsync(user, _users.Options.Tokens.AuthenticatorTokenProvider, input.Digits))
        {
            ModelState.AddModelError(nameof(AuthenticatorCodeInput.Code), _text["The code is not right. Check the time on your phone is set automatically, then enter the code your app shows now."]);
            return EnrolmentForm(await EnrolmentAsync(user, input));
        }

        await using var transaction = await _db.Database.BeginTransactionAsync(cancellationToken);
        _audit.Record(AuditActions.TwoFactorEnabled, $"{user.Email} set up two-factor sign-in with an authenticator app", "User", user.Id.ToString());
        EnsureSucceeded(await _users.SetTwoFactorEnabledAsync(user, true));
        var codes = await _users.GenerateNewTwoFactorRecoveryCodesAsync(user, RecoveryCodeCount);
        await transaction.CommitAsync(cancellationToken);

        // Enrolling renews the security stamp: keep this session, end any other.
        await _signIn.RefreshSignInAsync(user);
        return View("RecoveryCodes", new RecoveryCodesModel([.. codes ?? []], JustEnrolled: true));
    }

    [HttpPost("RecoveryCodes")]
    public async Task<IActionResult> RecoveryCodes(CancellationToken cancellationToken)
    {
        if (await _users.GetUserAsync(User) is not { } user)
        {
            return Challenge();
        }

        if (!await _users.GetTwoFactorEnabledAsync(user))
        {
            return Redirect("/Account/TwoFactor");
        }

        await using var transaction = await _db.Database.BeginTransactionAsync(cancellationToken);
        _audit.Record(AuditActions.RecoveryCodesGenerated, $"{user.Email} replaced their recovery codes", "User", user.Id.ToString());
        var codes = await _users.GenerateNewTwoFactorRecoveryCodesAsync(user, RecoveryCodeCount);
        await transaction.CommitAsync(cancellationToken);
        return View("RecoveryCodes", new RecoveryCodesModel([.. codes ?? []], JustEnrolled: false));
    }

    [HttpPost("Reset")]
    public async Task<IActionResult> Reset(CancellationToken cancellationToken)
    {
        if (await _users.GetUserAsync(User) is not { } user)
        {
            return Challenge();
        }

        await using var transaction = await _db.Database.BeginTransactionAsync(cancellationToken);
        _audit.Record(AuditActions.TwoFactorReset, $"{user.Email} reset their authenticator key; the old app and recovery codes no longer work", "User", user.Id.ToString());
        await TurnOffAsync(user);
        await transaction.CommitAsync(cancellationToken);

        await _signIn.RefreshSignInAsync(user);
        TempData["Notice"] = _text["Your old authenticator app and recovery codes no longer work. Set up your app again with the new key."].Value;
        return Redirect(TwoFactorEnrolmentFilter.EnrolmentPath);
    }

    [HttpPost("Disable")]
    public async Task<IActionResult> Disable(CancellationToken cancellationToken)
    {
        if (await _users.GetUserAsync(User) is not { } user)
        {
            return Challenge();
        }

        if (TwoFactorRoles.IsRequiredFor(User))
        {
            return Forbid();
        }

        if (await _users.GetTwoFactorEnabledAsync(user))
        {
            await using var transaction = await _db.Database.BeginTransactionAsync(cancellationToken);
            _audit.Record(AuditActions.TwoFactorDisabled, $"{user.Email} turned off two-factor sign-in", "User", user.Id.ToString());
            await TurnOffAsync(user);
            await transaction.CommitAsync(cancellationToken);
            await _signIn.RefreshSignInAsync(user);
        }

        TempData["Notice"] = _text["Two-factor sign-in is off. You sign in with your password only."].Value;
        return Redirect("/Account/TwoFactor");
    }

    /// <summary>Turns two-factor sign-in off and discards the key and recovery codes, so an old copy of either is useless.</summary>
    private async Task TurnOffAsync(TrustFundUser user)
    {
        EnsureSucceeded(await _users.SetTwoFactorEnabledAsync(user, false));
        EnsureSucceeded(await _users.ResetAuthenticatorKeyAsync(user));
        // Replacing the codes with none discards every unused one.
        await _users.GenerateNewTwoFactorRecoveryCodesAsync(user, 0);
    }

    private async Task<EnrolmentModel> EnrolmentAsync(TrustFundUser user, AuthenticatorCodeInput input)
    {
        var key = await _users.GetAuthenticatorKeyAsync(user);
        if (string.IsNullOrEmpty(key))
        {
            // A first key for an account that never had one: stored without renewing the security
            // stamp (as ResetAuthenticatorKeyAsync would), so merely opening this page ends no session.
            key = _users.GenerateNewAuthenticatorKey();
            await _keys.SetAuthenticatorKeyAsync(user, key, HttpContext.RequestAborted);
            EnsureSucceeded(await _users.UpdateAsync(user));
        }

        input.Code = null;
        var uri = AuthenticatorQrCode.Uri(user.Email ?? user.UserName ?? user.Id.ToString(), key);
        return new EnrolmentModel(AuthenticatorQrCode.PngDataUri(uri), AuthenticatorQrCode.Readable(key), TwoFactorRoles.IsRequiredFor(User), input);
    }

    private ViewResult EnrolmentForm(EnrolmentModel model) => View(nameof(Enable), model);

    private static void EnsureSucceeded(IdentityResult result)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException($"Identity refused the change: {string.Join("; ", result.Errors.Select(e => e.Code))}");
        }
    }
}
