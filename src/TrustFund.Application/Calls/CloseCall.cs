using Microsoft.EntityFrameworkCore;
using TrustFund.Application.Common;

namespace TrustFund.Application.Calls;

/// <summary>A fund manager closes a published call: no more submissions.</summary>
public sealed record CloseCall(Guid CallId, Guid? Version) : IUseCase<string>;

internal sealed class CloseCallHandler : IUseCaseHandler<CloseCall, string>
{
    private readonly ITrustFundDb _db;
    private readonly TimeProvider _clock;

    public CloseCallHandler(ITrustFundDb db, TimeProvider clock)
    {
        _db = db;
        _clock = clock;
    }

    /// <returns>The call's code.</returns>
    public async Task<string> HandleAsync(CloseCall request, CancellationToken cancellationToken)
    {
        var call = await _db.Calls.SingleOrDefaultAsync(c => c.Id == request.CallId, cancellationToken) ?? throw new NotFoundException();
        call.Close(_clock.GetUtcNow().UtcDateTime);
        _db.ExpectVersion(call, request.Version);
        await _db.SaveChangesAsync(cancellationToken);
        return call.Code;
    }
}
