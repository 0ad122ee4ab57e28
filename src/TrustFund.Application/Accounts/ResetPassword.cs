using Microsoft.AspNetCore.Identity;
using TrustFund.Application.Audit;
using TrustFund.Application.Common;

namespace TrustFund.Application.Accounts;

/// <summary>
/// Someone chooses a new password through the emailed reset link: the address is thereby confirmed,
/// a lockout ends, the other sessions end, and the owner is told by email.
/// </summary>
public sealed record ResetPassword(string? UserId, string? Code, string Password) : IUseCase<PasswordLinkUse>;

internal sealed class ResetPasswordHandler : IUseCaseHandler<ResetPassword, PasswordLinkUse>
{
    private readonly ITrustFundDb _db;
    private readonly UserManager<TrustFundUser> _users;
    private readonly IAuditTrail _audit;
    private readonly AccountEmails _emails;

    public ResetPasswordHandler(ITrustFundDb db, UserManager<TrustFundUser> users, IAuditTrail audit, AccountEmails emails)
    {
        _db = db;
        _users = users;
        _audit = audit;
        _emails = emails;
    }

    public async Task<PasswordLinkUse> HandleAsync(ResetPassword request, CancellationToken cancellationToken)
    {
        if (await AccountLinkReader.ReadAsync(_users, request.UserId, request.Code) is not { } link)
        {
            return PasswordLinkUse.LinkInvalid;
        }

        var user = link.User;
        await using var transaction = await _db.BeginTransactionAsync(cancellationToken: cancellationToken);
        var reset = await _users.ResetPasswordAsync(user, link.Token, request.Password);
        if (!reset.Succeeded)
        {
            if (reset.Errors.Any(e => e.Code == nameof(IdentityErrorDescriber.InvalidToken)))
            {
                _db.Forget();
                return PasswordLinkUse.LinkInvalid;
            }

            throw new RefusedException(IdentityProblems.From(reset, nameof(ResetPassword.Password), string.Empty));
        }

        // The link reached the address, so it is confirmed; the lockout message promises that a reset ends a lockout.
        if (!user.EmailConfirmed)
        {
            user.EmailConfirmed = true;
            _audit.Record(AuditActions.EmailConfirmed, $"{user.Email} confirmed their email address by resetting their password", "User", user.Id.ToString());
        }

        user.LockoutEnd = null;
        user.AccessFailedCount = 0;
        _audit.Record(AuditActions.PasswordReset, $"{user.Email} reset their password; other sessions end", "User", user.Id.ToString());
        _emails.PasswordChanged(user);
        if (!(await _users.UpdateAsync(user)).Succeeded)
        {
            throw new InvalidOperationException("Identity refused to save a reset password.");
        }

        await transaction.CommitAsync(cancellationToken);
        return PasswordLinkUse.PasswordSet;
    }
}
