using Microsoft.AspNetCore.Identity;
using TrustFund.Application.Audit;
using TrustFund.Application.Common;

namespace TrustFund.Application.Accounts;

/// <summary>Someone opens the link that confirms their email address.</summary>
public sealed record ConfirmEmail(string? UserId, string? Code) : IUseCase<EmailConfirmation>;

/// <summary>What opening a confirmation link did.</summary>
public enum EmailConfirmation
{
    Confirmed,

    /// <summary>The address was confirmed before, by this link or another.</summary>
    AlreadyConfirmed,

    /// <summary>The link is garbled, expired, spent, or names no active account.</summary>
    LinkInvalid,
}

internal sealed class ConfirmEmailHandler : IUseCaseHandler<ConfirmEmail, EmailConfirmation>
{
    private readonly ITrustFundDb _db;
    private readonly UserManager<TrustFundUser> _users;
    private readonly IAuditTrail _audit;

    public ConfirmEmailHandler(ITrustFundDb db, UserManager<TrustFundUser> users, IAuditTrail audit)
    {
        _db = db;
        _users = users;
        _audit = audit;
    }

    public async Task<EmailConfirmation> HandleAsync(ConfirmEmail request, CancellationToken cancellationToken)
    {
        if (await AccountLinkReader.ReadAsync(_users, request.UserId, request.Code) is not { } link)
        {
            return EmailConfirmation.LinkInvalid;
        }

        var (user, token) = link;
        if (user.EmailConfirmed)
        {
            return await _users.VerifyUserTokenAsync(user, _users.Options.Tokens.EmailConfirmationTokenProvider, UserManager<TrustFundUser>.ConfirmEmailTokenPurpose, token)
                ? EmailConfirmation.AlreadyConfirmed
                : EmailConfirmation.LinkInvalid;
        }

        await using var transaction = await _db.BeginTransactionAsync(cancellationToken: cancellationToken);
        if (!(await _users.ConfirmEmailAsync(user, token)).Succeeded)
        {
            _db.Forget();
            return EmailConfirmation.LinkInvalid;
        }

        _audit.Record(AuditActions.EmailConfirmed, $"{user.Email} confirmed their email address", "User", user.Id.ToString());
        await _db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return EmailConfirmation.Confirmed;
    }
}
