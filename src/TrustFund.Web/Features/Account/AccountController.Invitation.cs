using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using TrustFund.Application.Audit;

namespace TrustFund.Web.Features.Account;

/// <summary>Secretariat staff accepting an administrator's invitation by choosing their password.</summary>
public sealed partial class AccountController
{
    [HttpGet("AcceptInvitation")]
    [AllowAnonymous]
    public async Task<IActionResult> AcceptInvitation(string? userId, string? code)
    {
        if (await ReadInvitationAsync(userId, code) is not { } link)
        {
            return LinkInvalid(EmailLinkKind.Invitation);
        }

        ViewData["InviteeName"] = link.User.DisplayName;
        ViewData["InviteeEmail"] = link.User.Email;
        return View(new SetPasswordInput { UserId = userId, Code = code });
    }

    [HttpPost("AcceptInvitation")]
    [AllowAnonymous]
    public async Task<IActionResult> AcceptInvitation(SetPasswordInput input, CancellationToken cancellationToken)
    {
        if (await ReadInvitationAsync(input.UserId, input.Code) is not { } link)
        {
            return LinkInvalid(EmailLinkKind.Invitation);
        }

        var user = link.User;
        ViewData["InviteeName"] = user.DisplayName;
        ViewData["InviteeEmail"] = user.Email;
        if (!ModelState.IsValid)
        {
            return SetPasswordForm(nameof(AcceptInvitation), input);
        }

        await using var transaction = await _db.Database.BeginTransactionAsync(cancellationToken);
        var accepted = await _users.ResetPasswordAsync(user, link.Token, input.Password!);
        if (!accepted.Succeeded)
        {
            if (accepted.Errors.Any(e => e.Code == nameof(IdentityErrorDescriber.InvalidToken)))
            {
                return LinkInvalid(EmailLinkKind.Invitation);
            }

            AddIdentityErrors(accepted, nameof(SetPasswordInput.Password), string.Empty);
            return SetPasswordForm(nameof(AcceptInvitation), input);
        }

        user.EmailConfirmed = true;
        _audit.Record(AuditActions.InvitationAccepted, $"{user.Email} accepted their invitation and chose a password", "User", user.Id.ToString());
        EnsureSucceeded(await _users.UpdateAsync(user));
        await transaction.CommitAsync(cancellationToken);

        TempData["Notice"] = _text["Your password is set. Sign in to start using TrustFund."].Value;
        return Redirect("/Account/Login");
    }

    /// <summary>An invitation link is valid while its user has no password and the token holds.</summary>
    private async Task<EmailLink?> ReadInvitationAsync(string? userId, string? code) =>
        await ReadLinkAsync(userId, code) is { } link
        && !await _users.HasPasswordAsync(link.User)
        && await IsValidPasswordLinkAsync(link)
            ? link
            : null;
}
