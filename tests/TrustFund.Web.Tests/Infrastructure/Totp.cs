using System.Buffers.Binary;
using System.Globalization;
using System.Security.Cryptography;

namespace TrustFund.Web.Tests.Infrastructure;

/// <summary>
/// What an authenticator app computes (RFC 6238: HMAC-SHA1 over the 30-second step count, 6 digits,
/// base32 key). The app checks codes on its TimeProvider: web tests compute them at the fake clock's
/// time (<see cref="TrustFundApp.CodeNow"/>), browser tests against a running app at the wall clock.
/// </summary>
public static class Totp
{
    private const string Base32Alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";

    private static readonly Dictionary<string, long> LastUsedSteps = [];

    /// <summary>
    /// For browser tests against a running app (wall clock): the code the app shows now for
    /// <paramref name="account"/>, or, when this process already used this step's code for that
    /// account (the app accepts each code once), the next one after waiting for it.
    /// </summary>
    public static async Task<string> UnusedNowAsync(string account, string base32Key)
    {
        while (true)
        {
            var now = DateTimeOffset.UtcNow;
            var step = now.ToUnixTimeSeconds() / 30;
            lock (LastUsedSteps)
            {
                if (!LastUsedSteps.TryGetValue(account, out var last) || step > last)
                {
                    LastUsedSteps[account] = step;
                    return At(base32Key, now);
                }
            }

            await Task.Delay(TimeSpan.FromSeconds(30 - (now.ToUnixTimeSeconds() % 30)) + TimeSpan.FromMilliseconds(100));
        }
    }

    /// <summary>The code an app shows now for <paramref name="base32Key"/>.</summary>
    public static string Now(string base32Key) => At(base32Key, DateTimeOffset.UtcNow);

    public static string At(string base32Key, DateTimeOffset instant)
    {
        var step = instant.ToUnixTimeSeconds() / 30;
        Span<byte> counter = stackalloc byte[8];
        BinaryPrimitives.WriteInt64BigEndian(counter, step);
#pragma warning disable CA5350 // RFC 6238's default, and what Identity and authenticator apps use.
        var hash = HMACSHA1.HashData(FromBase32(base32Key), counter);
#pragma warning restore CA5350
        var offset = hash[^1] & 0x0F;
        var binary = (BinaryPrimitives.ReadInt32BigEndian(hash.AsSpan(offset, 4)) & 0x7FFFFFFF) % 1_000_000;
        return binary.ToString("D6", CultureInfo.InvariantCulture);
    }

    /// <summary>A code that is certainly wrong now (not the code of any step Identity accepts).</summary>
    public static string WrongNow(string base32Key) => WrongAt(base32Key, DateTimeOffset.UtcNow);

    /// <summary>A code that is certainly wrong at <paramref name="now"/>.</summary>
    public static string WrongAt(string base32Key, DateTimeOffset now)
    {
        var accepted = Enumerable.Range(-3, 7).Select(i => At(base32Key, now.AddSeconds(30 * i))).ToHashSet();
        return Enumerable.Range(0, 100).Select(i => i.ToString("D6", CultureInfo.InvariantCulture)).First(c => !accepted.Contains(c));
    }

    private static byte[] FromBase32(string key)
    {
        var clean = key.Replace(" ", string.Empty, StringComparison.Ordinal).TrimEnd('=').ToUpperInvariant();
        var bytes = new List<byte>(clean.Length * 5 / 8);
        int buffer = 0, bits = 0;
        foreach (var c in clean)
        {
            var value = Base32Alphabet.IndexOf(c, StringComparison.Ordinal);
            if (value < 0)
            {
                throw new FormatException($"'{c}' is not a base32 character.");
            }

            buffer = (buffer << 5) | value;
            bits += 5;
            if (bits >= 8)
            {
                bits -= 8;
                bytes.Add((byte)(buffer >> bits));
                buffer &= (1 << bits) - 1;
            }
        }

        return [.. bytes];
    }
}
