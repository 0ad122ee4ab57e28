using System.Buffers.Binary;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Identity;
using TrustFund.Application.Accounts;

namespace TrustFund.Infrastructure.Identity;

/// <summary>
/// Checks authenticator app codes (RFC 6238: HMAC-SHA1, 30-second steps, 6 digits, accepted from two
/// steps before to two steps after now, as Identity does) on the app's <see cref="TimeProvider"/>,
/// and accepts each code once: the step of the last accepted code is kept as a user token, and only
/// codes of later steps are accepted afterwards (RFC 6238 section 5.2). Saving that step goes through
/// the user's concurrency stamp, so two simultaneous requests with one code cannot both succeed.
/// </summary>
public sealed class OneTimeAuthenticatorTokenProvider : IUserTwoFactorTokenProvider<TrustFundUser>
{
    /// <summary>Login provider of the token holding the last accepted step.</summary>
    public const string LoginProvider = "[TrustFundAuthenticator]";

    /// <summary>Name of the token holding the last accepted step and the key it was accepted for.</summary>
    public const string LastAcceptedStepToken = "LastAcceptedStep";

    /// <summary>Seconds per code.</summary>
    public const int StepSeconds = 30;

    private const int StepsEitherSide = 2;

    private readonly TimeProvider _clock;

    public OneTimeAuthenticatorTokenProvider(TimeProvider clock)
    {
        _clock = clock;
    }

    /// <summary>The step (30-second period since 1970) that <paramref name="instant"/> falls in.</summary>
    public static long StepOf(DateTimeOffset instant) => instant.ToUnixTimeSeconds() / StepSeconds;

    /// <summary>The step of the last code accepted for the user's current key, or null.</summary>
    public static async Task<long?> LastAcceptedStepAsync(UserManager<TrustFundUser> manager, TrustFundUser user)
    {
        var key = await manager.GetAuthenticatorKeyAsync(user);
        var stored = await manager.GetAuthenticationTokenAsync(user, LoginProvider, LastAcceptedStepToken);
        if (key is null || stored?.Split(':') is not [var step, var fingerprint] || fingerprint != Fingerprint(key))
        {
            return null;
        }

        return long.TryParse(step, NumberStyles.None, CultureInfo.InvariantCulture, out var value) ? value : null;
    }

    // Codes come from the user's app, never from the server.
    public Task<string> GenerateAsync(string purpose, UserManager<TrustFundUser> manager, TrustFundUser user) =>
        Task.FromResult(string.Empty);

    public async Task<bool> CanGenerateTwoFactorTokenAsync(UserManager<TrustFundUser> manager, TrustFundUser user) =>
        !string.IsNullOrWhiteSpace(await manager.GetAuthenticatorKeyAsync(user));

    public async Task<bool> ValidateAsync(string purpose, string token, UserManager<TrustFundUser> manager, TrustFundUser user)
    {
        var key = await manager.GetAuthenticatorKeyAsync(user);
        if (string.IsNullOrWhiteSpace(key) || token.Length != 6 || !token.All(char.IsAsciiDigit))
        {
            return false;
        }

        var secret = Base32.Decode(key);
        var now = StepOf(_clock.GetUtcNow());
        var last = await LastAcceptedStepAsync(manager, user) ?? long.MinValue;
        for (var step = Math.Max(now - StepsEitherSide, last + 1); step <= now + StepsEitherSide; step++)
        {
            if (CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(Code(secret, step)), Encoding.ASCII.GetBytes(token)))
            {
                var saved = await manager.SetAuthenticationTokenAsync(
                    user, LoginProvider, LastAcceptedStepToken, $"{step.ToString(CultureInfo.InvariantCulture)}:{Fingerprint(key)}");
                return saved.Succeeded;
            }
        }

        return false;
    }

    private static string Code(byte[] secret, long step)
    {
        Span<byte> counter = stackalloc byte[8];
        BinaryPrimitives.WriteInt64BigEndian(counter, step);
#pragma warning disable CA5350 // RFC 6238's algorithm, the one every authenticator app uses.
        var hash = HMACSHA1.HashData(secret, counter);
#pragma warning restore CA5350
        var offset = hash[^1] & 0x0F;
        var binary = (BinaryPrimitives.ReadInt32BigEndian(hash.AsSpan(offset, 4)) & 0x7FFFFFFF) % 1_000_000;
        return binary.ToString("D6", CultureInfo.InvariantCulture);
    }

    // Ties the recorded step to one key: after a reset, the new key's codes are not refused for the old one's sake.
    private static string Fingerprint(string key) =>
        Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(key)).AsSpan(0, 8));
}
