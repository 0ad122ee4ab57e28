using Microsoft.AspNetCore.Identity;
using TrustFund.Application.Accounts;
using TrustFund.Application.Audit;
using TrustFund.Application.Common;

namespace TrustFund.Application.Users;

/// <summary>An administrator lets a deactivated account sign in again with its current password.</summary>
public sealed record ReactivateUser(Guid UserId) : IUseCase<string>;

internal sealed class ReactivateUserHandler : IUseCaseHandler<ReactivateUser, string>
{
    private readonly ITrustFundDb _db;
    private readonly UserManager<TrustFundUser> _users;
    private readonly IAuditTrail _audit;

    public ReactivateUserHandler(ITrustFundDb db, UserManager<TrustFundUser> users, IAuditTrail audit)
    {
        _db = db;
        _users = users;
        _audit = audit;
    }

    /// <returns>The user's name.</returns>
    public async Task<string> HandleAsync(ReactivateUser request, CancellationToken cancellationToken)
    {
        var user = await UserAccounts.FindAsync(_users, request.UserId);
        user.Reactivate();
        await using var transaction = await _db.BeginTransactionAsync(cancellationToken: cancellationToken);
        _audit.Record(AuditActions.UserReactivated, $"{user.Email} reactivated", "User", user.Id.ToString());
        UserAccounts.EnsureSucceeded(await _users.UpdateSecurityStampAsync(user));
        await _db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return user.DisplayName;
    }
}
