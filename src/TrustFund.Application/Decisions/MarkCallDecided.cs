using System.Globalization;
using TrustFund.Application.Audit;
using TrustFund.Application.Common;
using TrustFund.Application.Reviews;
using TrustFund.Domain.Calls;

namespace TrustFund.Application.Decisions;

/// <summary>
/// A fund manager marks a closed call as decided once the Board has decided on every ranked
/// application (none left undecided or deferred). Reserve-list applications can still be approved
/// afterwards, while funds remain. <see cref="Version"/> is the call's version the page showed.
/// </summary>
public sealed record MarkCallDecided(Guid CallId, Guid? Version) : IUseCase<Done>;

internal sealed class MarkCallDecidedHandler : IUseCaseHandler<MarkCallDecided, Done>
{
    private readonly ITrustFundDb _db;
    private readonly IRankings _rankings;
    private readonly IAuditTrail _audit;

    public MarkCallDecidedHandler(ITrustFundDb db, IRankings rankings, IAuditTrail audit)
    {
        _db = db;
        _rankings = rankings;
        _audit = audit;
    }

    public async Task<Done> HandleAsync(MarkCallDecided request, CancellationToken cancellationToken)
    {
        var board = await DecisionBoard.ReadAsync(_db, _rankings, request.CallId, cancellationToken);
        if (board.Call.Status == CallStatus.Decided)
        {
            return Done.Value;
        }

        var page = board.Page();
        if (page.Sessions.Count == 0)
        {
            throw new RefusedException(Problem.General("Record the Board's session and its decisions before marking the call as decided."));
        }

        if (page.Open > 0)
        {
            throw new RefusedException(Problem.General("{0} ranked application(s) are still undecided or deferred: the Board must decide on each before the call is decided.", page.Open));
        }

        var call = await _db.Calls.FindAsync([request.CallId], cancellationToken) ?? throw new NotFoundException();
        _db.ExpectVersion(call, request.Version);
        call.MarkDecided();
        _audit.Record(AuditActions.CallDecided, $"Call {call.Code} marked as decided", nameof(Call), call.Id.ToString("D", CultureInfo.InvariantCulture));
        await _db.SaveChangesAsync(cancellationToken);
        return Done.Value;
    }
}
