using TrustFund.Domain.Common;
using TrustFund.Domain.Grants;
using TrustFund.Domain.Grants.Events;
using TrustFund.Domain.Tests.Builders;
using static TrustFund.Domain.Grants.InstalmentStatus;

namespace TrustFund.Domain.Tests.Grants;

/// <summary>Every move of the instalment lifecycle, legal or not, through the grant's methods; hold and cancellation.</summary>
public sealed class InstalmentLifecycleTests
{
    /// <summary>The lifecycle of the domain brief: an instalment on hold returns to where it was held from.</summary>
    private static readonly (InstalmentStatus From, InstalmentStatus HeldFrom, Move Move, InstalmentStatus To)[] Legal =
    [
        (Planned, Planned, Move.Request, Requested),
        (Requested, Planned, Move.Approve, Approved),
        (Approved, Planned, Move.Pay, Paid),
        (Planned, Planned, Move.PutOnHold, OnHold),
        (Requested, Planned, Move.PutOnHold, OnHold),
        (Approved, Planned, Move.PutOnHold, OnHold),
        (OnHold, Planned, Move.TakeOffHold, Planned),
        (OnHold, Requested, Move.TakeOffHold, Requested),
        (OnHold, Approved, Move.TakeOffHold, Approved),
        (Planned, Planned, Move.Cancel, Cancelled),
        (Requested, Planned, Move.Cancel, Cancelled),
        (Approved, Planned, Move.Cancel, Cancelled),
        (OnHold, Planned, Move.Cancel, Cancelled),
        (OnHold, Requested, Move.Cancel, Cancelled),
        (OnHold, Approved, Move.Cancel, Cancelled),
    ];

    private static readonly (InstalmentStatus Status, InstalmentStatus HeldFrom)[] Starts =
    [
        (Planned, Planned), (Requested, Planned), (Approved, Planned), (Paid, Planned), (Cancelled, Planned),
        (OnHold, Planned), (OnHold, Requested), (OnHold, Approved),
    ];

    public enum Move
    {
        Request,
        Approve,
        Pay,
        PutOnHold,
        TakeOffHold,
        Cancel,
    }

    private static IEnumerable<TestCaseData> LegalMoves() =>
        Legal.Select(m => new TestCaseData(m.From, m.HeldFrom, m.Move, m.To).SetArgDisplayNames(Name(m.From, m.HeldFrom), m.Move.ToString(), m.To.ToString()));

    private static IEnumerable<TestCaseData> IllegalMoves() =>
        from start in Starts
        from move in Enum.GetValues<Move>()
        where !Legal.Any(m => m.From == start.Status && m.HeldFrom == start.HeldFrom && m.Move == move)
        select new TestCaseData(start.Status, start.HeldFrom, move).SetArgDisplayNames(Name(start.Status, start.HeldFrom), move.ToString());

    [Test]
    public void Transitions_AreExactlyTheTableWrittenHere()
    {
        Assert.That(Instalment.Transitions, Is.EquivalentTo(new[]
        {
            (Planned, "Requested", Requested),
            (Requested, "Approved", Approved),
            (Approved, "Paid", Paid),
            (Planned, "PutOnHold", OnHold),
            (Requested, "PutOnHold", OnHold),
            (Approved, "PutOnHold", OnHold),
            (OnHold, "ReturnedToPlanned", Planned),
            (OnHold, "ReturnedToRequested", Requested),
            (OnHold, "ReturnedToApproved", Approved),
            (Planned, "Cancelled", Cancelled),
            (Requested, "Cancelled", Cancelled),
            (Approved, "Cancelled", Cancelled),
            (OnHold, "Cancelled", Cancelled),
        }));
    }

    [TestCaseSource(nameof(LegalMoves))]
    public void Move_Legal_ReachesTheStatusOfTheLifecycle(InstalmentStatus from, InstalmentStatus heldFrom, Move move, InstalmentStatus to)
    {
        var (grant, instalment) = InstalmentIn(from, heldFrom);

        Apply(grant, instalment, move);

        Assert.That(instalment.Status, Is.EqualTo(to));
    }

    [TestCaseSource(nameof(IllegalMoves))]
    public void Move_Illegal_ThrowsAClearDomainErrorAndChangesNothing(InstalmentStatus from, InstalmentStatus heldFrom, Move move)
    {
        var (grant, instalment) = InstalmentIn(from, heldFrom);
        var entries = grant.Ledger.Count;

        var error = Assert.Throws<DomainException>(() => Apply(grant, instalment, move))!;

        Assert.Multiple(() =>
        {
            Assert.That((error.Code, error.Message), Is.EqualTo(("instalment.illegal-transition", $"An instalment that is {Words(from)} cannot be {Participle(move)}.")));
            Assert.That((instalment.Status, instalment.HeldFrom), Is.EqualTo((from, from == OnHold ? heldFrom : (InstalmentStatus?)null)));
            Assert.That(grant.Ledger, Has.Count.EqualTo(entries));
        });
    }

    [Test]
    public void TakeOffHold_FromApproved_KeepsTheRequestAndApproval()
    {
        var (grant, instalment) = InstalmentIn(OnHold, Approved);

        grant.TakeInstalmentOffHold(instalment.Id, "Fatima");

        Assert.Multiple(() =>
        {
            Assert.That(instalment.Status, Is.EqualTo(Approved));
            Assert.That((instalment.RequestedById, instalment.ApprovedById), Is.EqualTo(((Guid?)GrantBuilder.FundManagerId, (Guid?)GrantBuilder.FinanceOfficerId)));
            Assert.That((instalment.HeldFrom, instalment.HoldReason), Is.EqualTo(((InstalmentStatus?)null, (string?)null)));
        });
    }

    [Test]
    public void PutOnHold_KeepsTheReasonAndWhereItWasHeldFrom()
    {
        var (grant, instalment) = InstalmentIn(Requested, Planned);

        grant.PutInstalmentOnHold(instalment.Id, "  Bank asked for documents. ", "Fatima");

        Assert.Multiple(() =>
        {
            Assert.That((instalment.Status, instalment.HeldFrom, instalment.HoldReason), Is.EqualTo((OnHold, (InstalmentStatus?)Requested, (string?)"Bank asked for documents.")));
            Assert.That(grant.PendingEvents().OfType<InstalmentStatusChanged>().Last().Reason, Is.EqualTo("Bank asked for documents."));
        });
    }

    [Test]
    public void PutOnHold_WithoutReason_IsRefused()
    {
        var (grant, instalment) = InstalmentIn(Planned, Planned);

        Assert.Throws<RulesViolatedException>(() => grant.PutInstalmentOnHold(instalment.Id, " ", "Fatima"));

        Assert.That(instalment.Status, Is.EqualTo(Planned));
    }

    [Test]
    public void Cancel_KeepsReasonWhoAndWhen()
    {
        var (grant, instalment) = InstalmentIn(Approved, Planned);

        grant.CancelInstalment(instalment.Id, "Project ended early.", "Fatima", GrantBuilder.Now);

        Assert.Multiple(() =>
        {
            Assert.That((instalment.CancellationReason, instalment.CancelledBy, instalment.CancelledAtUtc), Is.EqualTo(((string?)"Project ended early.", (string?)"Fatima", (DateTime?)GrantBuilder.Now)));
            Assert.That(instalment.IsSettled, Is.True);
        });
    }

    [Test]
    public void AnyMove_UnknownInstalment_IsRefused()
    {
        var grant = GrantBuilder.AGrant().Build();

        var error = Assert.Throws<DomainException>(() => grant.CancelInstalment(Guid.NewGuid(), "Reason.", "Fatima", GrantBuilder.Now))!;

        Assert.That(error.Message, Is.EqualTo("This grant has no such instalment."));
    }

    private static (Grant Grant, Instalment Instalment) InstalmentIn(InstalmentStatus status, InstalmentStatus heldFrom)
    {
        var grant = GrantBuilder.AGrant().Build();
        var instalment = grant.Instalments[0];
        GrantBuilder.Move(grant, instalment, status, heldFrom);
        return (grant, instalment);
    }

    private static void Apply(Grant grant, Instalment instalment, Move move)
    {
        switch (move)
        {
            case Move.Request:
                GrantBuilder.Request(grant, instalment);
                break;
            case Move.Approve:
                GrantBuilder.Approve(grant, instalment);
                break;
            case Move.Pay:
                GrantBuilder.Pay(grant, instalment, "PAY-LIFECYCLE");
                break;
            case Move.PutOnHold:
                grant.PutInstalmentOnHold(instalment.Id, "Checking the invoice.", "Fatima");
                break;
            case Move.TakeOffHold:
                grant.TakeInstalmentOffHold(instalment.Id, "Fatima");
                break;
            case Move.Cancel:
                grant.CancelInstalment(instalment.Id, "Activity dropped.", "Fatima", GrantBuilder.Now);
                break;
        }
    }

    private static string Name(InstalmentStatus status, InstalmentStatus heldFrom) => status == OnHold ? $"OnHoldFrom{heldFrom}" : status.ToString();

    private static string Words(InstalmentStatus status) => status switch
    {
        Planned => "planned",
        Requested => "requested",
        Approved => "approved",
        Paid => "paid",
        OnHold => "on hold",
        Cancelled => "cancelled",
    };

    private static string Participle(Move move) => move switch
    {
        Move.Request => "requested",
        Move.Approve => "approved",
        Move.Pay => "paid",
        Move.PutOnHold => "put on hold",
        Move.TakeOffHold => "taken off hold",
        Move.Cancel => "cancelled",
    };
}
