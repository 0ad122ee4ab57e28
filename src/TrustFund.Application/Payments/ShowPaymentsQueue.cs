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
    /// <summary>What the queue is read from: the grants' instalments and the organisations' names.</summary>
    private static readonly Type[] ReadFrom = [typeof(Grant), typeof(Domain.Organisations.Organisation)];

    private readonly IKeptReads _kept;
    private readonly ICurrentActor _actor;

    public ShowPaymentsQueueHandler(IKeptReads kept, ICurrentActor actor)
    {
        _kept = kept;
        _actor = actor;
    }

    public async Task<PaymentsQueue> HandleAsync(ShowPaymentsQueue request, CancellationToken cancellationToken)
    {
        var waiting = await _kept.GetAsync("payments-queue", ReadFrom, ReadAsync, cancellationToken);
        var you = _actor.UserId;
        QueueSection Section(WaitingSection section) => new(
            section.Count,
            [.. section.Items.Select(r => new QueueRow(r.GrantId, r.GrantNumber, r.OrganisationName, r.InstalmentId, r.Number, r.Amount, r.PlannedOn, r.RequestedBy, r.RequestedAtUtc, r.ApprovedBy, r.ApprovedAtUtc, r.HoldReason, r.Overrides.Count > 0, you is not null && r.RequestedById == you))]);
        return new PaymentsQueue(Section(waiting.ToApprove), Section(waiting.ToPay), Section(waiting.OnHold));
    }

    /// <summary>The three sections as read, the same for every finance officer.</summary>
    private static async Task<WaitingSections> ReadAsync(ITrustFundDb db, CancellationToken cancellationToken)
    {
        var counts = await Waiting(db)
            .GroupBy(i => i.Status)
            .Select(g => new { Status = g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.Status, g => g.Count, cancellationToken);

        async Task<WaitingSection> SectionAsync(InstalmentStatus status, Func<IQueryable<QueueItem>, IQueryable<QueueItem>> order)
        {
            var count = counts.GetValueOrDefault(status);
            return new WaitingSection(count, count == 0 ? [] : await order(Waiting(db).Where(i => i.Status == status)).Take(ShowPaymentsQueue.Shown).ToListAsync(cancellationToken));
        }

        return new WaitingSections(
            await SectionAsync(InstalmentStatus.Requested, items => items.OrderBy(i => i.RequestedAtUtc).ThenBy(i => i.InstalmentId)),
            await SectionAsync(InstalmentStatus.Approved, items => items.OrderBy(i => i.ApprovedAtUtc).ThenBy(i => i.InstalmentId)),
            await SectionAsync(InstalmentStatus.OnHold, items => items.OrderBy(i => i.PlannedOn).ThenBy(i => i.InstalmentId)));
    }

    private static IQueryable<QueueItem> Waiting(ITrustFundDb db) =>
        from g in db.Grants.AsNoTracking()
        from i in g.Instalments
        join o in db.Organisations.AsNoTracking() on g.OrganisationId equals o.Id
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

    private sealed record WaitingSection(int Count, IReadOnlyList<QueueItem> Items);

    private sealed record WaitingSections(WaitingSection ToApprove, WaitingSection ToPay, WaitingSection OnHold);

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
