using TrustFund.Application.Common;
using TrustFund.Domain.Grants;

namespace TrustFund.Application.Payments;

/// <summary>
/// A finance officer approves a requested release: never the person who requested it, never while a
/// concern against the organisation is open, never without verified bank details, and never beyond
/// the grant's amount.
/// </summary>
public sealed record ApproveRelease(Guid GrantId, Guid InstalmentId) : IUseCase<ReleaseApproved>, IRetryOnCollision
{
    public bool MayRetryAfter(Collision collision) => collision.Kind == CollisionKind.SerializationFailure;
}

/// <summary>The instalment's number, and whether the same person had already approved it (a second press).</summary>
public sealed record ReleaseApproved(int Number, bool AlreadyApproved);

internal sealed class ApproveReleaseHandler : IUseCaseHandler<ApproveRelease, ReleaseApproved>
{
    private readonly ITrustFundDb _db;
    private readonly RecordAccess _access;
    private readonly ICurrentActor _actor;
    private readonly TimeProvider _clock;

    public ApproveReleaseHandler(ITrustFundDb db, RecordAccess access, ICurrentActor actor, TimeProvider clock)
    {
        _db = db;
        _access = access;
        _actor = actor;
        _clock = clock;
    }

    public async Task<ReleaseApproved> HandleAsync(ApproveRelease request, CancellationToken cancellationToken)
    {
        var organisationId = await LockedGrant.OrganisationOfAsync(_db, request.GrantId, cancellationToken);
        await _access.EnsureAsync(new PaymentAccess(organisationId), PaymentOperations.Settle);
        await using var locked = await LockedGrant.OpenAsync(_db, request.GrantId, cancellationToken);
        var grant = locked.Grant;
        var instalment = grant.Instalments.FirstOrDefault(i => i.Id == request.InstalmentId) ?? throw new NotFoundException();
        var userId = _actor.UserId ?? throw new NotFoundException();
        if (instalment.Status == InstalmentStatus.Approved && instalment.ApprovedById == userId)
        {
            return new ReleaseApproved(instalment.Number, AlreadyApproved: true);
        }

        if (instalment.Status is InstalmentStatus.Approved or InstalmentStatus.Paid)
        {
            throw InstalmentWords.AlreadyMoved(instalment, Payment(grant, instalment));
        }

        await BankVerification.CatchUpAsync(_db, grant, cancellationToken);
        grant.ApproveRelease(instalment.Id, userId, _actor.Name ?? "system", locked.OpenConcerns, _clock.GetUtcNow().UtcDateTime);
        await _db.SaveChangesAsync(cancellationToken);
        await locked.CommitAsync(cancellationToken);
        return new ReleaseApproved(instalment.Number, AlreadyApproved: false);
    }

    internal static LedgerEntry? Payment(Grant grant, Instalment instalment) =>
        instalment.PaymentEntryId is { } id ? grant.Ledger.FirstOrDefault(e => e.Id == id) : null;
}
