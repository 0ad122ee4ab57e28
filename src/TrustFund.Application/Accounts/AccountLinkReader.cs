using Microsoft.AspNetCore.Identity;

namespace TrustFund.Application.Accounts;

/// <summary>The active user and the token an emailed link carries.</summary>
internal sealed record EmailLink(TrustFundUser User, string Token);

/// <summary>Reads the links of account emails (confirmation, password reset, invitation).</summary>
internal static class AccountLinkReader
{
    /// <summary>
    /// The active user and token an emailed link carries, or null when the link is garbled, names no
    /// active user, or is not a link at all. Whether the token itself is valid is checked by its use.
    /// </summary>
    public static async Task<EmailLink?> ReadAsync(UserManager<TrustFundUser> users, string? userId, string? code)
    {
        if (!Guid.TryParse(userId, out var id) || !EmailLinkCode.TryDecode(code, out var token))
        {
            return null;
        }

        var user = await users.FindByIdAsync(id.ToString());
        return user is { IsActive: true } ? new EmailLink(user, token) : null;
    }

    /// <summary>Whether the link's token still sets a password (a password reset or an invitation).</summary>
    public static Task<bool> IsValidPasswordLinkAsync(UserManager<TrustFundUser> users, EmailLink link) =>
        users.VerifyUserTokenAsync(link.User, users.Options.Tokens.PasswordResetTokenProvider, UserManager<TrustFundUser>.ResetPasswordTokenPurpose, link.Token);

    /// <summary>An invitation link is valid while its user has no password and the token holds.</summary>
    public static async Task<EmailLink?> ReadInvitationAsync(UserManager<TrustFundUser> users, string? userId, string? code) =>
        await ReadAsync(users, userId, code) is { } link
        && !await users.HasPasswordAsync(link.User)
        && await IsValidPasswordLinkAsync(users, link)
            ? link
            : null;
}
