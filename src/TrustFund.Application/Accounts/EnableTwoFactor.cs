using Microsoft.AspNetCore.Identity;
using TrustFund.Application.Audit;
using TrustFund.Application.Common;

namespace TrustFund.Application.Accounts;

/// <summary>
/// A user proves their authenticator app with a code it shows: two-factor sign-in turns on, audited,
/// and the first recovery codes are made. A wrong code is refused on its field; nothing changes.
/// </summary>
public sealed record EnableTwoFactor(string Code) : IUseCase<RecoveryCodes>;

internal sealed class EnableTwoFactorHandler : IUseCaseHandler<EnableTwoFactor, RecoveryCodes>
{
    private readonly ITrustFundDb _db;
    private readonly UserManager<TrustFundUser> _users;
    private readonly IAuditTrail _audit;
    private readonly ICurrentActor _actor;

    public EnableTwoFactorHandler(ITrustFundDb db, UserManager<TrustFundUser> users, IAuditTrail audit, ICurrentActor actor)
    {
        _db = db;
        _users = users;
        _audit = audit;
        _actor = actor;
    }

    public async Task<RecoveryCodes> HandleAsync(EnableTwoFactor request, CancellationToken cancellationToken)
    {
        var user = await TwoFactorAccount.SignedInAsync(_users, _actor);
        if (await _users.GetTwoFactorEnabledAsync(user))
        {
            return new RecoveryCodes(false, []);
        }

        if (!await _users.VerifyTwoFactorTokenAsync(user, _users.Options.Tokens.AuthenticatorTokenProvider, request.Code))
        {
            throw new RefusedException(Problem.For(
                nameof(EnableTwoFactor.Code),
                "The code is not right. Check the time on your phone is set automatically, then enter the code your app shows now."));
        }

        await using var transaction = await _db.BeginTransactionAsync(cancellationToken: cancellationToken);
        _audit.Record(AuditActions.TwoFactorEnabled, $"{user.Email} set up two-factor sign-in with an authenticator app", "User", user.Id.ToString());
        TwoFactorAccount.EnsureSucceeded(await _users.SetTwoFactorEnabledAsync(user, true));
        var codes = await _users.GenerateNewTwoFactorRecoveryCodesAsync(user, TwoFactorAccount.RecoveryCodeCount);
        await transaction.CommitAsync(cancellationToken);
        return new RecoveryCodes(true, [.. codes ?? []]);
    }
}
