using Microsoft.AspNetCore.Identity;
using TrustFund.Application.Audit;
using TrustFund.Application.Common;

namespace TrustFund.Application.Accounts;

/// <summary>A user with two-factor sign-in replaces their recovery codes, audited; the old ones stop working.</summary>
public sealed record ReplaceRecoveryCodes : IUseCase<RecoveryCodes>;

internal sealed class ReplaceRecoveryCodesHandler : IUseCaseHandler<ReplaceRecoveryCodes, RecoveryCodes>
{
    private readonly ITrustFundDb _db;
    private readonly UserManager<TrustFundUser> _users;
    private readonly IAuditTrail _audit;
    private readonly ICurrentActor _actor;

    public ReplaceRecoveryCodesHandler(ITrustFundDb db, UserManager<TrustFundUser> users, IAuditTrail audit, ICurrentActor actor)
    {
        _db = db;
        _users = users;
        _audit = audit;
        _actor = actor;
    }

    public async Task<RecoveryCodes> HandleAsync(ReplaceRecoveryCodes request, CancellationToken cancellationToken)
    {
        var user = await TwoFactorAccount.SignedInAsync(_users, _actor);
        if (!await _users.GetTwoFactorEnabledAsync(user))
        {
            return new RecoveryCodes(false, []);
        }

        await using var transaction = await _db.BeginTransactionAsync(cancellationToken: cancellationToken);
        _audit.Record(AuditActions.RecoveryCodesGenerated, $"{user.Email} replaced their recovery codes", "User", user.Id.ToString());
        var codes = await _users.GenerateNewTwoFactorRecoveryCodesAsync(user, TwoFactorAccount.RecoveryCodeCount);
        await transaction.CommitAsync(cancellationToken);
        return new RecoveryCodes(true, [.. codes ?? []]);
    }
}
