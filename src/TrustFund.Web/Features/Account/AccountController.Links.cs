using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using TrustFund.Application.Accounts;
using TrustFund.Infrastructure.Identity;

namespace TrustFund.Web.Features.Account;

/// <summary>What the account flows share: reading emailed links and turning Identity's errors into field errors.</summary>
public sealed partial class AccountController
{
    /// <summary>
    /// The active user and token an emailed link carries, or null when the link is garbled, names no
    /// active user, or is not a link at all. Whether the token itself is valid is checked by its use.
    /// </summary>
    private async Task<EmailLink?> ReadLinkAsync(string? userId, string? code)
    {
        if (!Guid.TryParse(userId, out var id) || !EmailLinkCode.TryDecode(code, out var token))
        {
            return null;
        }

        var user = await _users.FindByIdAsync(id.ToString());
        return user is { IsActive: true } ? new EmailLink(user, token) : null;
    }

    private Task<bool> IsValidPasswordLinkAsync(EmailLink link) =>
        _users.VerifyUserTokenAsync(link.User, _users.Options.Tokens.PasswordResetTokenProvider, UserManager<TrustFundUser>.ResetPasswordTokenPurpose, link.Token);

    private ViewResult LinkInvalid(EmailLinkKind kind)
    {
        _db.ChangeTracker.Clear();
        return View("LinkInvalid", new LinkInvalidModel(kind));
    }

    /// <summary>Runs Identity's password rules (length, maximum length) without saving anything.</summary>
    private async Task<bool> CheckNewPasswordAsync(TrustFundUser user, string password, string field)
    {
        var errors = new List<IdentityError>();
        foreach (var validator in _users.PasswordValidators)
        {
            var result = await validator.ValidateAsync(_users, user, password);
            errors.AddRange(result.Errors);
        }

        AddIdentityErrors(IdentityResult.Failed([.. errors]), field, field);
        return errors.Count == 0;
    }

    private void AddIdentityErrors(IdentityResult result, string passwordField, string emailField)
    {
        foreach (var error in result.Errors)
        {
            switch (error.Code)
            {
                case nameof(IdentityErrorDescriber.PasswordTooShort):
                    ModelState.AddModelError(passwordField, _text["Your password must be at least 12 characters long."]);
                    break;
                case "PasswordTooLong":
                    ModelState.AddModelError(passwordField, _text["Your password must be 128 characters or fewer."]);
                    break;
                case CommonPasswordValidator.ErrorCode:
                    ModelState.AddModelError(passwordField, _text["This password is too common and easy to guess. Choose a different one, such as three or four unrelated words."]);
                    break;
                case nameof(IdentityErrorDescriber.InvalidEmail):
                case nameof(IdentityErrorDescriber.InvalidUserName):
                    ModelState.AddModelError(emailField, _text["Enter an email address in the correct format, like name@example.org."]);
                    break;
                default:
                    ModelState.AddModelError(error.Code.StartsWith("Password", StringComparison.Ordinal) ? passwordField : string.Empty, error.Description);
                    break;
            }
        }
    }

    private static void EnsureSucceeded(IdentityResult result)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException($"Identity refused an account change: {string.Join("; ", result.Errors.Select(e => e.Code))}");
        }
    }

    private sealed record EmailLink(TrustFundUser User, string Token);
}
