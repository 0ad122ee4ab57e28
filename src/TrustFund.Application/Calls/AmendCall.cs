using Microsoft.EntityFrameworkCore;
using TrustFund.Application.Common;
using TrustFund.Domain.Calls;

namespace TrustFund.Application.Calls;

/// <summary>
/// A fund manager changes a call's terms: a draft freely; a published call by an amendment with a
/// reason (audited, and emailed to the organisations with drafts or submissions by <see cref="OnCallAmended"/>).
/// </summary>
public sealed record AmendCall(Guid CallId, Guid? Version, CallTerms Terms, string? Reason) : IUseCase<AmendedCall>;

/// <summary>The amendment recorded (null for a draft or when nothing changed), and whether the closing date moved.</summary>
public sealed record AmendedCall(CallAmendment? Amendment, bool DeadlineMoved);

internal sealed class AmendCallHandler : IUseCaseHandler<AmendCall, AmendedCall>
{
    private readonly ITrustFundDb _db;
    private readonly ICollisionDetector _collisions;
    private readonly ICurrentActor _actor;
    private readonly TimeProvider _clock;

    public AmendCallHandler(ITrustFundDb db, ICollisionDetector collisions, ICurrentActor actor, TimeProvider clock)
    {
        _db = db;
        _collisions = collisions;
        _actor = actor;
        _clock = clock;
    }

    public async Task<AmendedCall> HandleAsync(AmendCall request, CancellationToken cancellationToken)
    {
        var call = await _db.Calls.SingleOrDefaultAsync(c => c.Id == request.CallId, cancellationToken) ?? throw new NotFoundException();
        _db.ExpectVersion(call, request.Version);
        await CallCodes.EnsureFreeAsync(_db, request.Terms.Code, call.Id, cancellationToken);
        var closing = call.ClosesAtUtc;
        var amendment = call.Amend(request.Terms, request.Reason, _actor.Name ?? "system", _clock.GetUtcNow().UtcDateTime);
        await CallCodes.SaveAsync(_db, _collisions, call.Code, cancellationToken);
        return new AmendedCall(amendment, amendment is not null && closing != call.ClosesAtUtc);
    }
}
