using Microsoft.EntityFrameworkCore;
using TrustFund.Application.Common;
using TrustFund.Domain.Common;
using TrustFund.Domain.Grants;

namespace TrustFund.Application.Payments;

/// <summary>
/// The finance officer's home: releases waiting for approval (oldest request first), approved
/// releases whose payment is to be recorded (oldest approval first), and instalments on hold
/// (earliest planned first), each section with its count and its first <see cref="Shown"/> rows.
/// </summary>
public sealed record ShowPaymentsQueue : IUseCase<PaymentsQueue>
{
    public const int Shown = 50;
}

/// <summary>The three sections of the queue, each with the number of instalments in it.</summary>
public sealed record PaymentsQueue(QueueSection ToApprove, QueueSection ToPay, QueueSection OnHold);

public sealed record QueueSection(int Count, IReadOnlyList<QueueRow> Rows);

/// <summary>
/// One instalment in the queue. <see cref="RequestedByYou"/>: the current user requested this release,
/// so another finance officer must approve it.
/// </summary>
public sealed record QueueRow(
    Guid GrantId,
    string GrantNumber,
    string OrganisationName,
    Guid InstalmentId,
    int Number,
    Money Amount,
    DateOnly PlannedOn,
    string? RequestedBy,
    DateTime? RequestedAtUtc,
    string? ApprovedBy,
    DateTime? ApprovedAtUtc,
    string? HoldReason,
    bool Overridden,
    bool RequestedByYou);

internal sealed class ShowPaymentsQueueHandler : IUseCaseHandler<ShowPaymentsQueue, PaymentsQueue>
{
    private readonly ITrustFundDb _db;
    private readonly ICurrentActor _actor;

    public ShowPaymentsQueueHandler(ITrustFundDb db, ICurrentActor actor)
    {
        _db = db;
        _actor = actor;
    }

    public async Task<PaymentsQueue> HandleAsync(ShowPaymentsQueue request, CancellationToken cancellationToken)
    {
        var counts = await Waiting()
            .GroupBy(i => i.Status)
            .Select(g => new { Status = g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.Status, g => g.Count, cancellationToken);
        int Count(InstalmentStatus status) => counts.GetValueOrDefault(status);

        var toApprove = Count(InstalmentStatus.Requested) == 0 ? [] : await RowsAsync(Waiting().Where(i => i.Status == InstalmentStatus.Requested).OrderBy(i => i.RequestedAtUtc).ThenBy(i => i.InstalmentId), cancellationToken);
        var toPay = Count(InstalmentStatus.Approved) == 0 ? [] : await RowsAsync(Waiting().Where(i => i.Status == InstalmentStatus.Approved).OrderBy(i => i.ApprovedAtUtc).ThenBy(i => i.InstalmentId), cancellationToken);
        var onHold = Count(InstalmentStatus.OnHold) == 0 ? [] : await RowsAsync(Waiting().Where(i => i.Status == InstalmentStatus.OnHold).OrderBy(i => i.PlannedOn).ThenBy(i => i.InstalmentId), cancellationToken);
        return new PaymentsQueue(
            new QueueSection(Count(InstalmentStatus.Requested), toApprove),
            new QueueSection(Count(InstalmentStatus.Approved), toPay),
            new QueueSection(Count(InstalmentStatus.OnHold), onHold));
    }

    private IQueryable<QueueItem> Waiting() =>
        from g in _db.Grants.AsNoTracking()
        from i in g.Instalments
        join o in _db.Organisations.AsNoTracking() on g.OrganisationId equals o.Id
        where i.Status == InstalmentStatus.Requested || i.Status == InstalmentStatus.Approved || i.Status == InstalmentStatus.OnHold
        select new QueueItem
        {
            GrantId = g.Id,
            GrantNumber = g.Number,
            OrganisationName = o.LegalName,
            InstalmentId = i.Id,
            Number = i.Number,
            Status = i.Status,
            Amount = i.Amount,
            PlannedOn = i.PlannedOn,
            RequestedBy = i.RequestedBy,
            RequestedById = i.RequestedById,
            RequestedAtUtc = i.RequestedAtUtc,
            ApprovedBy = i.ApprovedBy,
            ApprovedAtUtc = i.ApprovedAtUtc,
            HoldReason = i.HoldReason,
            Overrides = i.Overrides,
        };

    private async Task<IReadOnlyList<QueueRow>> RowsAsync(IQueryable<QueueItem> items, CancellationToken cancellationToken)
    {
        var rows = await items.Take(ShowPaymentsQueue.Shown).ToListAsync(cancellationToken);
        var you = _actor.UserId;
        return [.. rows.Select(r => new QueueRow(r.GrantId, r.GrantNumber, r.OrganisationName, r.InstalmentId, r.Number, r.Amount, r.PlannedOn, r.RequestedBy, r.RequestedAtUtc, r.ApprovedBy, r.ApprovedAtUtc, r.HoldReason, r.Overrides.Count > 0, you is not null && r.RequestedById == you))];
    }

    /// <summary>An instalment waiting in the queue, with its grant's number and organisation's name.</summary>
    private sealed class QueueItem
    {
        public Guid GrantId { get; init; }

        public string GrantNumber { get; init; } = string.Empty;

        public string OrganisationName { get; init; } = string.Empty;

        public Guid InstalmentId { get; init; }

        public int Number { get; init; }

        public InstalmentStatus Status { get; init; }

        public Money Amount { get; init; }

        public DateOnly PlannedOn { get; init; }

        public string? RequestedBy { get; init; }

        public Guid? RequestedById { get; init; }

        public DateTime? RequestedAtUtc { get; init; }

        public string? ApprovedBy { get; init; }

        public DateTime? ApprovedAtUtc { get; init; }

        public string? HoldReason { get; init; }

        public IReadOnlyList<OverriddenCondition> Overrides { get; init; } = [];
    }
}
