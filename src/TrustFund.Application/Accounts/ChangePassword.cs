using Microsoft.AspNetCore.Identity;
using TrustFund.Application.Audit;
using TrustFund.Application.Common;

namespace TrustFund.Application.Accounts;

/// <summary>A signed-in user changes their password: their other sessions end and they are told by email.</summary>
public sealed record ChangePassword(string CurrentPassword, string NewPassword) : IUseCase<Done>;

internal sealed class ChangePasswordHandler : IUseCaseHandler<ChangePassword, Done>
{
    private readonly ITrustFundDb _db;
    private readonly UserManager<TrustFundUser> _users;
    private readonly IAuditTrail _audit;
    private readonly AccountEmails _emails;
    private readonly ICurrentActor _actor;

    public ChangePasswordHandler(ITrustFundDb db, UserManager<TrustFundUser> users, IAuditTrail audit, AccountEmails emails, ICurrentActor actor)
    {
        _db = db;
        _users = users;
        _audit = audit;
        _emails = emails;
        _actor = actor;
    }

    public async Task<Done> HandleAsync(ChangePassword request, CancellationToken cancellationToken)
    {
        var user = await _users.GetUserAsync(_actor.User) ?? throw new NotFoundException();
        await using var transaction = await _db.BeginTransactionAsync(cancellationToken: cancellationToken);
        var changed = await _users.ChangePasswordAsync(user, request.CurrentPassword, request.NewPassword);
        if (!changed.Succeeded)
        {
            await transaction.RollbackAsync(cancellationToken);
            throw new RefusedException(changed.Errors.Any(e => e.Code == nameof(IdentityErrorDescriber.PasswordMismatch))
                ? [Problem.For(nameof(ChangePassword.CurrentPassword), "Your current password is incorrect.")]
                : IdentityProblems.From(changed, nameof(ChangePassword.NewPassword), string.Empty));
        }

        _audit.Record(AuditActions.PasswordChanged, $"{user.Email} changed their password; other sessions end", "User", user.Id.ToString());
        _emails.PasswordChanged(user);
        await _db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return Done.Value;
    }
}
