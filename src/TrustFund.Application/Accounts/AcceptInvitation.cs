using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using TrustFund.Application.Audit;
using TrustFund.Application.Common;

namespace TrustFund.Application.Accounts;

/// <summary>
/// An invited person accepts by choosing their password; their address is thereby confirmed. The account
/// keeps the language of its invitation, unless <see cref="Culture"/> names the one the person chose meanwhile.
/// </summary>
public sealed record AcceptInvitation(string? UserId, string? Code, string Password, string? Culture = null) : IUseCase<PasswordLinkUse>;

internal sealed class AcceptInvitationHandler : IUseCaseHandler<AcceptInvitation, PasswordLinkUse>
{
    private readonly ITrustFundDb _db;
    private readonly UserManager<TrustFundUser> _users;
    private readonly IAuditTrail _audit;
    private readonly RequestLocalizationOptions _localization;

    public AcceptInvitationHandler(ITrustFundDb db, UserManager<TrustFundUser> users, IAuditTrail audit, IOptions<RequestLocalizationOptions> localization)
    {
        _db = db;
        _users = users;
        _audit = audit;
        _localization = localization.Value;
    }

    public async Task<PasswordLinkUse> HandleAsync(AcceptInvitation request, CancellationToken cancellationToken)
    {
        if (await AccountLinkReader.ReadInvitationAsync(_users, request.UserId, request.Code) is not { } link)
        {
            return PasswordLinkUse.LinkInvalid;
        }

        var chosen = InvitationLanguage.Of(_localization, request.Culture, nameof(AcceptInvitation.Culture));
        var user = link.User;
        await using var transaction = await _db.BeginTransactionAsync(cancellationToken: cancellationToken);
        var accepted = await _users.ResetPasswordAsync(user, link.Token, request.Password);
        if (!accepted.Succeeded)
        {
            if (accepted.Errors.Any(e => e.Code == nameof(IdentityErrorDescriber.InvalidToken)))
            {
                _db.Forget();
                return PasswordLinkUse.LinkInvalid;
            }

            throw new RefusedException(IdentityProblems.From(accepted, nameof(AcceptInvitation.Password), string.Empty));
        }

        user.EmailConfirmed = true;
        if (chosen is not null)
        {
            user.PreferredCulture = chosen;
        }

        _audit.Record(AuditActions.InvitationAccepted, $"{user.Email} accepted their invitation and chose a password", "User", user.Id.ToString());
        if (!(await _users.UpdateAsync(user)).Succeeded)
        {
            throw new InvalidOperationException("Identity refused to save an accepted invitation.");
        }

        await transaction.CommitAsync(cancellationToken);
        return PasswordLinkUse.PasswordSet;
    }
}
