using Microsoft.EntityFrameworkCore;
using TrustFund.Application.Common;

namespace TrustFund.Application.Organisations;

/// <summary>The organisation the signed-in applicant acts for, read from their account (not found for anyone else).</summary>
internal static class OwnOrganisation
{
    public static async Task<Guid> IdAsync(ITrustFundDb db, ICurrentActor actor, RecordAccess access, CancellationToken cancellationToken)
    {
        var userId = actor.UserId ?? throw new NotFoundException();
        var organisationId = await db.Users.AsNoTracking().Where(u => u.Id == userId).Select(u => u.OrganisationId).SingleOrDefaultAsync(cancellationToken)
            ?? throw new NotFoundException();
        await access.EnsureAsync(new OrganisationAccess(organisationId), OrganisationOperations.ActFor);
        return organisationId;
    }
}
