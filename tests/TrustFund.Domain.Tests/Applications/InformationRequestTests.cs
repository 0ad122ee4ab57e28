using TrustFund.Domain.Applications;
using TrustFund.Domain.Applications.Events;
using TrustFund.Domain.Calls;
using TrustFund.Domain.Common;
using TrustFund.Domain.Tests.Builders;

namespace TrustFund.Domain.Tests.Applications;

public sealed class InformationRequestTests
{
    private static readonly DateTime Now = PublishedCalls.Now;

    [Test]
    public void RequestInformation_SetsTheResponseDateToTheMinuteAndRaisesTheRequest()
    {
        var application = Builders.Applications.Submitted(PublishedCalls.Published());
        var due = new DateTime(2026, 4, 10, 17, 0, 30, DateTimeKind.Utc);

        application.RequestInformation("Send the audited accounts.", due, Now);

        Assert.Multiple(() =>
        {
            Assert.That(application.Status, Is.EqualTo(ApplicationStatus.InformationRequested));
            Assert.That(application.InformationResponseDueUtc, Is.EqualTo(new DateTime(2026, 4, 10, 17, 0, 0, DateTimeKind.Utc)));
            Assert.That(application.PendingEvents(), Is.EqualTo(new[] { new InformationRequestSent(application.Id, application.OrganisationId, "Send the audited accounts.", application.InformationResponseDueUtc!.Value) }));
        });
    }

    [Test]
    public void RequestInformation_ResponseDateNotInTheFuture_IsRefusedAndChangesNothing()
    {
        var application = Builders.Applications.Submitted(PublishedCalls.Published());

        var error = Assert.Throws<RulesViolatedException>(() => application.RequestInformation("Send the accounts.", Now.AddSeconds(30), Now))!;

        Assert.That(error.Violations.Single().Field, Is.EqualTo(nameof(GrantApplication.InformationResponseDueUtc)));
        Assert.That(application.Status, Is.EqualTo(ApplicationStatus.Submitted));
        Assert.That(application.InformationRequest, Is.Null);
    }

    [Test]
    public void Resubmit_AfterTheCallClosedButBeforeTheResponseDate_IsAccepted()
    {
        var call = PublishedCalls.Published();
        var application = Builders.Applications.Submitted(call);
        var afterClosing = call.ClosesAtUtc.AddDays(3);
        application.RequestInformation("Detail the staffing.", afterClosing.AddDays(7), afterClosing);
        call.Close(afterClosing);

        application.Submit(Builders.Applications.Context(call, afterClosing.AddDays(2)), null, "Amina");

        Assert.Multiple(() =>
        {
            Assert.That(application.Status, Is.EqualTo(ApplicationStatus.Submitted));
            Assert.That(application.VersionCount, Is.EqualTo(2));
            Assert.That(application.Reference, Is.EqualTo("UNVTF-2026-ST-0001"));
            Assert.That(application.InformationResponseDueUtc, Is.Null);
        });
    }

    [Test]
    public void Resubmit_DuringTheResponseDatesMinute_IsOnTime()
    {
        var call = PublishedCalls.Published();
        var application = Builders.Applications.Submitted(call);
        var due = Now.AddDays(7);
        application.RequestInformation("Detail the staffing.", due, Now);

        application.Submit(Builders.Applications.Context(call, due.AddSeconds(59)), null, "Amina");

        Assert.That(application.Status, Is.EqualTo(ApplicationStatus.Submitted));
    }

    [Test]
    public void Resubmit_AfterTheResponseDate_IsRefusedAndKeepsTheRequest()
    {
        var call = PublishedCalls.Published();
        var application = Builders.Applications.Submitted(call);
        var due = Now.AddDays(7);
        application.RequestInformation("Detail the staffing.", due, Now);

        var error = Assert.Throws<RulesViolatedException>(() => application.Submit(Builders.Applications.Context(call, due.AddMinutes(1)), null, "Amina"))!;

        Assert.That(error.Violations.Select(v => v.Field), Is.EqualTo(new[] { "Deadline" }));
        Assert.That(application.Status, Is.EqualTo(ApplicationStatus.InformationRequested));
        Assert.That(application.VersionCount, Is.EqualTo(1));
    }

    [Test]
    public void RecordEligibility_WhileTheOrganisationMayStillRespond_IsRefused()
    {
        var application = Builders.Applications.Submitted(PublishedCalls.Published());
        application.RequestInformation("Detail the staffing.", Now.AddDays(7), Now);

        Assert.Multiple(() =>
        {
            Assert.That(application.IsReadyForScreening(Now.AddDays(1)), Is.False);
            Assert.That(() => application.RecordEligibility(true, null, Now.AddDays(1)), Throws.InstanceOf<DomainException>().With.Message.Contains("may still respond"));
            Assert.That(application.Status, Is.EqualTo(ApplicationStatus.InformationRequested));
        });
    }

    [Test]
    public void RecordEligibility_AfterTheResponseDatePassed_ScreensTheLastVersion()
    {
        var application = Builders.Applications.Submitted(PublishedCalls.Published());
        application.RequestInformation("Detail the staffing.", Now.AddDays(7), Now);
        var later = Now.AddDays(8);

        application.RecordEligibility(false, "No reply to the request for information.", later);

        Assert.Multiple(() =>
        {
            Assert.That(application.Status, Is.EqualTo(ApplicationStatus.Ineligible));
            Assert.That(application.InformationRequest, Is.Null);
            Assert.That(application.InformationResponseDueUtc, Is.Null);
        });
    }

    [Test]
    public void ScreeningStart_AfterTheResponseDatePassed_ScreensTheLastVersion()
    {
        var application = Builders.Applications.Submitted(PublishedCalls.Published());
        application.RequestInformation("Detail the staffing.", Now.AddDays(7), Now);

        Assert.That(() => Screening.Start(application, "manager", Now.AddDays(1)), Throws.InstanceOf<DomainException>());
        var screening = Screening.Start(application, "manager", Now.AddDays(8));

        Assert.That(screening.VersionNumber, Is.EqualTo(1));
    }
}
