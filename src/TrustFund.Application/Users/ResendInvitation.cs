using Microsoft.AspNetCore.Identity;
using TrustFund.Application.Accounts;
using TrustFund.Application.Audit;
using TrustFund.Application.Common;

namespace TrustFund.Application.Users;

/// <summary>An administrator sends a new invitation to someone who has not accepted theirs.</summary>
public sealed record ResendInvitation(Guid UserId) : IUseCase<string>;

internal sealed class ResendInvitationHandler : IUseCaseHandler<ResendInvitation, string>
{
    private readonly ITrustFundDb _db;
    private readonly UserManager<TrustFundUser> _users;
    private readonly IAuditTrail _audit;
    private readonly AccountEmails _emails;
    private readonly ICurrentActor _actor;

    public ResendInvitationHandler(ITrustFundDb db, UserManager<TrustFundUser> users, IAuditTrail audit, AccountEmails emails, ICurrentActor actor)
    {
        _db = db;
        _users = users;
        _audit = audit;
        _emails = emails;
        _actor = actor;
    }

    /// <returns>The address the invitation went to.</returns>
    public async Task<string> HandleAsync(ResendInvitation request, CancellationToken cancellationToken)
    {
        var user = await UserAccounts.FindAsync(_users, request.UserId);
        user.EnsureInvitationPending();
        var roles = TrustFundUser.Ordered(await _users.GetRolesAsync(user));
        _emails.Invitation(user, await UserAccounts.NameOfAsync(_db, _actor.UserId, cancellationToken), roles, await _users.GeneratePasswordResetTokenAsync(user));
        _audit.Record(AuditActions.UserInvited, $"New invitation sent to {user.Email} as {UserAccounts.Describe(roles)}", "User", user.Id.ToString());
        await _db.SaveChangesAsync(cancellationToken);
        return user.Email ?? string.Empty;
    }
}
