using Microsoft.AspNetCore.Identity;
using TrustFund.Application.Audit;
using TrustFund.Application.Common;

namespace TrustFund.Application.Accounts;

/// <summary>
/// A user whose roles do not require it turns two-factor sign-in off, audited; the key and recovery
/// codes are discarded. Refused for the roles that must use it. The result says whether it was on.
/// </summary>
public sealed record DisableTwoFactor : IUseCase<bool>;

internal sealed class DisableTwoFactorHandler : IUseCaseHandler<DisableTwoFactor, bool>
{
    private readonly ITrustFundDb _db;
    private readonly UserManager<TrustFundUser> _users;
    private readonly IAuditTrail _audit;
    private readonly ICurrentActor _actor;

    public DisableTwoFactorHandler(ITrustFundDb db, UserManager<TrustFundUser> users, IAuditTrail audit, ICurrentActor actor)
    {
        _db = db;
        _users = users;
        _audit = audit;
        _actor = actor;
    }

    public async Task<bool> HandleAsync(DisableTwoFactor request, CancellationToken cancellationToken)
    {
        var user = await TwoFactorAccount.SignedInAsync(_users, _actor);
        if (TwoFactorRoles.IsRequiredFor(_actor.User))
        {
            throw new RefusedException("Your roles require two-factor sign-in: it cannot be turned off.");
        }

        if (!await _users.GetTwoFactorEnabledAsync(user))
        {
            return false;
        }

        await using var transaction = await _db.BeginTransactionAsync(cancellationToken: cancellationToken);
        _audit.Record(AuditActions.TwoFactorDisabled, $"{user.Email} turned off two-factor sign-in", "User", user.Id.ToString());
        await TwoFactorAccount.TurnOffAsync(_users, user);
        await transaction.CommitAsync(cancellationToken);
        return true;
    }
}
