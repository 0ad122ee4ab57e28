using Microsoft.EntityFrameworkCore;
using TrustFund.Application.Common;
using TrustFund.Application.GranteeReports;
using TrustFund.Domain.Common;
using TrustFund.Domain.Grants;

namespace TrustFund.Application.Payments;

/// <summary>One instalment as fund managers and finance officers work on it.</summary>
public sealed record ShowInstalment(Guid GrantId, Guid InstalmentId) : IUseCase<InstalmentView>;

/// <summary>
/// The instalment page: the grant around it, the instalment, its conditions met or not, who requested
/// and approved it, its payment, the open concerns that block it, and what the current user may do.
/// </summary>
public sealed record InstalmentView(
    GrantSummary Grant,
    Instalment Instalment,
    int InstalmentCount,
    IReadOnlyList<ConditionState> Conditions,
    LedgerEntry? Payment,
    IReadOnlyList<LocalText> OpenConcerns,
    InstalmentActions Actions)
{
    /// <summary>Whether the current user requested this release (and so may not approve it).</summary>
    public bool RequestedByYou { get; init; }
}

/// <summary>The grant as the payment pages head it.</summary>
public sealed record GrantSummary(
    Guid Id,
    string Number,
    Guid OrganisationId,
    string OrganisationName,
    GrantStatus Status,
    Money Amount,
    Money NetPaid,
    Money Balance,
    bool BankDetailsVerified);

/// <summary>What the current user may do with the instalment now (the buttons shown; the server checks again).</summary>
public sealed record InstalmentActions(bool Request, bool Approve, bool Pay, bool Hold, bool TakeOffHold, bool Cancel);

internal sealed class ShowInstalmentHandler : IUseCaseHandler<ShowInstalment, InstalmentView>
{
    private readonly ITrustFundDb _db;
    private readonly RecordAccess _access;
    private readonly ICurrentActor _actor;

    public ShowInstalmentHandler(ITrustFundDb db, RecordAccess access, ICurrentActor actor)
    {
        _db = db;
        _access = access;
        _actor = actor;
    }

    public async Task<InstalmentView> HandleAsync(ShowInstalment request, CancellationToken cancellationToken)
    {
        var organisationId = await LockedGrant.OrganisationOfAsync(_db, request.GrantId, cancellationToken);
        var resource = new PaymentAccess(organisationId);
        await _access.EnsureAsync(resource, PaymentOperations.Follow);
        var grant = await _db.Grants.AsNoTracking().SingleAsync(g => g.Id == request.GrantId, cancellationToken);
        var instalment = grant.Instalments.FirstOrDefault(i => i.Id == request.InstalmentId) ?? throw new NotFoundException();
        var organisation = await _db.Organisations.AsNoTracking().SingleAsync(o => o.Id == organisationId, cancellationToken);
        var bankVerified = BankVerification.IsVerified(grant, organisation.Bank);
        var facts = await ReportFacts.ForReleaseAsync(_db, grant, instalment.Id, [], cancellationToken);
        var concerns = await OpenConcerns.DescribeAsync(_db, organisationId, cancellationToken);

        var mayRelease = await _access.AllowsAsync(resource, PaymentOperations.Release);
        var maySettle = await _access.AllowsAsync(resource, PaymentOperations.Settle);
        var requestedByYou = instalment.RequestedById is { } requester && requester == _actor.UserId;
        var moves = Instalment.Transitions.Where(t => t.From == instalment.Status).Select(t => t.Action).ToHashSet(StringComparer.Ordinal);
        var open = grant.Status != GrantStatus.Closed;
        var actions = new InstalmentActions(
            Request: mayRelease && open && moves.Contains("Requested"),
            Approve: maySettle && open && moves.Contains("Approved") && !requestedByYou,
            Pay: maySettle && open && moves.Contains("Paid"),
            Hold: open && moves.Contains("PutOnHold"),
            TakeOffHold: open && instalment.Status == InstalmentStatus.OnHold,
            Cancel: open && moves.Contains("Cancelled"));
        return new InstalmentView(
            Summary(grant, organisation.LegalName, bankVerified),
            instalment,
            grant.Instalments.Count,
            ConditionState.Of(grant, instalment, facts, bankVerified),
            instalment.PaymentEntryId is { } entryId ? grant.Ledger.FirstOrDefault(e => e.Id == entryId) : null,
            concerns,
            actions)
        {
            RequestedByYou = requestedByYou,
        };
    }

    internal static GrantSummary Summary(Grant grant, string organisationName, bool bankVerified) =>
        new(grant.Id, grant.Number, grant.OrganisationId, organisationName, grant.Status, grant.Amount, grant.NetPaid, grant.Balance, bankVerified);
}
