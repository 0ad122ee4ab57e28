using System.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using TrustFund.Application.Accounts;
using TrustFund.Application.Audit;
using TrustFund.Application.Common;

namespace TrustFund.Application.Organisations;

/// <summary>
/// An applicant removes a colleague from the organisation: the account is deactivated and its sessions
/// end. The organisation is never left without an active member, even when two members remove each
/// other at the same moment.
/// </summary>
public sealed record RemoveMember(Guid MemberId) : IUseCase<string>;

internal sealed class RemoveMemberHandler : IUseCaseHandler<RemoveMember, string>
{
    /// <summary>Why the removal was refused: 0 the member's name.</summary>
    public const string OnlyMember = "{0} is the only member of your organisation and cannot be removed. Invite a colleague first.";

    private readonly ITrustFundDb _db;
    private readonly ICurrentActor _actor;
    private readonly RecordAccess _access;
    private readonly UserManager<TrustFundUser> _users;
    private readonly IAuditTrail _audit;

    public RemoveMemberHandler(ITrustFundDb db, ICurrentActor actor, RecordAccess access, UserManager<TrustFundUser> users, IAuditTrail audit)
    {
        _db = db;
        _actor = actor;
        _access = access;
        _users = users;
        _audit = audit;
    }

    /// <returns>The removed member's name.</returns>
    public async Task<string> HandleAsync(RemoveMember request, CancellationToken cancellationToken)
    {
        var organisationId = await OwnOrganisation.IdAsync(_db, _actor, _access, cancellationToken);
        var member = await _db.Users.SingleOrDefaultAsync(u => u.Id == request.MemberId && u.OrganisationId == organisationId && u.IsActive, cancellationToken)
            ?? throw new NotFoundException();

        // Members removing each other at once: each removal first locks the organisation's row (an
        // update that changes nothing takes the row lock on every engine; on SQLite the write lock),
        // then deactivates the member only while another active member remains, in one conditional
        // statement. The second removal waits for the first and then sees it.
        await using var transaction = await _db.BeginTransactionAsync(IsolationLevel.ReadCommitted, cancellationToken);
        await _db.Organisations.Where(o => o.Id == organisationId)
            .ExecuteUpdateAsync(set => set.SetProperty(o => o.Version, o => o.Version), cancellationToken);
        var deactivated = await _db.Users
            .Where(u => u.Id == member.Id && u.IsActive
                && _db.Users.Count(o => o.OrganisationId == organisationId && o.IsActive && o.Id != member.Id) > 0)
            .ExecuteUpdateAsync(set => set.SetProperty(u => u.IsActive, false), cancellationToken);
        if (deactivated == 0)
        {
            throw new RefusedException(Problem.General(OnlyMember, member.DisplayName));
        }

        member.IsActive = false;
        _audit.Record(AuditActions.OrganisationMemberRemoved, $"{_actor.Name} removed {member.Email} from their organisation", "User", member.Id.ToString());
        var stamped = await _users.UpdateSecurityStampAsync(member);
        if (!stamped.Succeeded)
        {
            throw new InvalidOperationException($"Identity refused an account change: {string.Join("; ", stamped.Errors.Select(e => e.Code))}");
        }

        await transaction.CommitAsync(cancellationToken);
        return member.DisplayName;
    }
}
