using TrustFund.Domain.Common;

namespace TrustFund.Domain.Grants;

/// <summary>
/// One instalment (tranche) of a grant's schedule: its amount, planned date and release conditions,
/// who requested and approved its release, any condition overridden, and its payment. Part of the
/// <see cref="Grant"/> aggregate: it changes only through the grant, which holds the rules that span
/// instalments (the sum paid, references, safeguarding concerns).
/// </summary>
public sealed class Instalment
{
    private static readonly TransitionTable<InstalmentStatus> Lifecycle = BuildLifecycle();

    private Instalment()
    {
        Conditions = [];
        Overrides = [];
    }

    internal Instalment(Guid grantId, int number, decimal percentage, Money amount, DateOnly plannedOn, IReadOnlyList<ReleaseCondition> conditions)
    {
        Id = Guid.NewGuid();
        GrantId = grantId;
        Number = number;
        Percentage = percentage;
        Amount = amount;
        PlannedOn = plannedOn;
        Conditions = conditions;
        Overrides = [];
        Status = InstalmentStatus.Planned;
    }

    public Guid Id { get; private set; }

    public Guid GrantId { get; private set; }

    /// <summary>1 for the first instalment, in payment order.</summary>
    public int Number { get; private set; }

    /// <summary>The share of the grant's amount this instalment was planned as.</summary>
    public decimal Percentage { get; private set; }

    /// <summary>What will be paid; fixed once the release is approved.</summary>
    public Money Amount { get; private set; }

    public DateOnly PlannedOn { get; private set; }

    public IReadOnlyList<ReleaseCondition> Conditions { get; private set; }

    public InstalmentStatus Status { get; private set; }

    /// <summary>The status the instalment returns to when taken off hold.</summary>
    public InstalmentStatus? HeldFrom { get; private set; }

    public string? HoldReason { get; private set; }

    public Guid? RequestedById { get; private set; }

    public string? RequestedBy { get; private set; }

    public DateTime? RequestedAtUtc { get; private set; }

    /// <summary>The conditions the release went ahead without, each with its justification.</summary>
    public IReadOnlyList<OverriddenCondition> Overrides { get; private set; }

    public Guid? ApprovedById { get; private set; }

    public string? ApprovedBy { get; private set; }

    public DateTime? ApprovedAtUtc { get; private set; }

    public DateOnly? PaidOn { get; private set; }

    /// <summary>The ledger entry of the payment.</summary>
    public Guid? PaymentEntryId { get; private set; }

    public string? CancellationReason { get; private set; }

    public string? CancelledBy { get; private set; }

    public DateTime? CancelledAtUtc { get; private set; }

    /// <summary>Whether the release went ahead without some condition (shown in the audit trail and reports).</summary>
    public bool HasOverriddenConditions => Overrides.Count > 0;

    /// <summary>Whether the instalment is settled for closure: paid or cancelled.</summary>
    public bool IsSettled => Status is InstalmentStatus.Paid or InstalmentStatus.Cancelled;

    /// <summary>Every legal move of the instalment lifecycle, for tests and documentation.</summary>
    public static IEnumerable<(InstalmentStatus From, string Action, InstalmentStatus To)> Transitions => Lifecycle.Moves;

    internal void MarkRequested(Guid byId, string by, IReadOnlyList<OverriddenCondition> overrides, DateTime nowUtc)
    {
        Status = Lifecycle.Apply(Status, "Requested");
        RequestedById = byId;
        RequestedBy = by;
        RequestedAtUtc = nowUtc;
        Overrides = [.. Overrides, .. overrides];
    }

    internal void MarkApproved(Guid byId, string by, DateTime nowUtc)
    {
        Status = Lifecycle.Apply(Status, "Approved");
        ApprovedById = byId;
        ApprovedBy = by;
        ApprovedAtUtc = nowUtc;
    }

    internal void MarkPaid(Guid entryId, DateOnly paidOn)
    {
        Status = Lifecycle.Apply(Status, "Paid");
        PaymentEntryId = entryId;
        PaidOn = paidOn;
    }

    internal void PutOnHold(string reason)
    {
        var from = Status;
        Status = Lifecycle.Apply(Status, "PutOnHold");
        HeldFrom = from;
        HoldReason = reason;
    }

    internal void TakeOffHold()
    {
        // No move is named "TakenOffHold": the table refuses it from any status with the usual
        // message, and an instalment on hold returns to where it was held from.
        var action = Status == InstalmentStatus.OnHold && HeldFrom is { } from ? $"ReturnedTo{from}" : "TakenOffHold";
        Status = Lifecycle.Apply(Status, action);
        HeldFrom = null;
        HoldReason = null;
    }

    internal void Cancel(string reason, string by, DateTime nowUtc)
    {
        Status = Lifecycle.Apply(Status, "Cancelled");
        HeldFrom = null;
        CancellationReason = reason;
        CancelledBy = by;
        CancelledAtUtc = nowUtc;
    }

    /// <summary>Refuses a move the lifecycle does not allow from the current status (before any other check).</summary>
    internal void EnsureCan(string action) => _ = Lifecycle.Apply(Status, action);

    internal void AddToAmount(Money extra) => Amount += extra;

    private static TransitionTable<InstalmentStatus> BuildLifecycle()
    {
        // Refusals read "An instalment that is paid cannot be cancelled."
        var table = new TransitionTable<InstalmentStatus>("Instalment", "An instalment that is {0} cannot be {1}.")
            .Allow(InstalmentStatus.Planned, "Requested", InstalmentStatus.Requested)
            .Allow(InstalmentStatus.Requested, "Approved", InstalmentStatus.Approved)
            .Allow(InstalmentStatus.Approved, "Paid", InstalmentStatus.Paid)
            .Allow(InstalmentStatus.OnHold, "ReturnedToPlanned", InstalmentStatus.Planned)
            .Allow(InstalmentStatus.OnHold, "ReturnedToRequested", InstalmentStatus.Requested)
            .Allow(InstalmentStatus.OnHold, "ReturnedToApproved", InstalmentStatus.Approved)
            .Allow(InstalmentStatus.OnHold, "Cancelled", InstalmentStatus.Cancelled)
            .Describe(InstalmentStatus.OnHold, "on hold");
        foreach (var from in new[] { InstalmentStatus.Planned, InstalmentStatus.Requested, InstalmentStatus.Approved })
        {
            table.Allow(from, "PutOnHold", InstalmentStatus.OnHold);
            table.Allow(from, "Cancelled", InstalmentStatus.Cancelled);
        }

        return table;
    }
}
