using FluentValidation;
using TrustFund.Application.Common;
using TrustFund.Domain.Grants;

namespace TrustFund.Application.Payments;

/// <summary>A fund manager or finance officer puts an instalment not yet paid on hold, with the reason; nothing moves it until it is taken off hold.</summary>
public sealed record PutInstalmentOnHold(Guid GrantId, Guid InstalmentId, string? Reason) : IUseCase<InstalmentChanged>, IRetryOnCollision
{
    public bool MayRetryAfter(Collision collision) => collision.Kind == CollisionKind.SerializationFailure;
}

internal sealed class PutInstalmentOnHoldValidator : AbstractValidator<PutInstalmentOnHold>
{
    public PutInstalmentOnHoldValidator()
    {
        RuleFor(x => x.Reason).NotEmpty().WithMessage("Give the reason for putting the instalment on hold.")
            .MaximumLength(Grant.TextMaxLength).WithText("Write at most {0:N0} characters.", Grant.TextMaxLength);
    }
}

internal sealed class PutInstalmentOnHoldHandler : IUseCaseHandler<PutInstalmentOnHold, InstalmentChanged>
{
    private readonly ITrustFundDb _db;
    private readonly RecordAccess _access;
    private readonly ICurrentActor _actor;

    public PutInstalmentOnHoldHandler(ITrustFundDb db, RecordAccess access, ICurrentActor actor)
    {
        _db = db;
        _access = access;
        _actor = actor;
    }

    public async Task<InstalmentChanged> HandleAsync(PutInstalmentOnHold request, CancellationToken cancellationToken)
    {
        var organisationId = await LockedGrant.OrganisationOfAsync(_db, request.GrantId, cancellationToken);
        await _access.EnsureAsync(new PaymentAccess(organisationId), PaymentOperations.Hold);
        await using var locked = await LockedGrant.OpenAsync(_db, request.GrantId, cancellationToken);
        var instalment = locked.Grant.Instalments.FirstOrDefault(i => i.Id == request.InstalmentId) ?? throw new NotFoundException();
        if (instalment.Status == InstalmentStatus.OnHold && string.Equals(instalment.HoldReason, request.Reason!.Trim(), StringComparison.Ordinal))
        {
            return new InstalmentChanged(instalment.Number, instalment.Status, AlreadyDone: true);
        }

        locked.Grant.PutInstalmentOnHold(instalment.Id, request.Reason!, _actor.Name ?? "system");
        await _db.SaveChangesAsync(cancellationToken);
        await locked.CommitAsync(cancellationToken);
        return new InstalmentChanged(instalment.Number, InstalmentStatus.OnHold, AlreadyDone: false);
    }
}
