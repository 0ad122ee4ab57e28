using TrustFund.Application.Common;
using TrustFund.Domain.Grants;

namespace TrustFund.Application.Grants;

/// <summary>
/// A grant's closure as fund managers see it: every condition of closing (final reports accepted,
/// every instalment paid or cancelled, no amendment waiting, the unspent balance refunded or written
/// off) with whether it is met, and the moves the grant can make (enter closure, close).
/// </summary>
public sealed record ShowGrantClosure(Guid GrantId) : IUseCase<GrantClosurePage>;

/// <summary>The closure page of a grant.</summary>
public sealed record GrantClosurePage(Grant Grant, GrantParties Parties, ClosureFacts Facts)
{
    public IReadOnlyList<Instalment> Unsettled => [.. Grant.Instalments.Where(i => !i.IsSettled)];

    /// <summary>What has been refunded or written off against the unspent balance.</summary>
    public decimal Settled => Grant.Refunded.Amount + Grant.WrittenOff.Amount;

    public bool BalanceSettled => Settled >= Facts.UnspentBalance.Amount;

    public bool CanBeginClosing => Grant.Status == GrantStatus.Active;

    public bool CanClose => Grant.Status == GrantStatus.Closing && Facts.FinalReportsAreAccepted && Unsettled.Count == 0 && Grant.PendingAmendments.Count == 0 && BalanceSettled;
}

internal sealed class ShowGrantClosureHandler : IUseCaseHandler<ShowGrantClosure, GrantClosurePage>
{
    private readonly ITrustFundDb _db;
    private readonly RecordAccess _access;

    public ShowGrantClosureHandler(ITrustFundDb db, RecordAccess access)
    {
        _db = db;
        _access = access;
    }

    public async Task<GrantClosurePage> HandleAsync(ShowGrantClosure request, CancellationToken cancellationToken)
    {
        var grant = await GrantReading.LoadAsync(_db, _access, request.GrantId, GrantOperations.Manage, cancellationToken);
        return new GrantClosurePage(grant, await GrantReading.PartiesAsync(_db, grant, cancellationToken), await ClosureFacts.ReadAsync(_db, grant.Id, cancellationToken));
    }
}
