using TrustFund.Domain.Applications;
using TrustFund.Domain.Common;
using TrustFund.Domain.Grants;
using TrustFund.Domain.Grants.Events;
using TrustFund.Domain.Tests.Builders;

namespace TrustFund.Domain.Tests.Grants;

/// <summary>No-cost extensions and budget revisions: requested by either side, decided by a fund manager, all kept.</summary>
public sealed class AmendmentTests
{
    private static readonly DateTime Now = GrantBuilder.Now;
    private static readonly DateOnly End = GrantBuilder.End;

    [Test]
    public void Transitions_AreExactlyPendingToApprovedOrRefused() =>
        Assert.That(GrantAmendment.Transitions, Is.EquivalentTo(new[]
        {
            (AmendmentStatus.Pending, "Approved", AmendmentStatus.Approved),
            (AmendmentStatus.Pending, "Refused", AmendmentStatus.Refused),
        }));

    [Test]
    public void Extension_Approved_MovesTheEndDateAndKeepsTheHistory()
    {
        var grant = GrantBuilder.AGrant().Build();
        var amendment = grant.RequestExtension(End.AddMonths(3), " Floods delayed the shelter works. ", "Amina", RequestingSide.Grantee, Now);

        grant.ApproveAmendment(amendment.Id, "Fatima", null, Now.AddDays(2));

        Assert.Multiple(() =>
        {
            Assert.That(grant.EndDate, Is.EqualTo(End.AddMonths(3)));
            Assert.That((amendment.Number, amendment.Kind, amendment.Status, amendment.Reason, amendment.RequestedBy, amendment.RequestedBySide),
                Is.EqualTo((1, AmendmentKind.NoCostExtension, AmendmentStatus.Approved, "Floods delayed the shelter works.", "Amina", RequestingSide.Grantee)));
            Assert.That((amendment.PreviousEndDate, amendment.NewEndDate), Is.EqualTo(((DateOnly?)End, (DateOnly?)End.AddMonths(3))));
            Assert.That((amendment.DecidedBy, amendment.DecidedAtUtc), Is.EqualTo(((string?)"Fatima", (DateTime?)Now.AddDays(2))));
            Assert.That(grant.PendingAmendments, Is.Empty);
            Assert.That(grant.Amount, Is.EqualTo(Money.Usd(15_000m)), "an extension costs nothing");
        });
    }

    [Test]
    public void Extension_NotLaterThanTheCurrentEnd_IsRefused()
    {
        var grant = GrantBuilder.AGrant().Build();

        var error = Assert.Throws<RulesViolatedException>(() => grant.RequestExtension(End, "Reason.", "Fatima", RequestingSide.FundManager, Now))!;

        Assert.Multiple(() =>
        {
            Assert.That(error.Message, Is.EqualTo("The new end date must be after the current end date, 30 April 2027."));
            Assert.That(grant.Amendments, Is.Empty);
        });
    }

    [Test]
    public void Refuse_NeedsANote_AndKeepsTheAmendmentInTheHistory()
    {
        var grant = GrantBuilder.AGrant().Build();
        var amendment = grant.RequestExtension(End.AddMonths(1), "Reason.", "Amina", RequestingSide.Grantee, Now);

        Assert.Throws<RulesViolatedException>(() => grant.RefuseAmendment(amendment.Id, " ", "Fatima", Now));
        grant.RefuseAmendment(amendment.Id, "Activities can finish on time.", "Fatima", Now);

        Assert.Multiple(() =>
        {
            Assert.That((amendment.Status, amendment.DecisionNote), Is.EqualTo((AmendmentStatus.Refused, (string?)"Activities can finish on time.")));
            Assert.That(grant.EndDate, Is.EqualTo(End));
            Assert.That(grant.Amendments, Is.EqualTo(new[] { amendment }));
            Assert.That(grant.PendingEvents().OfType<AmendmentDecided>().Single().Approved, Is.False);
        });
    }

    [TestCase(AmendmentStatus.Approved, true, "An amendment that is approved cannot be approved.")]
    [TestCase(AmendmentStatus.Approved, false, "An amendment that is approved cannot be refused.")]
    [TestCase(AmendmentStatus.Refused, true, "An amendment that is refused cannot be approved.")]
    [TestCase(AmendmentStatus.Refused, false, "An amendment that is refused cannot be refused.")]
    public void Decide_AlreadyDecided_ThrowsTheLifecycleErrorAndChangesNothing(AmendmentStatus decided, bool approveAgain, string expected)
    {
        var grant = GrantBuilder.AGrant().Build();
        var amendment = grant.RequestExtension(End.AddMonths(1), "Reason.", "Amina", RequestingSide.Grantee, Now);
        if (decided == AmendmentStatus.Approved)
        {
            grant.ApproveAmendment(amendment.Id, "Fatima", null, Now);
        }
        else
        {
            grant.RefuseAmendment(amendment.Id, "Not needed.", "Fatima", Now);
        }

        var endDate = grant.EndDate;

        var error = Assert.Throws<DomainException>(() =>
        {
            if (approveAgain)
            {
                grant.ApproveAmendment(amendment.Id, "Omar", null, Now);
            }
            else
            {
                grant.RefuseAmendment(amendment.Id, "Changed my mind.", "Omar", Now);
            }
        })!;

        Assert.Multiple(() =>
        {
            Assert.That((error.Code, error.Message), Is.EqualTo(("amendment.illegal-transition", expected)));
            Assert.That((amendment.Status, amendment.DecidedBy, grant.EndDate), Is.EqualTo((decided, (string?)"Fatima", endDate)));
        });
    }

    [Test]
    public void BudgetRevision_IncreaseWithNoPlannedInstalmentLeft_IsRefused()
    {
        var grant = GrantBuilder.AGrant().Scheduled(InstalmentTemplate.Parse("100")).Build();
        GrantBuilder.Move(grant, grant.Instalments[0], InstalmentStatus.Paid);
        var revision = grant.RequestBudgetRevision(Lines(15_500m), "Extra places.", "Fatima", RequestingSide.FundManager, Now);

        var error = Assert.Throws<DomainException>(() => grant.ApproveAmendment(revision.Id, "Omar", null, Now, Money.Usd(1_000m)))!;

        Assert.Multiple(() =>
        {
            Assert.That(error.Message, Is.EqualTo("This revision raises the grant, but no planned instalment is left to carry the increase."));
            Assert.That((revision.Status, grant.Amount), Is.EqualTo((AmendmentStatus.Pending, Money.Usd(15_000m))));
        });
    }

    [Test]
    public void PendingAmendments_ListsOnlyUndecided_AndOneOfEachKindAtATime()
    {
        var grant = GrantBuilder.AGrant().Build();
        var refused = grant.RequestExtension(End.AddMonths(1), "Reason.", "Amina", RequestingSide.Grantee, Now);
        grant.RefuseAmendment(refused.Id, "No.", "Fatima", Now);
        var extension = grant.RequestExtension(End.AddMonths(2), "Reason.", "Amina", RequestingSide.Grantee, Now);
        var revision = grant.RequestBudgetRevision(Lines(15_000m), "Reallocation.", "Fatima", RequestingSide.FundManager, Now);

        var error = Assert.Throws<DomainException>(() => grant.RequestExtension(End.AddMonths(4), "Another.", "Amina", RequestingSide.Grantee, Now))!;

        Assert.Multiple(() =>
        {
            Assert.That(grant.PendingAmendments, Is.EqualTo(new[] { extension, revision }));
            Assert.That(grant.Amendments.Select(a => a.Number), Is.EqualTo(new[] { 1, 2, 3 }));
            Assert.That(error.Message, Is.EqualTo("A no-cost extension is already waiting for a decision."));
        });
    }

    [Test]
    public void BudgetRevision_SameTotal_ReplacesTheLinesAndKeepsThePrevious()
    {
        var grant = GrantBuilder.AGrant().Build();
        var before = grant.Budget;
        var lines = Lines(15_000m);
        var revision = grant.RequestBudgetRevision(lines, "Move funds to legal aid.", "Amina", RequestingSide.Grantee, Now);

        grant.ApproveAmendment(revision.Id, "Fatima", "Agreed.", Now);

        Assert.Multiple(() =>
        {
            Assert.That(grant.Budget, Is.EqualTo(lines));
            Assert.That(revision.PreviousBudget, Is.EqualTo(before));
            Assert.That((revision.DecisionNote, revision.ApprovedIncrease), Is.EqualTo(((string?)"Agreed.", (Money?)null)));
            Assert.That(grant.Amount, Is.EqualTo(Money.Usd(15_000m)));
        });
    }

    [Test]
    public void BudgetRevision_ToTheApprovedAmountBelowTheApplicationsBudget_IsAccepted()
    {
        var application = GrantApplicationBuilder.AnApplication().In(ApplicationStatus.Approved).Build();
        var grant = Grant.Award(application, Money.Usd(12_000m), GrantBuilder.Start, End, 2026, 3, "Fatima", Now);
        var revision = grant.RequestBudgetRevision(Lines(12_000m), "Budget brought to the approved amount.", "Fatima", RequestingSide.FundManager, Now);

        grant.ApproveAmendment(revision.Id, "Omar", null, Now);

        Assert.That((grant.BudgetTotal, grant.Amount), Is.EqualTo((12_000m, Money.Usd(12_000m))));
    }

    [Test]
    public void BudgetRevision_LowerTotal_IsRefused()
    {
        var grant = GrantBuilder.AGrant().Build();

        var error = Assert.Throws<RulesViolatedException>(() => grant.RequestBudgetRevision(Lines(14_000m), "Less.", "Amina", RequestingSide.Grantee, Now))!;

        Assert.That(error.Message, Is.EqualTo("The revised budget totals USD 14,000.00: it must stay at USD 15,000.00 or match the grant's USD 15,000.00."));
    }

    [Test]
    public void BudgetRevision_MalformedLines_AreEachReported()
    {
        var grant = GrantBuilder.AGrant().Build();
        BudgetLine[] lines = [new(Guid.NewGuid(), BudgetCategory.Personnel, "Staff", 1, "year", -5m), new(Guid.NewGuid(), BudgetCategory.Other, " ", 1, "lot", 10m)];

        var error = Assert.Throws<RulesViolatedException>(() => grant.RequestBudgetRevision(lines, "Reason.", "Amina", RequestingSide.Grantee, Now))!;

        Assert.That(error.Violations.Select(v => v.Field), Is.EqualTo(new[] { "Budget[0]", "Budget" }));
    }

    [Test]
    public void BudgetRevision_Increase_NeedsALimitAndStaysWithinIt()
    {
        var grant = GrantBuilder.AGrant().Build();
        var revision = grant.RequestBudgetRevision(Lines(16_000m), "Extra shelter places.", "Fatima", RequestingSide.FundManager, Now);

        var noLimit = Assert.Throws<DomainException>(() => grant.ApproveAmendment(revision.Id, "Omar", null, Now))!;
        var tooLittle = Assert.Throws<DomainException>(() => grant.ApproveAmendment(revision.Id, "Omar", null, Now, Money.Usd(999.99m)))!;

        Assert.Multiple(() =>
        {
            Assert.That(noLimit.Message, Is.EqualTo("This revision raises the grant by USD 1,000.00: approving it needs the amount the call can still fund."));
            Assert.That(tooLittle.Message, Is.EqualTo("This revision raises the grant by USD 1,000.00, more than the USD 999.99 the call can still fund."));
            Assert.That((revision.Status, grant.Amount), Is.EqualTo((AmendmentStatus.Pending, Money.Usd(15_000m))));
        });
    }

    [Test]
    public void BudgetRevision_IncreaseWithinTheLimit_RaisesTheGrantAndItsLastPlannedInstalment()
    {
        var grant = GrantBuilder.AGrant().Build();
        GrantBuilder.Move(grant, grant.Instalments[0], InstalmentStatus.Paid);
        var revision = grant.RequestBudgetRevision(Lines(16_000m), "Extra shelter places.", "Fatima", RequestingSide.FundManager, Now);

        grant.ApproveAmendment(revision.Id, "Omar", null, Now, Money.Usd(1_000m));

        Assert.Multiple(() =>
        {
            Assert.That(grant.Amount, Is.EqualTo(Money.Usd(16_000m)));
            Assert.That(revision.ApprovedIncrease, Is.EqualTo(Money.Usd(1_000m)));
            Assert.That(grant.Instalments.Select(i => i.Amount.Amount), Is.EqualTo(new[] { 6_000m, 6_000m, 4_000m }));
            Assert.That(grant.Instalments.Sum(i => i.Amount.Amount), Is.EqualTo(grant.Amount.Amount));
        });
    }

    [Test]
    public void Amend_GrantInClosure_IsRefused()
    {
        var grant = GrantBuilder.AGrant().In(GrantStatus.Closing).Build();

        var error = Assert.Throws<DomainException>(() => grant.RequestExtension(End.AddMonths(1), "Reason.", "Amina", RequestingSide.Grantee, Now))!;

        Assert.That(error.Message, Is.EqualTo("A grant in closure or closed cannot be amended."));
    }

    private static List<BudgetLine> Lines(decimal total) =>
    [
        new(Guid.NewGuid(), BudgetCategory.DirectAssistanceToVictims, "Shelter", 4, "month", 2_500m),
        new(Guid.NewGuid(), BudgetCategory.TravelAndTransport, "Legal aid", 1, "lot", total - 10_000m),
    ];
}
