using Microsoft.EntityFrameworkCore;
using TrustFund.Application.Common;
using TrustFund.Domain.Organisations;

namespace TrustFund.Application.Organisations;

/// <summary>The signed-in applicant's organisation (its profile page).</summary>
public sealed record ShowOwnOrganisation : IUseCase<Organisation>;

internal sealed class ShowOwnOrganisationHandler : IUseCaseHandler<ShowOwnOrganisation, Organisation>
{
    private readonly ITrustFundDb _db;
    private readonly ICurrentActor _actor;
    private readonly RecordAccess _access;

    public ShowOwnOrganisationHandler(ITrustFundDb db, ICurrentActor actor, RecordAccess access)
    {
        _db = db;
        _actor = actor;
        _access = access;
    }

    public async Task<Organisation> HandleAsync(ShowOwnOrganisation request, CancellationToken cancellationToken)
    {
        var id = await OwnOrganisation.IdAsync(_db, _actor, _access, cancellationToken);
        return await _db.Organisations.AsNoTracking().SingleOrDefaultAsync(o => o.Id == id, cancellationToken) ?? throw new NotFoundException();
    }
}
