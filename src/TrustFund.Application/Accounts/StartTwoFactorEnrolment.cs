using Microsoft.AspNetCore.Identity;
using TrustFund.Application.Common;

namespace TrustFund.Application.Accounts;

/// <summary>
/// The authenticator key a user enrols with: the account's key, or a first one stored for an account
/// that never had one (without renewing the security stamp, so merely opening the page ends no session).
/// </summary>
public sealed record StartTwoFactorEnrolment : IUseCase<TwoFactorEnrolment>;

/// <summary>The key to show (and put in a QR code) for the account; <see cref="AlreadyEnabled"/> when there is nothing to set up.</summary>
public sealed record TwoFactorEnrolment(bool AlreadyEnabled, string AccountName, string Key, bool Required);

internal sealed class StartTwoFactorEnrolmentHandler : IUseCaseHandler<StartTwoFactorEnrolment, TwoFactorEnrolment>
{
    private readonly UserManager<TrustFundUser> _users;
    private readonly IUserAuthenticatorKeyStore<TrustFundUser> _keys;
    private readonly ICurrentActor _actor;

    public StartTwoFactorEnrolmentHandler(UserManager<TrustFundUser> users, IUserStore<TrustFundUser> store, ICurrentActor actor)
    {
        _keys = store as IUserAuthenticatorKeyStore<TrustFundUser>
            ?? throw new InvalidOperationException("The user store cannot keep authenticator keys.");
        _users = users;
        _actor = actor;
    }

    public async Task<TwoFactorEnrolment> HandleAsync(StartTwoFactorEnrolment request, CancellationToken cancellationToken)
    {
        var user = await TwoFactorAccount.SignedInAsync(_users, _actor);
        var required = TwoFactorRoles.IsRequiredFor(_actor.User);
        var name = user.Email ?? user.UserName ?? user.Id.ToString();
        if (await _users.GetTwoFactorEnabledAsync(user))
        {
            return new TwoFactorEnrolment(true, name, string.Empty, required);
        }

        var key = await _users.GetAuthenticatorKeyAsync(user);
        if (string.IsNullOrEmpty(key))
        {
            key = _users.GenerateNewAuthenticatorKey();
            await _keys.SetAuthenticatorKeyAsync(user, key, cancellationToken);
            TwoFactorAccount.EnsureSucceeded(await _users.UpdateAsync(user));
        }

        return new TwoFactorEnrolment(false, name, key, required);
    }
}
