using Microsoft.AspNetCore.Identity;
using TrustFund.Application.Common;

namespace TrustFund.Application.Accounts;

/// <summary>The signed-in user's two-factor sign-in: on or off, mandatory for their roles or not, recovery codes left.</summary>
public sealed record ShowTwoFactor : IUseCase<TwoFactorStatus>;

public sealed record TwoFactorStatus(bool Enabled, bool Required, int RecoveryCodesLeft);

internal sealed class ShowTwoFactorHandler : IUseCaseHandler<ShowTwoFactor, TwoFactorStatus>
{
    private readonly UserManager<TrustFundUser> _users;
    private readonly ICurrentActor _actor;

    public ShowTwoFactorHandler(UserManager<TrustFundUser> users, ICurrentActor actor)
    {
        _users = users;
        _actor = actor;
    }

    public async Task<TwoFactorStatus> HandleAsync(ShowTwoFactor request, CancellationToken cancellationToken)
    {
        var user = await TwoFactorAccount.SignedInAsync(_users, _actor);
        var enabled = await _users.GetTwoFactorEnabledAsync(user);
        var left = enabled ? await _users.CountRecoveryCodesAsync(user) : 0;
        return new TwoFactorStatus(enabled, TwoFactorRoles.IsRequiredFor(_actor.User), left);
    }
}
