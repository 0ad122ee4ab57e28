using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using TrustFund.Application.Accounts;

namespace TrustFund.Infrastructure.Identity;

/// <summary>
/// Identity's user manager with lockout measured on the app's <see cref="TimeProvider"/>: the
/// framework's manager reads <c>DateTimeOffset.UtcNow</c>, so a lockout would neither start nor end
/// on the app's clock.
/// </summary>
public sealed class TrustFundUserManager : UserManager<TrustFundUser>
{
    private readonly TimeProvider _clock;

    public TrustFundUserManager(
        IUserStore<TrustFundUser> store,
        IOptions<IdentityOptions> optionsAccessor,
        IPasswordHasher<TrustFundUser> passwordHasher,
        IEnumerable<IUserValidator<TrustFundUser>> userValidators,
        IEnumerable<IPasswordValidator<TrustFundUser>> passwordValidators,
        ILookupNormalizer keyNormalizer,
        IdentityErrorDescriber errors,
        IServiceProvider services,
        ILogger<UserManager<TrustFundUser>> logger,
        TimeProvider clock)
        : base(store, optionsAccessor, passwordHasher, userValidators, passwordValidators, keyNormalizer, errors, services, logger)
    {
        _clock = clock;
    }

    /// <summary>Whether the user is locked out now; the lockout ends at its end instant.</summary>
    public override async Task<bool> IsLockedOutAsync(TrustFundUser user)
    {
        ArgumentNullException.ThrowIfNull(user);
        var store = LockoutStore();
        if (!await store.GetLockoutEnabledAsync(user, CancellationToken))
        {
            return false;
        }

        var end = await store.GetLockoutEndDateAsync(user, CancellationToken);
        return end > _clock.GetUtcNow();
    }

    /// <summary>Counts a failed attempt; at the limit, locks the user out for the configured time from now.</summary>
    public override async Task<IdentityResult> AccessFailedAsync(TrustFundUser user)
    {
        ArgumentNullException.ThrowIfNull(user);
        var store = LockoutStore();
        var count = await store.IncrementAccessFailedCountAsync(user, CancellationToken);
        if (count >= Options.Lockout.MaxFailedAccessAttempts)
        {
            await store.SetLockoutEndDateAsync(user, _clock.GetUtcNow().Add(Options.Lockout.DefaultLockoutTimeSpan), CancellationToken);
            await store.ResetAccessFailedCountAsync(user, CancellationToken);
        }

        return await UpdateUserAsync(user);
    }

    private IUserLockoutStore<TrustFundUser> LockoutStore() =>
        Store as IUserLockoutStore<TrustFundUser>
        ?? throw new NotSupportedException("The user store does not support lockout.");
}
