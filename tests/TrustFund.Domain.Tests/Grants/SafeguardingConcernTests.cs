using TrustFund.Domain.Common;
using TrustFund.Domain.Grants;
using TrustFund.Domain.Grants.Events;
using TrustFund.Domain.Tests.Builders;

namespace TrustFund.Domain.Tests.Grants;

/// <summary>Concerns against an organisation: opened with a category, date and note; closed only with a written outcome.</summary>
public sealed class SafeguardingConcernTests
{
    private static readonly DateTime Now = CallBuilder.Now;
    private static readonly Guid Organisation = Guid.NewGuid();

    [Test]
    public void Transitions_AreExactlyOpenToClosed() =>
        Assert.That(SafeguardingConcern.Transitions, Is.EquivalentTo(new[] { (ConcernStatus.Open, "Closed", ConcernStatus.Closed) }));

    [Test]
    public void Open_KeepsCategoryDateNoteAndWho_AndLeavesTheNoteOutOfTheEvent()
    {
        var concern = SafeguardingConcern.Open(Organisation, ConcernCategory.Misconduct, new DateOnly(2026, 2, 20), "  Staff member reported.  ", "Fatima", Now);

        Assert.Multiple(() =>
        {
            Assert.That((concern.OrganisationId, concern.Category, concern.OpenedOn, concern.Note, concern.OpenedBy, concern.OpenedAtUtc, concern.IsOpen),
                Is.EqualTo((Organisation, ConcernCategory.Misconduct, new DateOnly(2026, 2, 20), "Staff member reported.", "Fatima", Now, true)));
            Assert.That(concern.PendingEvents().Single(), Is.EqualTo(new ConcernOpened(concern.Id, Organisation, ConcernCategory.Misconduct, new DateOnly(2026, 2, 20))));
        });
    }

    [Test]
    public void Open_WithoutNoteInTheFutureAndUnknownCategory_ReportsEach()
    {
        var error = Assert.Throws<RulesViolatedException>(() => SafeguardingConcern.Open(Organisation, (ConcernCategory)42, DateOnly.FromDateTime(Now).AddDays(1), " ", "Fatima", Now))!;

        Assert.That(error.Violations.Select(v => v.Field), Is.EqualTo(new[] { "Category", "OpenedOn", "Note" }));
    }

    [Test]
    public void Close_WithOutcome_ClosesAndRecordsWhoAndWhen()
    {
        var concern = SafeguardingConcern.Open(Organisation, ConcernCategory.Fraud, new DateOnly(2026, 2, 20), "Invoices.", "Fatima", Now);

        concern.Close(" Audit found no fraud. ", "Omar", Now.AddDays(3));

        Assert.Multiple(() =>
        {
            Assert.That((concern.Status, concern.Outcome, concern.ClosedBy, concern.ClosedAtUtc), Is.EqualTo((ConcernStatus.Closed, (string?)"Audit found no fraud.", (string?)"Omar", (DateTime?)Now.AddDays(3))));
            Assert.That(concern.IsOpen, Is.False);
            Assert.That(concern.PendingEvents().OfType<ConcernClosed>().Count(), Is.EqualTo(1));
        });
    }

    [Test]
    public void Close_WithoutOutcome_IsRefusedAndStaysOpen()
    {
        var concern = SafeguardingConcern.Open(Organisation, ConcernCategory.Safeguarding, new DateOnly(2026, 2, 20), "Report.", "Fatima", Now);

        var error = Assert.Throws<RulesViolatedException>(() => concern.Close("   ", "Omar", Now))!;

        Assert.Multiple(() =>
        {
            Assert.That(error.Message, Is.EqualTo("Write the outcome of the concern in 1 to 4,000 characters."));
            Assert.That(concern.IsOpen, Is.True);
        });
    }

    [Test]
    public void Close_Twice_IsRefusedAndKeepsTheFirstOutcome()
    {
        var concern = SafeguardingConcern.Open(Organisation, ConcernCategory.Other, new DateOnly(2026, 2, 20), "Report.", "Fatima", Now);
        concern.Close("Resolved.", "Omar", Now);

        var error = Assert.Throws<DomainException>(() => concern.Close("Again.", "Omar", Now))!;

        Assert.Multiple(() =>
        {
            Assert.That((error.Code, error.Message), Is.EqualTo(("concern.illegal-transition", "A concern that is closed cannot be closed.")));
            Assert.That(concern.Outcome, Is.EqualTo("Resolved."));
        });
    }
}
