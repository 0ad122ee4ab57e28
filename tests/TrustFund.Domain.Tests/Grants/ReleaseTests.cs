using TrustFund.Domain.Common;
using TrustFund.Domain.Grants;
using TrustFund.Domain.Grants.Events;
using TrustFund.Domain.Tests.Builders;

namespace TrustFund.Domain.Tests.Grants;

/// <summary>Requesting and approving a release: conditions, overrides, the four-eyes rule and safeguarding concerns.</summary>
public sealed class ReleaseTests
{
    private static readonly DateTime Now = GrantBuilder.Now;
    private static readonly Guid FundManager = GrantBuilder.FundManagerId;
    private static readonly Guid FinanceOfficer = GrantBuilder.FinanceOfficerId;

    [Test]
    public void RequestRelease_ConditionsMet_RecordsWhoAndWhen()
    {
        var grant = GrantBuilder.AGrant().Build();
        var first = grant.Instalments[0];

        grant.RequestRelease(first.Id, ReleaseFacts.None, [], FundManager, "Fatima", [], Now);

        Assert.Multiple(() =>
        {
            Assert.That((first.Status, first.RequestedById, first.RequestedBy, first.RequestedAtUtc), Is.EqualTo((InstalmentStatus.Requested, (Guid?)FundManager, (string?)"Fatima", (DateTime?)Now)));
            Assert.That(first.HasOverriddenConditions, Is.False);
            Assert.That(grant.PendingEvents().OfType<InstalmentReleaseRequested>().Single().Amount, Is.EqualTo(Money.Usd(6_000m)));
        });
    }

    [Test]
    public void RequestRelease_UnmetConditions_AreEachListedAndNothingChanges()
    {
        var grant = GrantBuilder.AGrant().WithoutVerifiedBankDetails().Scheduled(null).Build();
        grant.PlanInstalments(InstalmentTemplate.Parse("80/20"), GrantBuilder.PlannedDates(2), [[ReleaseCondition.BankDetailsVerified, ReleaseCondition.InterimReportAccepted, ReleaseCondition.Manual("Audit report received")], [ReleaseCondition.FinalReportAccepted]]);
        var first = grant.Instalments[0];

        var error = Assert.Throws<RulesViolatedException>(() => grant.RequestRelease(first.Id, ReleaseFacts.None, [], FundManager, "Fatima", [], Now))!;

        Assert.Multiple(() =>
        {
            Assert.That(error.Violations.Select(v => v.Message), Is.EqualTo(new[]
            {
                "This condition is not met: the organisation's bank details are verified.",
                "This condition is not met: the interim report is accepted.",
                "This condition is not met: \"Audit report received\".",
            }));
            Assert.That(grant.UnmetConditions(first.Id, ReleaseFacts.None), Has.Count.EqualTo(3));
            Assert.That(first.Status, Is.EqualTo(InstalmentStatus.Planned));
        });
    }

    [Test]
    public void RequestRelease_ManualConditionConfirmed_IgnoringCase_IsMet()
    {
        var grant = GrantBuilder.AGrant().Scheduled(null).Build();
        grant.PlanInstalments(InstalmentTemplate.Parse("100"), GrantBuilder.PlannedDates(1), [[ReleaseCondition.Manual("Audit report received")]]);

        grant.RequestRelease(grant.Instalments[0].Id, new ReleaseFacts(false, false, ["audit REPORT received "]), [], FundManager, "Fatima", [], Now);

        Assert.That(grant.Instalments[0].Status, Is.EqualTo(InstalmentStatus.Requested));
    }

    [Test]
    public void RequestRelease_InterimReportOverriddenWithJustification_IsRecordedOnTheInstalment()
    {
        var grant = GrantBuilder.AGrant().Build();
        var second = grant.Instalments[1];

        grant.RequestRelease(second.Id, ReleaseFacts.None, [new ConditionOverride(ReleaseCondition.InterimReportAccepted, "  Report delayed by floods; activities verified on site. ")], FundManager, "Fatima", [], Now);

        Assert.Multiple(() =>
        {
            Assert.That(second.Status, Is.EqualTo(InstalmentStatus.Requested));
            Assert.That(second.HasOverriddenConditions, Is.True);
            Assert.That(second.Overrides, Is.EqualTo(new[]
            {
                new OverriddenCondition(ReleaseCondition.InterimReportAccepted, "Report delayed by floods; activities verified on site.", FundManager, "Fatima", Now),
            }));
            Assert.That(grant.PendingEvents().OfType<InstalmentReleaseRequested>().Single().OverriddenConditions, Has.Count.EqualTo(1));
        });
    }

    [Test]
    public void RequestRelease_OverrideWithoutJustification_IsRefused()
    {
        var grant = GrantBuilder.AGrant().Build();
        var second = grant.Instalments[1];

        var error = Assert.Throws<RulesViolatedException>(() => grant.RequestRelease(second.Id, ReleaseFacts.None, [new ConditionOverride(ReleaseCondition.InterimReportAccepted, " ")], FundManager, "Fatima", [], Now))!;

        Assert.Multiple(() =>
        {
            Assert.That(error.Message, Is.EqualTo("Justify overriding this condition: the interim report is accepted."));
            Assert.That((second.Status, second.Overrides.Count), Is.EqualTo((InstalmentStatus.Planned, 0)));
        });
    }

    [Test]
    public void RequestRelease_OverridingBankDetails_IsRefused()
    {
        var grant = GrantBuilder.AGrant().WithoutVerifiedBankDetails().Build();
        var first = grant.Instalments[0];

        var error = Assert.Throws<RulesViolatedException>(() => grant.RequestRelease(first.Id, ReleaseFacts.None, [new ConditionOverride(ReleaseCondition.BankDetailsVerified, "Urgent.")], FundManager, "Fatima", [], Now))!;

        Assert.That(error.Violations.Select(v => v.Message), Is.EqualTo(new[] { "This condition cannot be overridden: the organisation's bank details are verified." }));
    }

    [Test]
    public void RequestRelease_OverridingAConditionTheInstalmentDoesNotHaveOrThatIsMet_IsRefused()
    {
        var grant = GrantBuilder.AGrant().Build();
        var second = grant.Instalments[1];

        var error = Assert.Throws<RulesViolatedException>(() => grant.RequestRelease(
            second.Id,
            new ReleaseFacts(true, false, []),
            [new ConditionOverride(ReleaseCondition.FinalReportAccepted, "Why not."), new ConditionOverride(ReleaseCondition.InterimReportAccepted, "Why not.")],
            FundManager,
            "Fatima",
            [],
            Now))!;

        Assert.That(error.Violations.Select(v => v.Message), Is.EqualTo(new[]
        {
            "Instalment 2 has no such condition: the final report is accepted.",
            "This condition is met and needs no override: the interim report is accepted.",
        }));
    }

    [Test]
    public void ApproveRelease_ByTheRequester_IsRefusedClearly()
    {
        var grant = GrantBuilder.AGrant().Build();
        var first = grant.Instalments[0];
        GrantBuilder.Request(grant, first);

        var error = Assert.Throws<DomainException>(() => grant.ApproveRelease(first.Id, FundManager, "Fatima", [], Now))!;

        Assert.Multiple(() =>
        {
            Assert.That((error.Code, error.Message), Is.EqualTo(("grant.approver-is-requester", "You requested the release of this instalment: another finance officer must approve it.")));
            Assert.That(first.Status, Is.EqualTo(InstalmentStatus.Requested));
        });
    }

    [Test]
    public void ApproveRelease_ByAnotherPerson_RecordsTheApprover()
    {
        var grant = GrantBuilder.AGrant().Build();
        var first = grant.Instalments[0];
        GrantBuilder.Request(grant, first);

        grant.ApproveRelease(first.Id, FinanceOfficer, "Femi", [], Now);

        Assert.That((first.Status, first.ApprovedById, first.ApprovedBy, first.ApprovedAtUtc), Is.EqualTo((InstalmentStatus.Approved, (Guid?)FinanceOfficer, (string?)"Femi", (DateTime?)Now)));
    }

    [Test]
    public void RequestRelease_GrantSuspended_IsRefused()
    {
        var grant = GrantBuilder.AGrant().In(GrantStatus.Suspended).Build();

        var error = Assert.Throws<DomainException>(() => GrantBuilder.Request(grant, grant.Instalments[0]))!;

        Assert.That(error.Message, Is.EqualTo("The grant is suspended: no instalment can be released or paid until it is resumed."));
    }

    [Test]
    public void RequestRelease_AgreementNotSigned_IsRefused()
    {
        var grant = GrantBuilder.AGrant().In(GrantStatus.AgreementPending).Build();

        var error = Assert.Throws<DomainException>(() => GrantBuilder.Request(grant, grant.Instalments[0]))!;

        Assert.That(error.Message, Is.EqualTo("The agreement is not yet signed by both parties: no instalment can be released or paid."));
    }

    [Test]
    public void OpenConcern_BlocksRequestApprovalAndPayment_NamingItsCategoryAndDate()
    {
        var grant = GrantBuilder.AGrant().Build();
        var (planned, requested, approved) = (grant.Instalments[0], grant.Instalments[1], grant.Instalments[2]);
        GrantBuilder.Move(grant, requested, InstalmentStatus.Requested);
        GrantBuilder.Move(grant, approved, InstalmentStatus.Approved);
        var concern = SafeguardingConcern.Open(grant.OrganisationId, ConcernCategory.Fraud, new DateOnly(2026, 2, 27), "Duplicate invoices reported.", "Fatima", Now);
        const string Expected = "Payments to this organisation are blocked while a concern is open: fraud concern opened on 27 February 2026.";

        var errors = new[]
        {
            Assert.Throws<DomainException>(() => grant.RequestRelease(planned.Id, GrantBuilder.AllReportsAccepted, [], FundManager, "Fatima", [concern], Now))!,
            Assert.Throws<DomainException>(() => grant.ApproveRelease(requested.Id, FinanceOfficer, "Femi", [concern], Now))!,
            Assert.Throws<DomainException>(() => grant.RecordPayment(approved.Id, approved.Amount, GrantBuilder.Today, "PAY-9", FinanceOfficer, "Femi", [concern], Now))!,
        };

        Assert.Multiple(() =>
        {
            Assert.That(errors.Select(e => (e.Code, e.Message)), Is.All.EqualTo(("grant.concern-open", Expected)));
            Assert.That(grant.Instalments.Select(i => i.Status), Is.EqualTo(new[] { InstalmentStatus.Planned, InstalmentStatus.Requested, InstalmentStatus.Approved }));
            Assert.That(grant.Ledger, Is.Empty);
        });
    }

    [Test]
    public void ClosedConcernOrAnotherOrganisationsConcern_DoesNotBlock()
    {
        var grant = GrantBuilder.AGrant().Build();
        var closed = SafeguardingConcern.Open(grant.OrganisationId, ConcernCategory.Misconduct, new DateOnly(2026, 1, 5), "Complaint by a beneficiary.", "Fatima", Now);
        closed.Close("Investigated: unfounded.", "Fatima", Now);
        var elsewhere = SafeguardingConcern.Open(Guid.NewGuid(), ConcernCategory.Safeguarding, new DateOnly(2026, 1, 5), "Another organisation.", "Fatima", Now);

        grant.RequestRelease(grant.Instalments[0].Id, ReleaseFacts.None, [], FundManager, "Fatima", [closed, elsewhere], Now);

        Assert.That(grant.Instalments[0].Status, Is.EqualTo(InstalmentStatus.Requested));
    }

    [Test]
    public void PaymentBlock_SeveralOpenConcerns_NamesEachOldestFirst()
    {
        var organisation = Guid.NewGuid();
        var later = SafeguardingConcern.Open(organisation, ConcernCategory.Other, new DateOnly(2026, 3, 1), "Note.", "Fatima", Now);
        var earlier = SafeguardingConcern.Open(organisation, ConcernCategory.Safeguarding, new DateOnly(2025, 12, 24), "Note.", "Fatima", Now);

        var error = Assert.Throws<DomainException>(() => PaymentBlock.EnsureNoOpenConcern(organisation, [later, earlier]))!;

        Assert.That(error.Message, Is.EqualTo("Payments to this organisation are blocked while a concern is open: safeguarding concern opened on 24 December 2025; other concern opened on 1 March 2026."));
    }
}
