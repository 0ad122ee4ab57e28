using TrustFund.Application.Common;
using TrustFund.Domain.Grants;

namespace TrustFund.Application.Grants;

/// <summary>
/// A fund manager moves an active grant into closure: the project has ended, and its final reports,
/// last payment and unspent funds are settled next. Sent twice, it changes nothing the second time.
/// </summary>
public sealed record BeginGrantClosing(Guid GrantId, Guid? Version) : IUseCase<Done>;

internal sealed class BeginGrantClosingHandler : IUseCaseHandler<BeginGrantClosing, Done>
{
    private readonly ITrustFundDb _db;
    private readonly RecordAccess _access;
    private readonly ICurrentActor _actor;

    public BeginGrantClosingHandler(ITrustFundDb db, RecordAccess access, ICurrentActor actor)
    {
        _db = db;
        _access = access;
        _actor = actor;
    }

    public async Task<Done> HandleAsync(BeginGrantClosing request, CancellationToken cancellationToken)
    {
        var grant = await GrantReading.LoadAsync(_db, _access, request.GrantId, GrantOperations.Manage, cancellationToken);
        if (grant.Status == GrantStatus.Closing)
        {
            return Done.Value;
        }

        _db.ExpectVersion(grant, request.Version);
        grant.BeginClosing(_actor.Name ?? "unknown");
        await _db.SaveChangesAsync(cancellationToken);
        return Done.Value;
    }
}
