using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using TrustFund.Application.Accounts;
using TrustFund.Infrastructure.Identity.Sessions;
using TrustFund.Infrastructure.Persistence;
using TrustFund.Infrastructure.Protection;

namespace TrustFund.Infrastructure.Identity;

/// <summary>
/// Identity's Entity Framework user store, keeping user tokens (<c>AspNetUserTokens.Value</c>)
/// encrypted with Data Protection. Identity reads and writes the authenticator key and the recovery
/// codes (including redeeming and counting them) through <see cref="GetTokenAsync"/> and
/// <see cref="SetTokenAsync"/>, so protecting these two covers every secret the table holds.
/// A token written before encryption is read as it is and protected when next written.
/// Recovery codes are stored as salted password hashes (one per code, inside the encrypted value), so
/// neither the database nor the key ring gives them back; codes stored before hashing still redeem once.
/// Once a new security stamp is saved, the account's signed-in sessions end at once
/// (<see cref="SignInSessions.EndForNewSecurityStampAsync"/>), not at their next stamp check.
/// </summary>
public sealed class ProtectedTokenUserStore : UserStore<TrustFundUser, TrustFundRole, TrustFundDbContext, Guid>
{
    private const string HashedPrefix = "hash:";
    private const string RecoveryCodeTokenName = "RecoveryCodes";
    private const string InternalLoginProvider = "[AspNetUserStore]";
    private readonly IDataProtector _protector;
    private readonly IPasswordHasher<TrustFundUser> _hasher;
    private readonly SignInSessions? _sessions;
    private readonly HashSet<Guid> _newStamps = [];

    public ProtectedTokenUserStore(TrustFundDbContext context, IDataProtectionProvider dataProtection, IPasswordHasher<TrustFundUser> hasher, IdentityErrorDescriber? describer = null, SignInSessions? sessions = null)
        : base(context, describer)
    {
        _protector = dataProtection.CreateProtector(ProtectionPurposes.UserTokens);
        _hasher = hasher;
        _sessions = sessions;
    }

    public override Task SetSecurityStampAsync(TrustFundUser user, string stamp, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(user);
        if (!string.Equals(user.SecurityStamp, stamp, StringComparison.Ordinal))
        {
            _newStamps.Add(user.Id);
        }

        return base.SetSecurityStampAsync(user, stamp, cancellationToken);
    }

    public override async Task<IdentityResult> CreateAsync(TrustFundUser user, CancellationToken cancellationToken = default)
    {
        var result = await base.CreateAsync(user, cancellationToken);
        _newStamps.Remove(user.Id);
        return result;
    }

    public override async Task<IdentityResult> UpdateAsync(TrustFundUser user, CancellationToken cancellationToken = default)
    {
        var result = await base.UpdateAsync(user, cancellationToken);
        if (result.Succeeded && _newStamps.Remove(user.Id) && _sessions is not null)
        {
            await _sessions.EndForNewSecurityStampAsync(user, cancellationToken);
        }

        return result;
    }

    public override Task ReplaceCodesAsync(TrustFundUser user, IEnumerable<string> recoveryCodes, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(recoveryCodes);
        var hashed = recoveryCodes.Select(code => HashedPrefix + _hasher.HashPassword(user, code));
        return SetTokenAsync(user, InternalLoginProvider, RecoveryCodeTokenName, string.Join(";", hashed), cancellationToken);
    }

    public override async Task<bool> RedeemCodeAsync(TrustFundUser user, string code, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(user);
        ArgumentNullException.ThrowIfNull(code);
        var stored = await GetTokenAsync(user, InternalLoginProvider, RecoveryCodeTokenName, cancellationToken) ?? string.Empty;
        var codes = stored.Split(';', StringSplitOptions.RemoveEmptyEntries).ToList();
        var match = codes.FindIndex(entry => Matches(user, entry, code));
        if (match < 0)
        {
            return false;
        }

        codes.RemoveAt(match);
        await SetTokenAsync(user, InternalLoginProvider, RecoveryCodeTokenName, string.Join(";", codes), cancellationToken);
        return true;
    }

    // An empty value (no recovery codes left) holds no secret and stays empty.
    public override Task SetTokenAsync(TrustFundUser user, string loginProvider, string name, string? value, CancellationToken cancellationToken) =>
        base.SetTokenAsync(user, loginProvider, name, string.IsNullOrEmpty(value) ? value : _protector.Protect(value), cancellationToken);

    public override async Task<string?> GetTokenAsync(TrustFundUser user, string loginProvider, string name, CancellationToken cancellationToken)
    {
        var stored = await base.GetTokenAsync(user, loginProvider, name, cancellationToken);
        return stored is null ? null : ProtectedText.Reveal(_protector, stored);
    }

    private bool Matches(TrustFundUser user, string entry, string code) =>
        entry.StartsWith(HashedPrefix, StringComparison.Ordinal)
            ? _hasher.VerifyHashedPassword(user, entry[HashedPrefix.Length..], code) != PasswordVerificationResult.Failed
            : string.Equals(entry, code, StringComparison.Ordinal);
}
