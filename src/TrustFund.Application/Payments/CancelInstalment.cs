using FluentValidation;
using TrustFund.Application.Common;
using TrustFund.Domain.Grants;

namespace TrustFund.Application.Payments;

/// <summary>A fund manager or finance officer cancels an instalment not yet paid, with the reason; it will never be paid.</summary>
public sealed record CancelInstalment(Guid GrantId, Guid InstalmentId, string? Reason) : IUseCase<InstalmentChanged>, IRetryOnCollision
{
    public bool MayRetryAfter(Collision collision) => collision.Kind == CollisionKind.SerializationFailure;
}

internal sealed class CancelInstalmentValidator : AbstractValidator<CancelInstalment>
{
    public CancelInstalmentValidator()
    {
        RuleFor(x => x.Reason).NotEmpty().WithMessage("Give the reason for cancelling the instalment.")
            .MaximumLength(Grant.TextMaxLength).WithText("Write at most {0:N0} characters.", Grant.TextMaxLength);
    }
}

internal sealed class CancelInstalmentHandler : IUseCaseHandler<CancelInstalment, InstalmentChanged>
{
    private readonly ITrustFundDb _db;
    private readonly RecordAccess _access;
    private readonly ICurrentActor _actor;
    private readonly TimeProvider _clock;

    public CancelInstalmentHandler(ITrustFundDb db, RecordAccess access, ICurrentActor actor, TimeProvider clock)
    {
        _db = db;
        _access = access;
        _actor = actor;
        _clock = clock;
    }

    public async Task<InstalmentChanged> HandleAsync(CancelInstalment request, CancellationToken cancellationToken)
    {
        var organisationId = await LockedGrant.OrganisationOfAsync(_db, request.GrantId, cancellationToken);
        await _access.EnsureAsync(new PaymentAccess(organisationId), PaymentOperations.Hold);
        await using var locked = await LockedGrant.OpenAsync(_db, request.GrantId, cancellationToken);
        var instalment = locked.Grant.Instalments.FirstOrDefault(i => i.Id == request.InstalmentId) ?? throw new NotFoundException();
        if (instalment.Status == InstalmentStatus.Cancelled)
        {
            return new InstalmentChanged(instalment.Number, instalment.Status, AlreadyDone: true);
        }

        if (instalment.Status == InstalmentStatus.Paid)
        {
            throw InstalmentWords.AlreadyMoved(instalment, ApproveReleaseHandler.Payment(locked.Grant, instalment));
        }

        locked.Grant.CancelInstalment(instalment.Id, request.Reason!, _actor.Name ?? "system", _clock.GetUtcNow().UtcDateTime);
        await _db.SaveChangesAsync(cancellationToken);
        await locked.CommitAsync(cancellationToken);
        return new InstalmentChanged(instalment.Number, InstalmentStatus.Cancelled, AlreadyDone: false);
    }
}
