using Microsoft.EntityFrameworkCore;
using TrustFund.Application.Common;
using TrustFund.Application.Decisions;
using TrustFund.Domain.Common;
using TrustFund.Domain.Grants;

namespace TrustFund.Application.Grants;

/// <summary>
/// A grant's amendments: every one asked for (no-cost extensions and budget revisions), who asked, why,
/// the values before and asked for, and the fund manager's decision; with what the reader may do.
/// </summary>
public sealed record ShowAmendments(Guid GrantId) : IUseCase<GrantAmendmentsPage>;

/// <summary>The amendments page of a grant.</summary>
/// <param name="Uncommitted">What the grant's call can still fund (the most a budget revision may raise a grant by); shown to fund managers.</param>
public sealed record GrantAmendmentsPage(Grant Grant, GrantParties Parties, bool CanManage, bool CanRequest, Money Uncommitted)
{
    /// <summary>Whether amendments may be asked for now (not once the grant is in closure or closed).</summary>
    public bool IsOpen => Grant.Status is not (GrantStatus.Closing or GrantStatus.Closed);
}

internal sealed class ShowAmendmentsHandler : IUseCaseHandler<ShowAmendments, GrantAmendmentsPage>
{
    private readonly ITrustFundDb _db;
    private readonly RecordAccess _access;

    public ShowAmendmentsHandler(ITrustFundDb db, RecordAccess access)
    {
        _db = db;
        _access = access;
    }

    public async Task<GrantAmendmentsPage> HandleAsync(ShowAmendments request, CancellationToken cancellationToken)
    {
        var grant = await GrantReading.LoadAsync(_db, _access, request.GrantId, GrantOperations.Read, cancellationToken);
        var manage = await _access.AllowsAsync(GrantAccess.Of(grant), GrantOperations.Manage);
        return new GrantAmendmentsPage(
            grant,
            await GrantReading.PartiesAsync(_db, grant, cancellationToken),
            manage,
            await _access.AllowsAsync(GrantAccess.Of(grant), GrantOperations.RequestAmendment),
            manage ? await GrantFunds.UncommittedAsync(_db, grant.CallId, cancellationToken) : Money.Zero);
    }
}

/// <summary>What a grant's call can still fund, for raising a grant through a budget revision.</summary>
internal static class GrantFunds
{
    public static async Task<Money> UncommittedAsync(ITrustFundDb db, Guid callId, CancellationToken cancellationToken)
    {
        var call = await db.Calls.AsNoTracking().SingleAsync(c => c.Id == callId, cancellationToken);
        var sessions = await db.BoardSessions.AsNoTracking().Include(s => s.Decisions).Where(s => s.CallId == callId).ToListAsync(cancellationToken);
        return CallDecisions.Uncommitted(call, await CallDecisions.GrantedAsync(db, callId, cancellationToken), CallDecisions.Prior(sessions));
    }
}
