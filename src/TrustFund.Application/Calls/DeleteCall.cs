using Microsoft.EntityFrameworkCore;
using TrustFund.Application.Common;

namespace TrustFund.Application.Calls;

/// <summary>A fund manager deletes a call that no application uses.</summary>
public sealed record DeleteCall(Guid CallId, Guid? Version) : IUseCase<string>;

internal sealed class DeleteCallHandler : IUseCaseHandler<DeleteCall, string>
{
    private readonly ITrustFundDb _db;

    public DeleteCallHandler(ITrustFundDb db)
    {
        _db = db;
    }

    /// <returns>The deleted call's code.</returns>
    public async Task<string> HandleAsync(DeleteCall request, CancellationToken cancellationToken)
    {
        var call = await _db.Calls.SingleOrDefaultAsync(c => c.Id == request.CallId, cancellationToken) ?? throw new NotFoundException();
        call.Delete(await _db.Applications.CountAsync(a => a.CallId == call.Id, cancellationToken));
        _db.ExpectVersion(call, request.Version);
        _db.Calls.Remove(call);
        try
        {
            await _db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException ex) when (ex is not DbUpdateConcurrencyException)
        {
            // An application was started between the count and the delete: the foreign key refused it.
            _db.Forget();
            call.Delete(await _db.Applications.CountAsync(a => a.CallId == request.CallId, cancellationToken));
            throw;
        }

        return call.Code;
    }
}
