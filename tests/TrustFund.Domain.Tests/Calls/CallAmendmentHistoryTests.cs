using TrustFund.Domain.Calls;
using TrustFund.Domain.Calls.Events;
using TrustFund.Domain.Common;
using TrustFund.Domain.Tests.Builders;

namespace TrustFund.Domain.Tests.Calls;

public sealed class CallAmendmentHistoryTests
{
    private static readonly DateTime Now = PublishedCalls.Now;

    [Test]
    public void Amend_DraftCall_ChangesFreelyWithoutAmendment()
    {
        var call = Call.Draft(PublishedCalls.Terms(), Now.AddDays(-1));

        var amendment = call.Amend(PublishedCalls.Terms() with { MaximumAmount = 25_000m }, null, "manager", Now);

        Assert.Multiple(() =>
        {
            Assert.That(amendment, Is.Null);
            Assert.That(call.Terms.MaximumAmount, Is.EqualTo(25_000m));
            Assert.That(call.Amendments, Is.Empty);
            Assert.That(call.PendingEvents().OfType<CallAmended>(), Is.Empty);
        });
    }

    [Test]
    public void Amend_PublishedCallWithReason_RecordsNumberedAmendmentWithEachChange()
    {
        var call = PublishedCalls.Published();
        var terms = call.Terms with { MaximumAmount = 25_000m, EligibleAreas = ["002", "142"], RequiredDocuments = [DocumentType.RegistrationCertificate, DocumentType.PseaPolicy] };

        var amendment = call.Amend(terms, "  The Board raised the ceiling.  ", "manager@trustfund.test", Now);

        Assert.Multiple(() =>
        {
            Assert.That(amendment!.Number, Is.EqualTo(1));
            Assert.That(amendment.Reason, Is.EqualTo("The Board raised the ceiling."));
            Assert.That(amendment.AmendedBy, Is.EqualTo("manager@trustfund.test"));
            Assert.That(amendment.Changes, Is.EquivalentTo(new[]
            {
                new TermChange(nameof(CallTerms.MaximumAmount), "20000.00", "25000.00"),
                new TermChange(nameof(CallTerms.EligibleAreas), "002", "002, 142"),
                new TermChange(nameof(CallTerms.RequiredDocuments), "RegistrationCertificate", "PseaPolicy, RegistrationCertificate"),
            }));
            Assert.That(call.Amendments, Is.EqualTo(new[] { amendment }));
            var raised = call.PendingEvents().OfType<CallAmended>().Single();
            Assert.That(raised.Amendment, Is.EqualTo(amendment));
            Assert.That(raised.PreviousClosingUtc, Is.Null);
        });
    }

    [TestCase(null)]
    [TestCase("")]
    [TestCase("   ")]
    public void Amend_PublishedCallWithoutReason_IsRefusedAndChangesNothing(string? reason)
    {
        var call = PublishedCalls.Published();
        var before = call.Terms;

        var error = Assert.Throws<RulesViolatedException>(() => call.Amend(call.Terms with { MaximumDurationMonths = 12 }, reason, "manager", Now))!;

        Assert.Multiple(() =>
        {
            Assert.That(error.Violations.Select(v => v.Field), Is.EqualTo(new[] { nameof(CallAmendment.Reason) }));
            Assert.That(error.Violations[0].Message, Does.Contain("give the reason for the amendment"));
            Assert.That(call.Terms, Is.EqualTo(before));
            Assert.That(call.Amendments, Is.Empty);
        });
    }

    [Test]
    public void Amend_PublishedCallWithNoChange_NeedsNoReasonAndRecordsNothing()
    {
        var call = PublishedCalls.Published();

        var amendment = call.Amend(call.Terms, null, "manager", Now);

        Assert.That(amendment, Is.Null);
        Assert.That(call.Amendments, Is.Empty);
    }

    [Test]
    public void Amend_ClosingMoved_SaysWhenItClosedBefore()
    {
        var call = PublishedCalls.Published();
        var before = call.ClosesAtUtc;

        call.Amend(call.Terms with { ClosesAtUtc = before.AddDays(7) }, "More time for partners in conflict areas.", "manager", Now);

        var raised = call.PendingEvents().OfType<CallAmended>().Single();
        Assert.Multiple(() =>
        {
            Assert.That(raised.PreviousClosingUtc, Is.EqualTo(before));
            Assert.That(raised.ClosesAtUtc, Is.EqualTo(before.AddDays(7)));
            Assert.That(raised.Amendment.Changes.Select(c => c.Term), Is.EqualTo(new[] { nameof(CallTerms.ClosesAtUtc) }));
        });
    }

    [Test]
    public void Amend_Twice_NumbersTheAmendmentsInOrder()
    {
        var call = PublishedCalls.Published();

        call.Amend(call.Terms with { MaximumDurationMonths = 8 }, "First.", "manager", Now);
        call.Amend(call.Terms with { MaximumDurationMonths = 7 }, "Second.", "manager", Now.AddHours(1));

        Assert.That(call.Amendments.Select(a => (a.Number, a.Reason)), Is.EqualTo(new[] { (1, "First."), (2, "Second.") }));
    }

    [Test]
    public void Amend_ReasonTooLong_IsRefused()
    {
        var call = PublishedCalls.Published();

        var error = Assert.Throws<RulesViolatedException>(() => call.Amend(call.Terms with { MaximumDurationMonths = 8 }, new string('r', Call.AmendmentReasonMaxLength + 1), "manager", Now))!;

        Assert.That(error.Violations.Single().Field, Is.EqualTo(nameof(CallAmendment.Reason)));
    }

    [Test]
    public void Draft_DeadlinesWithSeconds_AreKeptToTheMinute()
    {
        var call = Call.Draft(PublishedCalls.Terms() with { ClosesAtUtc = new DateTime(2026, 3, 22, 23, 59, 42, DateTimeKind.Utc) }, Now);

        Assert.That(call.ClosesAtUtc, Is.EqualTo(new DateTime(2026, 3, 22, 23, 59, 0, DateTimeKind.Utc)));
    }

    [TestCase(0, true)]
    [TestCase(59, true)]
    [TestCase(60, false)]
    public void AcceptsSubmissionsAt_DuringTheDeadlineMinute_IsOnTime(int secondsAfter, bool accepted)
    {
        var call = PublishedCalls.Published();

        Assert.That(call.AcceptsSubmissionsAt(call.ClosesAtUtc.AddSeconds(secondsAfter)), Is.EqualTo(accepted));
        Assert.That(call.AcceptsDraftsAt(call.ClosesAtUtc.AddSeconds(secondsAfter)), Is.EqualTo(accepted));
    }

    [Test]
    public void Delete_WithApplications_IsRefusedWithTheirNumber()
    {
        var call = PublishedCalls.Published();

        var error = Assert.Throws<DomainException>(() => call.Delete(2))!;

        Assert.That(error.Message, Does.Contain("it has 2 application(s)"));
        Assert.That(call.PendingEvents(), Is.Empty);
    }

    [Test]
    public void Delete_WithoutApplications_RaisesCallDeleted()
    {
        var call = PublishedCalls.Published();

        call.Delete(0);

        Assert.That(call.PendingEvents().Single(), Is.EqualTo(new CallDeleted(call.Id, call.Code, call.Title)));
    }
}
