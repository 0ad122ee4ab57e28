using Microsoft.EntityFrameworkCore;
using TrustFund.Application.Common;

namespace TrustFund.Application.Organisations;

/// <summary>The active members of the signed-in applicant's organisation.</summary>
public sealed record ListMembers : IUseCase<IReadOnlyList<MemberRow>>;

/// <summary>One member of an organisation in a members list.</summary>
public sealed record MemberRow(Guid Id, string Name, string Email, bool HasPassword, DateTime? LastSignInAtUtc);

internal sealed class ListMembersHandler : IUseCaseHandler<ListMembers, IReadOnlyList<MemberRow>>
{
    private readonly ITrustFundDb _db;
    private readonly ICurrentActor _actor;
    private readonly RecordAccess _access;

    public ListMembersHandler(ITrustFundDb db, ICurrentActor actor, RecordAccess access)
    {
        _db = db;
        _actor = actor;
        _access = access;
    }

    public async Task<IReadOnlyList<MemberRow>> HandleAsync(ListMembers request, CancellationToken cancellationToken) =>
        await MembersOfAsync(_db, await OwnOrganisation.IdAsync(_db, _actor, _access, cancellationToken), cancellationToken);

    /// <summary>The active members of an organisation, by name.</summary>
    public static async Task<IReadOnlyList<MemberRow>> MembersOfAsync(ITrustFundDb db, Guid organisationId, CancellationToken cancellationToken) =>
        await db.Users.AsNoTracking()
            .Where(u => u.OrganisationId == organisationId && u.IsActive)
            .OrderBy(u => u.DisplayName)
            .Select(u => new MemberRow(u.Id, u.DisplayName, u.Email!, u.PasswordHash != null, u.LastSignInAtUtc))
            .ToListAsync(cancellationToken);
}
