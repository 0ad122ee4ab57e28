using TrustFund.Domain.Applications;
using TrustFund.Domain.Applications.Events;
using TrustFund.Domain.Calls;
using TrustFund.Domain.Common;
using TrustFund.Domain.Documents;
using TrustFund.Domain.Tests.Builders;

namespace TrustFund.Domain.Tests.Applications;

public sealed class SubmittedVersionTests
{
    private static readonly DateTime Now = PublishedCalls.Now;

    [Test]
    public void Submit_KeepsTheTermsInForceTheNameAndTheDocumentsRelied()
    {
        var call = PublishedCalls.Published();
        var application = Builders.Applications.Draft(call);

        application.Submit(Builders.Applications.Context(call, organisationName: "Casa Esperanza A.C."), "UNVTF-2026-ST-0007", "Amina");
        call.Amend(call.Terms with { MaximumAmount = 10_000m }, "Envelope cut.", "manager", Now.AddDays(1));

        var version = application.Versions.Single();
        Assert.Multiple(() =>
        {
            Assert.That(version.Terms!.MaximumAmount, Is.EqualTo(20_000m), "judged on the terms in force when submitted");
            Assert.That(call.Terms.MaximumAmount, Is.EqualTo(10_000m));
            Assert.That(version.OrganisationName, Is.EqualTo("Casa Esperanza A.C."));
            Assert.That(application.OrganisationName, Is.EqualTo("Casa Esperanza A.C."));
            Assert.That(version.Documents, Is.EqualTo(new[] { Builders.Applications.Certificate }));
            Assert.That(application.PendingEvents().OfType<ApplicationSubmitted>().Single(), Is.EqualTo(new ApplicationSubmitted(application.Id, call.Id, application.OrganisationId, "UNVTF-2026-ST-0007", 1, false, "Amina")));
        });
    }

    [Test]
    public void Submit_FirstTimeWithoutReference_IsAProgrammingError()
    {
        var call = PublishedCalls.Published();
        var application = Builders.Applications.Draft(call);

        Assert.Throws<ArgumentException>(() => application.Submit(Builders.Applications.Context(call), null, "Amina"));
        Assert.That(application.Status, Is.EqualTo(ApplicationStatus.Draft));
    }

    [Test]
    public void Submit_MissingRequiredDocument_IsRefusedNamingIt()
    {
        var call = PublishedCalls.Published();
        var application = Builders.Applications.Draft(call);

        var error = Assert.Throws<RulesViolatedException>(() => application.Submit(Builders.Applications.Context(call) with { Documents = [] }, "REF", "Amina"))!;

        Assert.That(error.Violations.Select(v => v.Field), Is.EqualTo(new[] { nameof(DocumentType.RegistrationCertificate) }));
    }

    [Test]
    public void ScreeningDecide_AfterANewVersion_IsRefused()
    {
        var call = PublishedCalls.Published();
        var application = Builders.Applications.Submitted(call);
        var first = Screening.Start(application, "manager", Now);
        application.RequestInformation("Detail the staffing.", Now.AddDays(7), Now);
        application.Submit(Builders.Applications.Context(call, Now.AddDays(1)), null, "Amina");

        var second = Screening.Start(application, "manager", Now.AddDays(2));

        Assert.Multiple(() =>
        {
            Assert.That(first.VersionNumber, Is.EqualTo(1));
            Assert.That(second.VersionNumber, Is.EqualTo(2));
            Assert.That(() => first.Decide(application, ScreeningOutcome.Ineligible, "Late.", "manager", Now.AddDays(2)), Throws.InstanceOf<DomainException>().With.Message.Contains("new version"));
        });
    }
}
