using Microsoft.EntityFrameworkCore;
using TrustFund.Application.Common;

namespace TrustFund.Application.Calls;

/// <summary>A fund manager opens a draft call to applicants.</summary>
public sealed record PublishCall(Guid CallId, Guid? Version) : IUseCase<string>;

internal sealed class PublishCallHandler : IUseCaseHandler<PublishCall, string>
{
    private readonly ITrustFundDb _db;
    private readonly TimeProvider _clock;

    public PublishCallHandler(ITrustFundDb db, TimeProvider clock)
    {
        _db = db;
        _clock = clock;
    }

    /// <returns>The call's code.</returns>
    public async Task<string> HandleAsync(PublishCall request, CancellationToken cancellationToken)
    {
        var call = await _db.Calls.SingleOrDefaultAsync(c => c.Id == request.CallId, cancellationToken) ?? throw new NotFoundException();
        call.Publish(_clock.GetUtcNow().UtcDateTime);
        _db.ExpectVersion(call, request.Version);
        await _db.SaveChangesAsync(cancellationToken);
        return call.Code;
    }
}
