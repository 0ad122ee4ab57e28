using Microsoft.AspNetCore.Identity;
using TrustFund.Application.Accounts;
using TrustFund.Application.Audit;
using TrustFund.Application.Common;

namespace TrustFund.Application.Users;

/// <summary>An administrator gives a user the roles checked on their page; the user's open sessions end.</summary>
public sealed record ChangeUserRoles(Guid UserId, IReadOnlyList<string> Roles) : IUseCase<RolesChange>;

/// <summary>Whose roles, and whether they changed at all.</summary>
public sealed record RolesChange(string Name, bool Changed);

internal sealed class ChangeUserRolesHandler : IUseCaseHandler<ChangeUserRoles, RolesChange>
{
    private readonly ITrustFundDb _db;
    private readonly UserManager<TrustFundUser> _users;
    private readonly IAuditTrail _audit;
    private readonly ICurrentActor _actor;

    public ChangeUserRolesHandler(ITrustFundDb db, UserManager<TrustFundUser> users, IAuditTrail audit, ICurrentActor actor)
    {
        _db = db;
        _users = users;
        _audit = audit;
        _actor = actor;
    }

    public async Task<RolesChange> HandleAsync(ChangeUserRoles request, CancellationToken cancellationToken)
    {
        var user = await UserAccounts.FindAsync(_users, request.UserId);
        var current = TrustFundUser.Ordered(await _users.GetRolesAsync(user));
        var wanted = TrustFundUser.Ordered(request.Roles);
        user.CheckRoleChange(current, wanted, _actor.UserId);
        if (current.SequenceEqual(wanted))
        {
            return new RolesChange(user.DisplayName, Changed: false);
        }

        await using var transaction = await _db.BeginTransactionAsync(cancellationToken: cancellationToken);
        var removed = current.Except(wanted).ToList();
        var added = wanted.Except(current).ToList();
        if (removed.Count > 0)
        {
            UserAccounts.EnsureSucceeded(await _users.RemoveFromRolesAsync(user, removed));
        }

        if (added.Count > 0)
        {
            UserAccounts.EnsureSucceeded(await _users.AddToRolesAsync(user, added));
        }

        _audit.Record(AuditActions.RolesChanged, $"Roles of {user.Email} changed: {UserAccounts.Describe(current)} -> {UserAccounts.Describe(wanted)}", "User", user.Id.ToString());
        UserAccounts.EnsureSucceeded(await _users.UpdateSecurityStampAsync(user));
        await _db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return new RolesChange(user.DisplayName, Changed: true);
    }
}
