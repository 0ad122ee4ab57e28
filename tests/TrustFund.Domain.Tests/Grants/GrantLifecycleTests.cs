using TrustFund.Domain.Applications;
using TrustFund.Domain.Common;
using TrustFund.Domain.Grants;
using TrustFund.Domain.Grants.Events;
using TrustFund.Domain.Tests.Builders;
using static TrustFund.Domain.Grants.GrantStatus;

namespace TrustFund.Domain.Tests.Grants;

/// <summary>Every move of the grant lifecycle, legal or not, through the aggregate's own methods; signatures, award and closure.</summary>
public sealed class GrantLifecycleTests
{
    private static readonly DateTime Now = GrantBuilder.Now;
    private static readonly DateOnly Today = GrantBuilder.Today;

    /// <summary>The lifecycle of the domain brief, written out here.</summary>
    private static readonly (GrantStatus From, Move Move, GrantStatus To)[] Legal =
    [
        (AgreementPending, Move.Sign, Active),
        (Active, Move.Suspend, Suspended),
        (Suspended, Move.Resume, Active),
        (Active, Move.BeginClosing, Closing),
        (Closing, Move.Close, Closed),
    ];

    public enum Move
    {
        Sign,
        Suspend,
        Resume,
        BeginClosing,
        Close,
    }

    private static IEnumerable<TestCaseData> LegalMoves() =>
        Legal.Select(m => new TestCaseData(m.From, m.Move, m.To).SetArgDisplayNames(m.From.ToString(), m.Move.ToString(), m.To.ToString()));

    private static IEnumerable<TestCaseData> IllegalMoves() =>
        from status in Enum.GetValues<GrantStatus>()
        from move in Enum.GetValues<Move>()
        where !Legal.Any(m => m.From == status && m.Move == move)
        select new TestCaseData(status, move).SetArgDisplayNames(status.ToString(), move.ToString());

    [Test]
    public void Transitions_AreExactlyTheTableWrittenHere()
    {
        Assert.That(Grant.Transitions, Is.EquivalentTo(new[]
        {
            (AgreementPending, "Activated", Active),
            (Active, "Suspended", Suspended),
            (Suspended, "Resumed", Active),
            (Active, "MovedToClosing", Closing),
            (Closing, "Closed", Closed),
        }));
    }

    [TestCaseSource(nameof(LegalMoves))]
    public void Move_Legal_ReachesTheStatusOfTheLifecycle(GrantStatus from, Move move, GrantStatus to)
    {
        var grant = GrantBuilder.AGrant().Scheduled(null).In(from).Build();

        Apply(grant, move);

        Assert.That(grant.Status, Is.EqualTo(to));
    }

    [TestCaseSource(nameof(IllegalMoves))]
    public void Move_Illegal_ThrowsAClearDomainErrorAndChangesNothing(GrantStatus from, Move move)
    {
        var grant = GrantBuilder.AGrant().Scheduled(null).In(from).Build();

        var error = Assert.Throws<DomainException>(() => Apply(grant, move))!;

        Assert.Multiple(() =>
        {
            var expected = move == Move.Sign
                ? ("grant.already-signed", "The agreement is already signed by both parties.")
                : ("grant.illegal-transition", $"A grant that is {Words(from)} cannot be {Participle(move)}.");
            Assert.That((error.Code, error.Message), Is.EqualTo(expected));
            Assert.That(grant.Status, Is.EqualTo(from), "an illegal move changes nothing");
        });
    }

    [Test]
    public void RecordSignature_OnlyOneParty_StaysAwaitingTheOther()
    {
        var grant = GrantBuilder.AGrant().In(AgreementPending).Build();

        grant.RecordOrganisationSignature(Today.AddDays(-2), "Amina", Now);

        Assert.Multiple(() =>
        {
            Assert.That(grant.Status, Is.EqualTo(AgreementPending));
            Assert.That(grant.IsAgreementSigned, Is.False);
            Assert.That((grant.OrganisationSignedOn, grant.OrganisationSignatureRecordedBy), Is.EqualTo(((DateOnly?)Today.AddDays(-2), (string?)"Amina")));
            Assert.That(grant.PendingEvents().OfType<GrantActivated>(), Is.Empty);
        });
    }

    [Test]
    public void RecordSignature_BothParties_ActivatesWithBothDates()
    {
        var grant = GrantBuilder.AGrant().In(AgreementPending).Build();

        grant.RecordOrganisationSignature(Today.AddDays(-2), "Amina", Now);
        grant.RecordFundSignature(Today.AddDays(-1), "Fatima", Now);

        Assert.Multiple(() =>
        {
            Assert.That(grant.Status, Is.EqualTo(Active));
            Assert.That(grant.ActivatedAtUtc, Is.EqualTo(Now));
            Assert.That(grant.FundSignatureRecordedBy, Is.EqualTo("Fatima"));
            var activated = grant.PendingEvents().OfType<GrantActivated>().Single();
            Assert.That((activated.FundSignedOn, activated.OrganisationSignedOn), Is.EqualTo((Today.AddDays(-1), Today.AddDays(-2))));
        });
    }

    [Test]
    public void RecordSignature_SamePartyTwice_IsRefusedAndKeepsTheFirstDate()
    {
        var grant = GrantBuilder.AGrant().In(AgreementPending).Build();
        grant.RecordFundSignature(Today.AddDays(-3), "Fatima", Now);

        var error = Assert.Throws<DomainException>(() => grant.RecordFundSignature(Today, "Omar", Now))!;

        Assert.Multiple(() =>
        {
            Assert.That(error.Message, Is.EqualTo("The fund's signature is already recorded."));
            Assert.That(grant.FundSignedOn, Is.EqualTo(Today.AddDays(-3)));
        });
    }

    [Test]
    public void RecordSignature_DateInTheFuture_IsRefused()
    {
        var grant = GrantBuilder.AGrant().In(AgreementPending).Build();

        var error = Assert.Throws<RulesViolatedException>(() => grant.RecordFundSignature(Today.AddDays(1), "Fatima", Now))!;

        Assert.Multiple(() =>
        {
            Assert.That(error.Message, Is.EqualTo("The date cannot be in the future."));
            Assert.That(grant.FundSignedOn, Is.Null);
        });
    }

    [Test]
    public void Suspend_WithoutReason_IsRefusedAndStaysActive()
    {
        var grant = GrantBuilder.AGrant().Build();

        var error = Assert.Throws<RulesViolatedException>(() => grant.Suspend("  ", "Fatima", Now))!;

        Assert.Multiple(() =>
        {
            Assert.That(error.Message, Is.EqualTo("Give the reason for suspending the grant."));
            Assert.That(grant.Status, Is.EqualTo(Active));
        });
    }

    [Test]
    public void Suspend_ThenResume_KeepsTheReasonWhileSuspended()
    {
        var grant = GrantBuilder.AGrant().Build();

        grant.Suspend(" Fraud allegation. ", "Fatima", Now);
        var whileSuspended = (grant.SuspensionReason, grant.SuspendedAtUtc);
        grant.Resume("Allegation unfounded.", "Fatima");

        Assert.Multiple(() =>
        {
            Assert.That(whileSuspended, Is.EqualTo(((string?)"Fraud allegation.", (DateTime?)Now)));
            Assert.That((grant.SuspensionReason, grant.SuspendedAtUtc), Is.EqualTo(((string?)null, (DateTime?)null)));
            Assert.That(grant.PendingEvents().OfType<GrantResumed>().Single().Reason, Is.EqualTo("Allegation unfounded."));
        });
    }

    [Test]
    public void Resume_WithoutReason_IsRefused()
    {
        var grant = GrantBuilder.AGrant().In(Suspended).Build();

        Assert.Throws<RulesViolatedException>(() => grant.Resume("", "Fatima"));

        Assert.That(grant.Status, Is.EqualTo(Suspended));
    }

    [Test]
    public void Award_NumberFromTheCallYearAndSequence_AndTheApplicationsBudget()
    {
        var application = GrantApplicationBuilder.AnApplication().In(ApplicationStatus.Approved).Build();

        var grant = Grant.Award(application, Money.Usd(12_500m), GrantBuilder.Start, GrantBuilder.End, 2026, 1, "Fatima", Now);

        Assert.Multiple(() =>
        {
            Assert.That(grant.Number, Is.EqualTo("UNVTF-G-2026-0001"));
            Assert.That(grant.Status, Is.EqualTo(AgreementPending));
            Assert.That((grant.ApplicationId, grant.OrganisationId, grant.CallId), Is.EqualTo((application.Id, application.OrganisationId, application.CallId)));
            Assert.That(grant.Amount, Is.EqualTo(Money.Usd(12_500m)));
            Assert.That(grant.Budget, Is.EqualTo(application.Content.Budget));
            Assert.That(grant.BudgetTotal, Is.EqualTo(15_000m));
            Assert.That(grant.Balance, Is.EqualTo(Money.Usd(12_500m)));
        });
    }

    [TestCase(2026, 42, "UNVTF-G-2026-0042")]
    [TestCase(2031, 12345, "UNVTF-G-2031-12345")]
    public void FormatNumber_PadsTheSequenceToFourDigits(int year, int sequence, string expected) =>
        Assert.That(Grant.FormatNumber(year, sequence), Is.EqualTo(expected));

    [Test]
    public void Award_ApplicationNotApproved_IsRefused()
    {
        var application = GrantApplicationBuilder.AnApplication().In(ApplicationStatus.ReserveList).Build();

        var error = Assert.Throws<DomainException>(() => Grant.Award(application, Money.Usd(1_000m), GrantBuilder.Start, GrantBuilder.End, 2026, 1, "Fatima", Now))!;

        Assert.That(error.Message, Is.EqualTo("Only an application the Board approved becomes a grant."));
    }

    [Test]
    public void Award_MoreThanRequestedAndEndBeforeStart_ReportsBoth()
    {
        var application = GrantApplicationBuilder.AnApplication().In(ApplicationStatus.Approved).Build();

        var error = Assert.Throws<RulesViolatedException>(() => Grant.Award(application, Money.Usd(15_000.01m), GrantBuilder.End, GrantBuilder.Start, 2026, 1, "Fatima", Now))!;

        Assert.That(error.Violations.Select(v => v.Message), Is.EqualTo(new[]
        {
            "The grant cannot be more than the amount requested (USD 15,000.00).",
            "The end date must be after the start date.",
        }));
    }

    [Test]
    public void Close_WithEverythingOutstanding_ListsEveryUnmetRule()
    {
        var grant = GrantBuilder.AGrant().Build();
        var first = grant.Instalments[0];
        GrantBuilder.Move(grant, first, InstalmentStatus.Paid);
        grant.RequestExtension(GrantBuilder.End.AddMonths(2), "Delays.", "Amina", RequestingSide.Grantee, Now);
        grant.BeginClosing("Fatima");

        var error = Assert.Throws<RulesViolatedException>(() => grant.Close(false, Money.Usd(250m), "Fatima", Now))!;

        Assert.Multiple(() =>
        {
            Assert.That(error.Violations.Select(v => v.Message), Is.EqualTo(new[]
            {
                "The final reports must be accepted before the grant is closed.",
                "Instalment 2 is planned: pay or cancel it before closing.",
                "Instalment 3 is planned: pay or cancel it before closing.",
                "Decide the amendments waiting for a decision before closing.",
                "The unspent balance is USD 250.00; only USD 0.00 has been refunded or written off.",
            }));
            Assert.That(grant.Status, Is.EqualTo(Closing));
        });
    }

    [Test]
    public void Close_UnspentBalanceRefundedAndWrittenOff_Closes()
    {
        var grant = GrantBuilder.AGrant().Scheduled(InstalmentTemplate.Parse("80/20")).Build();
        GrantBuilder.Move(grant, grant.Instalments[0], InstalmentStatus.Paid);
        grant.BeginClosing("Fatima");
        GrantBuilder.Move(grant, grant.Instalments[1], InstalmentStatus.Paid);
        grant.RecordRefund(Money.Usd(200m), Today, "RF-1", "Unspent shelter funds.", GrantBuilder.FinanceOfficerId, "Femi", Now);
        grant.RecordWriteOff(Money.Usd(50m), Today, "Bank charges on the refund.", GrantBuilder.FinanceOfficerId, "Femi", Now);

        grant.Close(true, Money.Usd(250m), "Fatima", Now);

        Assert.Multiple(() =>
        {
            Assert.That(grant.Status, Is.EqualTo(Closed));
            Assert.That((grant.ClosedAtUtc, grant.ClosedBy), Is.EqualTo(((DateTime?)Now, (string?)"Fatima")));
            Assert.That(grant.NetPaid, Is.EqualTo(Money.Usd(14_800m)));
            Assert.That(grant.PendingEvents().OfType<GrantClosed>().Single().NetPaid, Is.EqualTo(Money.Usd(14_800m)));
        });
    }

    private static void Apply(Grant grant, Move move)
    {
        switch (move)
        {
            case Move.Sign:
                grant.RecordFundSignature(Today, "Fatima", Now);
                grant.RecordOrganisationSignature(Today, "Amina", Now);
                break;
            case Move.Suspend:
                grant.Suspend("Audit findings.", "Fatima", Now);
                break;
            case Move.Resume:
                grant.Resume("Findings cleared.", "Fatima");
                break;
            case Move.BeginClosing:
                grant.BeginClosing("Fatima");
                break;
            case Move.Close:
                grant.Close(true, Money.Zero, "Fatima", Now);
                break;
        }
    }

    private static string Words(GrantStatus status) => status switch
    {
        AgreementPending => "awaiting signatures",
        Active => "active",
        Suspended => "suspended",
        Closing => "in closure",
        Closed => "closed",
    };

    private static string Participle(Move move) => move switch
    {
        Move.Sign => "activated",
        Move.Suspend => "suspended",
        Move.Resume => "resumed",
        Move.BeginClosing => "moved to closing",
        Move.Close => "closed",
    };
}
