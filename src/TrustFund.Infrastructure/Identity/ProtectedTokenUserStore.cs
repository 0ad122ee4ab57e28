using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using TrustFund.Infrastructure.Persistence;
using TrustFund.Infrastructure.Protection;

namespace TrustFund.Infrastructure.Identity;

/// <summary>
/// Identity's Entity Framework user store, keeping user tokens (<c>AspNetUserTokens.Value</c>)
/// encrypted with Data Protection. Identity reads and writes the authenticator key and the recovery
/// codes (including redeeming and counting them) through <see cref="GetTokenAsync"/> and
/// <see cref="SetTokenAsync"/>, so protecting these two covers every secret the table holds.
/// A token written before encryption is read as it is and protected when next written.
/// </summary>
public sealed class ProtectedTokenUserStore : UserStore<TrustFundUser, TrustFundRole, TrustFundDbContext, Guid>
{
    private readonly IDataProtector _protector;

    public ProtectedTokenUserStore(TrustFundDbContext context, IDataProtectionProvider dataProtection, IdentityErrorDescriber? describer = null)
        : base(context, describer)
    {
        _protector = dataProtection.CreateProtector(ProtectionPurposes.UserTokens);
    }

    // An empty value (no recovery codes left) holds no secret and stays empty.
    public override Task SetTokenAsync(TrustFundUser user, string loginProvider, string name, string? value, CancellationToken cancellationToken) =>
        base.SetTokenAsync(user, loginProvider, name, string.IsNullOrEmpty(value) ? value : _protector.Protect(value), cancellationToken);

    public override async Task<string?> GetTokenAsync(TrustFundUser user, string loginProvider, string name, CancellationToken cancellationToken)
    {
        var stored = await base.GetTokenAsync(user, loginProvider, name, cancellationToken);
        return stored is null ? null : ProtectedText.Reveal(_protector, stored);
    }
}
