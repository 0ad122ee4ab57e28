using TrustFund.Application.Common;
using TrustFund.Domain.Calls;

namespace TrustFund.Application.Calls;

/// <summary>A fund manager drafts a new call; applicants see nothing until it is published.</summary>
public sealed record DraftCall(CallTerms Terms) : IUseCase<DraftedCall>;

/// <summary>The call saved as a draft.</summary>
public sealed record DraftedCall(Guid Id, string Code);

internal sealed class DraftCallHandler : IUseCaseHandler<DraftCall, DraftedCall>
{
    private readonly ITrustFundDb _db;
    private readonly ICollisionDetector _collisions;
    private readonly TimeProvider _clock;

    public DraftCallHandler(ITrustFundDb db, ICollisionDetector collisions, TimeProvider clock)
    {
        _db = db;
        _collisions = collisions;
        _clock = clock;
    }

    public async Task<DraftedCall> HandleAsync(DraftCall request, CancellationToken cancellationToken)
    {
        await CallCodes.EnsureFreeAsync(_db, request.Terms.Code, null, cancellationToken);
        var call = Call.Draft(request.Terms, _clock.GetUtcNow().UtcDateTime);
        _db.Calls.Add(call);
        await CallCodes.SaveAsync(_db, _collisions, call.Code, cancellationToken);
        return new DraftedCall(call.Id, call.Code);
    }
}
