using TrustFund.Domain.Applications;
using TrustFund.Domain.Common;

namespace TrustFund.Domain.Grants;

/// <summary>
/// A requested change to a grant agreement (a no-cost extension or a budget revision), with who asked,
/// why, and the fund manager's decision. Kept for the grant's history whatever the decision; the values
/// before the change are kept beside the values asked for.
/// </summary>
public sealed class GrantAmendment
{
    private static readonly TransitionTable<AmendmentStatus> Lifecycle = new TransitionTable<AmendmentStatus>("Amendment", "An amendment that is {0} cannot be {1}.")
        .Allow(AmendmentStatus.Pending, "Approved", AmendmentStatus.Approved)
        .Allow(AmendmentStatus.Pending, "Refused", AmendmentStatus.Refused);

    private GrantAmendment()
    {
        Reason = string.Empty;
        RequestedBy = string.Empty;
        PreviousBudget = [];
        NewBudget = [];
    }

    internal GrantAmendment(Guid grantId, int number, AmendmentKind kind, string reason, string requestedBy, RequestingSide side, DateTime requestedAtUtc)
        : this()
    {
        Id = Guid.NewGuid();
        GrantId = grantId;
        Number = number;
        Kind = kind;
        Reason = reason;
        RequestedBy = requestedBy;
        RequestedBySide = side;
        RequestedAtUtc = requestedAtUtc;
        Status = AmendmentStatus.Pending;
    }

    public Guid Id { get; private set; }

    public Guid GrantId { get; private set; }

    /// <summary>1 for the grant's first amendment, then 2, 3...</summary>
    public int Number { get; private set; }

    public AmendmentKind Kind { get; private set; }

    public AmendmentStatus Status { get; private set; }

    public string Reason { get; private set; }

    public string RequestedBy { get; private set; }

    public RequestingSide RequestedBySide { get; private set; }

    public DateTime RequestedAtUtc { get; private set; }

    /// <summary>For an extension: the end date when it was asked for.</summary>
    public DateOnly? PreviousEndDate { get; private set; }

    /// <summary>For an extension: the end date asked for.</summary>
    public DateOnly? NewEndDate { get; private set; }

    /// <summary>For a budget revision: the budget when it was asked for.</summary>
    public IReadOnlyList<BudgetLine> PreviousBudget { get; private set; }

    /// <summary>For a budget revision: the budget asked for.</summary>
    public IReadOnlyList<BudgetLine> NewBudget { get; private set; }

    /// <summary>For an approved budget revision that raised the grant: by how much.</summary>
    public Money? ApprovedIncrease { get; private set; }

    public string? DecidedBy { get; private set; }

    public DateTime? DecidedAtUtc { get; private set; }

    /// <summary>The fund manager's note: required when refusing.</summary>
    public string? DecisionNote { get; private set; }

    /// <summary>Every legal move of the amendment lifecycle, for tests and documentation.</summary>
    public static IEnumerable<(AmendmentStatus From, string Action, AmendmentStatus To)> Transitions => Lifecycle.Moves;

    internal static GrantAmendment Extension(Guid grantId, int number, DateOnly previousEnd, DateOnly newEnd, string reason, string requestedBy, RequestingSide side, DateTime nowUtc) =>
        new(grantId, number, AmendmentKind.NoCostExtension, reason, requestedBy, side, nowUtc)
        {
            PreviousEndDate = previousEnd,
            NewEndDate = newEnd,
        };

    internal static GrantAmendment BudgetRevision(Guid grantId, int number, IReadOnlyList<BudgetLine> previous, IReadOnlyList<BudgetLine> lines, string reason, string requestedBy, RequestingSide side, DateTime nowUtc) =>
        new(grantId, number, AmendmentKind.BudgetRevision, reason, requestedBy, side, nowUtc)
        {
            PreviousBudget = previous,
            NewBudget = lines,
        };

    /// <summary>Refuses a decision when the amendment is no longer pending (before any other check).</summary>
    internal void EnsureCan(string action) => _ = Lifecycle.Apply(Status, action);

    internal void Approve(string by, string? note, Money? increase, DateTime nowUtc)
    {
        Status = Lifecycle.Apply(Status, "Approved");
        DecidedBy = by;
        DecidedAtUtc = nowUtc;
        DecisionNote = note;
        ApprovedIncrease = increase;
    }

    internal void Refuse(string by, string note, DateTime nowUtc)
    {
        Status = Lifecycle.Apply(Status, "Refused");
        DecidedBy = by;
        DecidedAtUtc = nowUtc;
        DecisionNote = note;
    }
}
