using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using TrustFund.Application.Accounts;

namespace TrustFund.Infrastructure.Identity;

/// <summary>
/// Identity's data-protection token provider (email confirmation, password reset, invitation links),
/// reading the time from the app's <see cref="TimeProvider"/>. The framework's provider reads
/// <c>DateTimeOffset.UtcNow</c> directly (dotnet/aspnetcore#54639), so a link's 24-hour lifetime could
/// not follow the app's clock. The token layout is the framework's: issue instant, user id, purpose,
/// security stamp, protected with the same purpose, so links issued by either provider stay valid.
/// </summary>
public sealed class EmailLinkTokenProvider : DataProtectorTokenProvider<TrustFundUser>
{
    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);
    private readonly TimeProvider _clock;

    public EmailLinkTokenProvider(
        IDataProtectionProvider dataProtectionProvider,
        IOptions<DataProtectionTokenProviderOptions> options,
        ILogger<DataProtectorTokenProvider<TrustFundUser>> logger,
        TimeProvider clock)
        : base(dataProtectionProvider, options, logger)
    {
        _clock = clock;
    }

    public override async Task<string> GenerateAsync(string purpose, UserManager<TrustFundUser> manager, TrustFundUser user)
    {
        ArgumentNullException.ThrowIfNull(manager);
        ArgumentNullException.ThrowIfNull(user);
        var userId = await manager.GetUserIdAsync(user);
        var stamp = manager.SupportsUserSecurityStamp ? await manager.GetSecurityStampAsync(user) : null;
        using var payload = new MemoryStream();
        using (var writer = new BinaryWriter(payload, Utf8, leaveOpen: true))
        {
            writer.Write(_clock.GetUtcNow().UtcTicks);
            writer.Write(userId);
            writer.Write(purpose ?? string.Empty);
            writer.Write(stamp ?? string.Empty);
        }

        return Convert.ToBase64String(Protector.Protect(payload.ToArray()));
    }

    public override async Task<bool> ValidateAsync(string purpose, string token, UserManager<TrustFundUser> manager, TrustFundUser user)
    {
        ArgumentNullException.ThrowIfNull(manager);
        ArgumentNullException.ThrowIfNull(user);
        if (!TryRead(token, out var issuedAt, out var tokenUserId, out var tokenPurpose, out var tokenStamp))
        {
            return false;
        }

        if (issuedAt + Options.TokenLifespan < _clock.GetUtcNow())
        {
            Logger.LogDebug("Refused an expired {Purpose} token.", purpose);
            return false;
        }

        if (tokenUserId != await manager.GetUserIdAsync(user) || !string.Equals(tokenPurpose, purpose, StringComparison.Ordinal))
        {
            return false;
        }

        // A new security stamp (password set, deactivation, role change) spends every earlier link.
        var stamp = manager.SupportsUserSecurityStamp ? await manager.GetSecurityStampAsync(user) ?? string.Empty : string.Empty;
        return string.Equals(tokenStamp, stamp, StringComparison.Ordinal);
    }

    private bool TryRead(string token, out DateTimeOffset issuedAt, out string userId, out string purpose, out string stamp)
    {
        issuedAt = default;
        userId = purpose = stamp = string.Empty;
        try
        {
            var bytes = Protector.Unprotect(Convert.FromBase64String(token ?? string.Empty));
            using var reader = new BinaryReader(new MemoryStream(bytes), Utf8);
            issuedAt = new DateTimeOffset(reader.ReadInt64(), TimeSpan.Zero);
            userId = reader.ReadString();
            purpose = reader.ReadString();
            stamp = reader.ReadString();
            return reader.PeekChar() == -1;
        }
        catch (Exception ex) when (ex is FormatException or CryptographicException or EndOfStreamException or ArgumentException or DecoderFallbackException)
        {
            Logger.LogDebug("Refused a token that could not be read: {Reason}", ex.GetType().Name);
            return false;
        }
    }
}
