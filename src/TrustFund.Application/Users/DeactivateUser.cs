using FluentValidation;
using Microsoft.AspNetCore.Identity;
using TrustFund.Application.Accounts;
using TrustFund.Application.Audit;
using TrustFund.Application.Common;

namespace TrustFund.Application.Users;

/// <summary>
/// An administrator deactivates an account, giving the reason (kept in the audit trail): it can no
/// longer sign in and its open sessions end. Its roles and records stay.
/// </summary>
public sealed record DeactivateUser(Guid UserId, string Reason) : IUseCase<string>
{
    public const int ReasonMaxLength = 500;
}

internal sealed class DeactivateUserValidator : AbstractValidator<DeactivateUser>
{
    public DeactivateUserValidator()
    {
        RuleFor(x => x.Reason).Cascade(CascadeMode.Stop)
            .Must(v => !string.IsNullOrWhiteSpace(v)).WithMessage("Give the reason for deactivating this account.")
            .Must(v => v.Trim().Length <= DeactivateUser.ReasonMaxLength).WithMessage("The reason must be 500 characters or fewer.");
    }
}

internal sealed class DeactivateUserHandler : IUseCaseHandler<DeactivateUser, string>
{
    private readonly ITrustFundDb _db;
    private readonly UserManager<TrustFundUser> _users;
    private readonly IAuditTrail _audit;
    private readonly ICurrentActor _actor;

    public DeactivateUserHandler(ITrustFundDb db, UserManager<TrustFundUser> users, IAuditTrail audit, ICurrentActor actor)
    {
        _db = db;
        _users = users;
        _audit = audit;
        _actor = actor;
    }

    /// <returns>The user's name.</returns>
    public async Task<string> HandleAsync(DeactivateUser request, CancellationToken cancellationToken)
    {
        var user = await UserAccounts.FindAsync(_users, request.UserId);
        user.Deactivate(_actor.UserId);
        await using var transaction = await _db.BeginTransactionAsync(cancellationToken: cancellationToken);
        _audit.Record(AuditActions.UserDeactivated, $"{user.Email} deactivated. Reason: {request.Reason.Trim()}", "User", user.Id.ToString());

        // A new security stamp ends every open session of the account at once.
        UserAccounts.EnsureSucceeded(await _users.UpdateSecurityStampAsync(user));
        await _db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return user.DisplayName;
    }
}
