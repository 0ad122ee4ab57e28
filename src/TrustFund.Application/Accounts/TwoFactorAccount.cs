using Microsoft.AspNetCore.Identity;
using TrustFund.Application.Common;

namespace TrustFund.Application.Accounts;

/// <summary>What the two-factor use cases share: the signed-in account, and Identity's changes made or refused loudly.</summary>
internal static class TwoFactorAccount
{
    /// <summary>How many recovery codes a user gets at a time.</summary>
    public const int RecoveryCodeCount = 10;

    public static async Task<TrustFundUser> SignedInAsync(UserManager<TrustFundUser> users, ICurrentActor actor) =>
        await users.GetUserAsync(actor.User) ?? throw new NotFoundException();

    /// <summary>Turns two-factor sign-in off and discards the key and recovery codes, so an old copy of either is useless.</summary>
    public static async Task TurnOffAsync(UserManager<TrustFundUser> users, TrustFundUser user)
    {
        EnsureSucceeded(await users.SetTwoFactorEnabledAsync(user, false));
        EnsureSucceeded(await users.ResetAuthenticatorKeyAsync(user));
        // Replacing the codes with none discards every unused one.
        await users.GenerateNewTwoFactorRecoveryCodesAsync(user, 0);
    }

    public static void EnsureSucceeded(IdentityResult result)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException($"Identity refused the change: {string.Join("; ", result.Errors.Select(e => e.Code))}");
        }
    }
}

/// <summary>New recovery codes, shown once; <see cref="Changed"/> is false when nothing was done (already set up, or not set up).</summary>
public sealed record RecoveryCodes(bool Changed, IReadOnlyList<string> Codes);
