using TrustFund.Domain.Calls;
using TrustFund.Domain.Common;
using TrustFund.Domain.Documents;

namespace TrustFund.Domain.Tests.Documents;

public sealed class AttachmentTests
{
    private static readonly DateTime Now = new(2026, 3, 2, 9, 0, 0, DateTimeKind.Utc);

    [Test]
    public void Remove_HidesTheDocumentAndSaysWhoAndWhen()
    {
        var attachment = Certificate();

        attachment.Remove("amina@example.org", Now);

        Assert.That(attachment.IsRemoved, Is.True);
        Assert.That(attachment.RemovedAtUtc, Is.EqualTo(Now));
        Assert.That(attachment.RemovedBy, Is.EqualTo("amina@example.org"));
    }

    [Test]
    public void Remove_Twice_IsRefused()
    {
        var attachment = Certificate();
        attachment.Remove("amina@example.org", Now);

        Assert.Throws<DomainException>(() => attachment.Remove("amina@example.org", Now.AddMinutes(1)));
        Assert.That(attachment.RemovedAtUtc, Is.EqualTo(Now));
    }

    [Test]
    public void SubmittedDocumentOf_KeepsWhatTheVersionReliedOn()
    {
        var attachment = Certificate();

        var document = SubmittedDocument.Of(attachment);

        Assert.That(document, Is.EqualTo(new SubmittedDocument(attachment.Id, DocumentType.RegistrationCertificate, "certificate.pdf", 2048, new string('b', 64), true)));
    }

    private static Attachment Certificate() =>
        Attachment.Record(Guid.NewGuid(), null, DocumentType.RegistrationCertificate, "certificate.pdf", "application/pdf", 2048, new string('b', 64), Guid.NewGuid(), Now.AddDays(-3), "amina@example.org");
}
