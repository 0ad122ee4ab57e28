using Microsoft.AspNetCore.Identity;
using TrustFund.Application.Audit;
using TrustFund.Application.Common;

namespace TrustFund.Application.Accounts;

/// <summary>A user resets their authenticator key, audited: the old app and recovery codes stop working and they set up again.</summary>
public sealed record ResetTwoFactor : IUseCase<Done>;

internal sealed class ResetTwoFactorHandler : IUseCaseHandler<ResetTwoFactor, Done>
{
    private readonly ITrustFundDb _db;
    private readonly UserManager<TrustFundUser> _users;
    private readonly IAuditTrail _audit;
    private readonly ICurrentActor _actor;

    public ResetTwoFactorHandler(ITrustFundDb db, UserManager<TrustFundUser> users, IAuditTrail audit, ICurrentActor actor)
    {
        _db = db;
        _users = users;
        _audit = audit;
        _actor = actor;
    }

    public async Task<Done> HandleAsync(ResetTwoFactor request, CancellationToken cancellationToken)
    {
        var user = await TwoFactorAccount.SignedInAsync(_users, _actor);
        await using var transaction = await _db.BeginTransactionAsync(cancellationToken: cancellationToken);
        _audit.Record(AuditActions.TwoFactorReset, $"{user.Email} reset their authenticator key; the old app and recovery codes no longer work", "User", user.Id.ToString());
        await TwoFactorAccount.TurnOffAsync(_users, user);
        await transaction.CommitAsync(cancellationToken);
        return Done.Value;
    }
}
