using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using TrustFund.Application.Audit;
using TrustFund.Infrastructure.Identity;
using TrustFund.Web.Hosting;

namespace TrustFund.Web.Features.Account;

/// <summary>Forgotten passwords (reset by an emailed link) and changing one's own password.</summary>
public sealed partial class AccountController
{
    [HttpGet("ForgotPassword")]
    [AllowAnonymous]
    public IActionResult ForgotPassword() => View(new EmailAddressInput());

    [HttpPost("ForgotPassword")]
    [RateLimited(RateLimitPolicies.AccountEmails)]
    [AllowAnonymous]
    public async Task<IActionResult> ForgotPassword(EmailAddressInput input, CancellationToken cancellationToken)
    {
        if (!ModelState.IsValid)
        {
            return View(input);
        }

        var email = input.Email!.Trim();
        var user = await _users.FindByEmailAsync(email);
        if (user is { IsActive: true })
        {
            var token = await _users.GeneratePasswordResetTokenAsync(user);
            _outbox.Enqueue(_emails.ResetPassword(user, _links.ResetPassword(user.Id, token)));
            await _db.SaveChangesAsync(cancellationToken);
        }

        return CheckEmail(email, CheckEmailReason.PasswordResetRequested);
    }

    [HttpGet("ResetPassword")]
    [AllowAnonymous]
    public async Task<IActionResult> ResetPassword(string? userId, string? code)
    {
        if (await ReadLinkAsync(userId, code) is not { } link || !await IsValidPasswordLinkAsync(link))
        {
            return LinkInvalid(EmailLinkKind.PasswordReset);
        }

        return View(new SetPasswordInput { UserId = userId, Code = code });
    }

    [HttpPost("ResetPassword")]
    [RateLimited(RateLimitPolicies.AccountEmails)]
    [AllowAnonymous]
    public async Task<IActionResult> ResetPassword(SetPasswordInput input, CancellationToken cancellationToken)
    {
        if (await ReadLinkAsync(input.UserId, input.Code) is not { } link)
        {
            return LinkInvalid(EmailLinkKind.PasswordReset);
        }

        if (!ModelState.IsValid)
        {
            return SetPasswordForm(nameof(ResetPassword), input);
        }

        var user = link.User;
        await using var transaction = await _db.Database.BeginTransactionAsync(cancellationToken);
        var reset = await _users.ResetPasswordAsync(user, link.Token, input.Password!);
        if (!reset.Succeeded)
        {
            if (reset.Errors.Any(e => e.Code == nameof(IdentityErrorDescriber.InvalidToken)))
            {
                return LinkInvalid(EmailLinkKind.PasswordReset);
            }

            AddIdentityErrors(reset, nameof(SetPasswordInput.Password), string.Empty);
            return SetPasswordForm(nameof(ResetPassword), input);
        }

        // The link reached the address, so it is confirmed; the lockout message promises that a reset ends a lockout.
        if (!user.EmailConfirmed)
        {
            user.EmailConfirmed = true;
            _audit.Record(AuditActions.EmailConfirmed, $"{user.Email} confirmed their email address by resetting their password", "User", user.Id.ToString());
        }

        user.LockoutEnd = null;
        user.AccessFailedCount = 0;
        _audit.Record(AuditActions.PasswordReset, $"{user.Email} reset their password; other sessions end", "User", user.Id.ToString());
        _outbox.Enqueue(_emails.PasswordChanged(user));
        EnsureSucceeded(await _users.UpdateAsync(user));
        await transaction.CommitAsync(cancellationToken);

        TempData["Notice"] = _text["Your password has been reset. Sign in with your new password."].Value;
        return Redirect("/Account/Login");
    }

    [HttpGet("ChangePassword")]
    public IActionResult ChangePassword() => View(new ChangePasswordInput());

    [HttpPost("ChangePassword")]
    public async Task<IActionResult> ChangePassword(ChangePasswordInput input, CancellationToken cancellationToken)
    {
        var user = await _users.GetUserAsync(User);
        if (user is null)
        {
            return Challenge();
        }

        if (!ModelState.IsValid)
        {
            return ChangePasswordForm(input);
        }

        await using var transaction = await _db.Database.BeginTransactionAsync(cancellationToken);
        var changed = await _users.ChangePasswordAsync(user, input.CurrentPassword!, input.NewPassword!);
        if (!changed.Succeeded)
        {
            await transaction.RollbackAsync(cancellationToken);
            if (changed.Errors.Any(e => e.Code == nameof(IdentityErrorDescriber.PasswordMismatch)))
            {
                ModelState.AddModelError(nameof(ChangePasswordInput.CurrentPassword), _text["Your current password is incorrect."]);
            }
            else
            {
                AddIdentityErrors(changed, nameof(ChangePasswordInput.NewPassword), string.Empty);
            }

            return ChangePasswordForm(input);
        }

        _audit.Record(AuditActions.PasswordChanged, $"{user.Email} changed their password; other sessions end", "User", user.Id.ToString());
        _outbox.Enqueue(_emails.PasswordChanged(user));
        await _db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);

        // Saving the new security stamp ended the other sessions; this one is signed in again with it.
        await _signIn.RefreshSignInAsync(user);
        TempData["Notice"] = _text["Your password has been changed. Your other sessions have been signed out."].Value;
        return Redirect("/");
    }

    private ViewResult SetPasswordForm(string view, SetPasswordInput input)
    {
        input.Password = null;
        input.ConfirmPassword = null;
        return View(view, input);
    }

    private ViewResult ChangePasswordForm(ChangePasswordInput input)
    {
        input.CurrentPassword = null;
        input.NewPassword = null;
        input.ConfirmPassword = null;
        return View(nameof(ChangePassword), input);
    }
}
