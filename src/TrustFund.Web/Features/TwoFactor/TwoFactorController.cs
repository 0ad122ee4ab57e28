using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using TrustFund.Application.Accounts;
using TrustFund.Application.Common;
using TrustFund.Web.Features.Shared;

namespace TrustFund.Web.Features.TwoFactor;

/// <summary>
/// Setting up, resetting and (where optional) turning off sign-in with an authenticator app, and
/// replacing recovery codes. Signing in with a code is in TwoFactorSignInController.
/// </summary>
[Route("Account/TwoFactor")]
public sealed class TwoFactorController : Controller
{
    private readonly IUseCases _useCases;
    private readonly UserManager<TrustFundUser> _users;
    private readonly SignInManager<TrustFundUser> _signIn;
    private readonly IStringLocalizer<TwoFactorController> _text;

    public TwoFactorController(IUseCases useCases, UserManager<TrustFundUser> users, SignInManager<TrustFundUser> signIn, IStringLocalizer<TwoFactorController> text)
    {
        _useCases = useCases;
        _users = users;
        _signIn = signIn;
        _text = text;
    }

    [HttpGet("")]
    public async Task<IActionResult> Index(CancellationToken cancellationToken)
    {
        var outcome = await _useCases.RunAsync(new ShowTwoFactor(), cancellationToken);
        return outcome.Succeeded
            ? View(new TwoFactorStatusModel(outcome.Value.Enabled, outcome.Value.Required, outcome.Value.RecoveryCodesLeft))
            : Challenge();
    }

    [HttpGet("Enable")]
    [AllowWithoutTwoFactor]
    public Task<IActionResult> Enable(CancellationToken cancellationToken) =>
        EnrolmentAsync(new AuthenticatorCodeInput(), cancellationToken);

    [HttpPost("Enable")]
    [AllowWithoutTwoFactor]
    public async Task<IActionResult> Enable(AuthenticatorCodeInput input, CancellationToken cancellationToken)
    {
        if (!ModelState.IsValid)
        {
            return await EnrolmentAsync(input, cancellationToken);
        }

        var outcome = await _useCases.RunAsync(new EnableTwoFactor(input.Digits), cancellationToken);
        if (outcome.Kind == OutcomeKind.Refused)
        {
            ModelState.AddOutcome(outcome, _text);
            return await EnrolmentAsync(input, cancellationToken);
        }

        if (!outcome.Succeeded)
        {
            return Challenge();
        }

        if (!outcome.Value.Changed)
        {
            return Redirect("/Account/TwoFactor");
        }

        // Enrolling renews the security stamp: keep this session, end any other.
        await RefreshSignInAsync();
        return View("RecoveryCodes", new RecoveryCodesModel(outcome.Value.Codes, JustEnrolled: true));
    }

    [HttpPost("RecoveryCodes")]
    public async Task<IActionResult> RecoveryCodes(CancellationToken cancellationToken)
    {
        var outcome = await _useCases.RunAsync(new ReplaceRecoveryCodes(), cancellationToken);
        if (!outcome.Succeeded)
        {
            return Challenge();
        }

        return outcome.Value.Changed
            ? View("RecoveryCodes", new RecoveryCodesModel(outcome.Value.Codes, JustEnrolled: false))
            : Redirect("/Account/TwoFactor");
    }

    [HttpPost("Reset")]
    public async Task<IActionResult> Reset(CancellationToken cancellationToken)
    {
        if (!(await _useCases.RunAsync(new ResetTwoFactor(), cancellationToken)).Succeeded)
        {
            return Challenge();
        }

        await RefreshSignInAsync();
        TempData["Notice"] = _text["Your old authenticator app and recovery codes no longer work. Set up your app again with the new key."].Value;
        return Redirect(TwoFactorEnrolmentFilter.EnrolmentPath);
    }

    [HttpPost("Disable")]
    public async Task<IActionResult> Disable(CancellationToken cancellationToken)
    {
        var outcome = await _useCases.RunAsync(new DisableTwoFactor(), cancellationToken);
        if (outcome.Kind == OutcomeKind.Refused)
        {
            return Forbid();
        }

        if (!outcome.Succeeded)
        {
            return Challenge();
        }

        if (outcome.Value)
        {
            await RefreshSignInAsync();
        }

        TempData["Notice"] = _text["Two-factor sign-in is off. You sign in with your password only."].Value;
        return Redirect("/Account/TwoFactor");
    }

    private async Task<IActionResult> EnrolmentAsync(AuthenticatorCodeInput input, CancellationToken cancellationToken)
    {
        var outcome = await _useCases.RunAsync(new StartTwoFactorEnrolment(), cancellationToken);
        if (!outcome.Succeeded)
        {
            return Challenge();
        }

        var enrolment = outcome.Value;
        if (enrolment.AlreadyEnabled)
        {
            return Redirect("/Account/TwoFactor");
        }

        input.Code = null;
        var uri = AuthenticatorQrCode.Uri(enrolment.AccountName, enrolment.Key);
        return View(nameof(Enable), new EnrolmentModel(AuthenticatorQrCode.PngDataUri(uri), AuthenticatorQrCode.Readable(enrolment.Key), enrolment.Required, input));
    }

    private async Task RefreshSignInAsync()
    {
        if (await _users.GetUserAsync(User) is { } user)
        {
            await _signIn.RefreshSignInAsync(user);
        }
    }
}
