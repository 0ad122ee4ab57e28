using TrustFund.Application.Common;
using TrustFund.Domain.Grants;

namespace TrustFund.Application.Payments;

/// <summary>A fund manager or finance officer takes an instalment off hold: it returns to where it was held from.</summary>
public sealed record TakeInstalmentOffHold(Guid GrantId, Guid InstalmentId) : IUseCase<InstalmentChanged>, IRetryOnCollision
{
    public bool MayRetryAfter(Collision collision) => collision.Kind == CollisionKind.SerializationFailure;
}

internal sealed class TakeInstalmentOffHoldHandler : IUseCaseHandler<TakeInstalmentOffHold, InstalmentChanged>
{
    private readonly ITrustFundDb _db;
    private readonly RecordAccess _access;
    private readonly ICurrentActor _actor;

    public TakeInstalmentOffHoldHandler(ITrustFundDb db, RecordAccess access, ICurrentActor actor)
    {
        _db = db;
        _access = access;
        _actor = actor;
    }

    public async Task<InstalmentChanged> HandleAsync(TakeInstalmentOffHold request, CancellationToken cancellationToken)
    {
        var organisationId = await LockedGrant.OrganisationOfAsync(_db, request.GrantId, cancellationToken);
        await _access.EnsureAsync(new PaymentAccess(organisationId), PaymentOperations.Hold);
        await using var locked = await LockedGrant.OpenAsync(_db, request.GrantId, cancellationToken);
        var instalment = locked.Grant.Instalments.FirstOrDefault(i => i.Id == request.InstalmentId) ?? throw new NotFoundException();
        if (instalment.Status != InstalmentStatus.OnHold)
        {
            throw new RefusedException(Problem.General("Instalment {0} is not on hold: nothing was changed.", instalment.Number));
        }

        locked.Grant.TakeInstalmentOffHold(instalment.Id, _actor.Name ?? "system");
        await _db.SaveChangesAsync(cancellationToken);
        await locked.CommitAsync(cancellationToken);
        return new InstalmentChanged(instalment.Number, instalment.Status, AlreadyDone: false);
    }
}
