using Microsoft.AspNetCore.Identity;
using TrustFund.Application.Audit;
using TrustFund.Application.Common;

namespace TrustFund.Application.Accounts;

/// <summary>After a successful sign-in: the account's last sign-in time and the audit entry (<see cref="Summary"/>).</summary>
public sealed record RecordSignIn(Guid UserId, string Summary) : IUseCase<Done>;

internal sealed class RecordSignInHandler : IUseCaseHandler<RecordSignIn, Done>
{
    private readonly ITrustFundDb _db;
    private readonly UserManager<TrustFundUser> _users;
    private readonly IAuditTrail _audit;
    private readonly TimeProvider _clock;

    public RecordSignInHandler(ITrustFundDb db, UserManager<TrustFundUser> users, IAuditTrail audit, TimeProvider clock)
    {
        _db = db;
        _users = users;
        _audit = audit;
        _clock = clock;
    }

    public async Task<Done> HandleAsync(RecordSignIn request, CancellationToken cancellationToken)
    {
        var user = await _users.FindByIdAsync(request.UserId.ToString()) ?? throw new NotFoundException();
        var id = user.Id.ToString();
        user.LastSignInAtUtc = _clock.GetUtcNow().UtcDateTime;
        _audit.Record(AuditActions.SignInSucceeded, request.Summary, "User", id);
        if (!(await _users.UpdateAsync(user)).Succeeded)
        {
            // The last-sign-in time lost a race with another change to the account (its save, and
            // the audit entry with it, were discarded); the sign-in itself still counts.
            _db.Forget();
            await _audit.RecordNowAsync(AuditActions.SignInSucceeded, request.Summary, "User", id, cancellationToken);
        }

        return Done.Value;
    }
}
