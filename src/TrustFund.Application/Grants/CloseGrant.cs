using TrustFund.Application.Common;
using TrustFund.Domain.Grants;

namespace TrustFund.Application.Grants;

/// <summary>
/// A fund manager closes a grant in closure: its final reports accepted, every instalment paid or
/// cancelled, no amendment waiting, and the unspent balance of the final financial report refunded or
/// written off. Every unmet condition is named. Closing a closed grant again changes nothing.
/// </summary>
public sealed record CloseGrant(Guid GrantId, Guid? Version) : IUseCase<Done>;

internal sealed class CloseGrantHandler : IUseCaseHandler<CloseGrant, Done>
{
    private readonly ITrustFundDb _db;
    private readonly RecordAccess _access;
    private readonly ICurrentActor _actor;
    private readonly TimeProvider _clock;

    public CloseGrantHandler(ITrustFundDb db, RecordAccess access, ICurrentActor actor, TimeProvider clock)
    {
        _db = db;
        _access = access;
        _actor = actor;
        _clock = clock;
    }

    public async Task<Done> HandleAsync(CloseGrant request, CancellationToken cancellationToken)
    {
        var grant = await GrantReading.LoadAsync(_db, _access, request.GrantId, GrantOperations.Manage, cancellationToken);
        if (grant.Status == GrantStatus.Closed)
        {
            return Done.Value;
        }

        _db.ExpectVersion(grant, request.Version);
        var facts = await ClosureFacts.ReadAsync(_db, grant.Id, cancellationToken);
        grant.Close(facts.FinalReportsAreAccepted, facts.UnspentBalance, _actor.Name ?? "unknown", _clock.GetUtcNow().UtcDateTime);
        await _db.SaveChangesAsync(cancellationToken);
        return Done.Value;
    }
}
