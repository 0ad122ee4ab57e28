using TrustFund.Domain.Common;
using TrustFund.Domain.GranteeReports;
using TrustFund.Domain.Tests.Builders;

namespace TrustFund.Domain.Tests.GranteeReports;

/// <summary>The grantee's draft of a report: saved while the report is open to them, gone once submitted.</summary>
public sealed class ReportDraftTests
{
    private static readonly DateTime Now = GranteeReportBuilder.Now;

    [TestCase(ReportStatus.Due)]
    [TestCase(ReportStatus.RevisionRequested)]
    public void SaveDraft_OpenToTheGrantee_KeepsTheContentIncompleteAsItIs(ReportStatus status)
    {
        var report = GranteeReportBuilder.AReport().In(status).Build();
        var incomplete = new ReportContent { Narrative = NarrativeReport.Empty with { Challenges = "Referrals were slow." } };

        report.SaveDraft(incomplete, "Grace", Now.AddHours(1));

        Assert.Multiple(() =>
        {
            Assert.That(report.Draft, Is.EqualTo(incomplete));
            Assert.That(report.DraftSavedBy, Is.EqualTo("Grace"));
            Assert.That(report.DraftSavedAtUtc, Is.EqualTo(Now.AddHours(1)));
            Assert.That(report.Status, Is.EqualTo(status), "saving a draft moves nothing");
        });
    }

    [TestCase(ReportStatus.Submitted)]
    [TestCase(ReportStatus.Accepted)]
    public void SaveDraft_SubmittedOrAccepted_IsRefused(ReportStatus status)
    {
        var report = GranteeReportBuilder.AReport().In(status).Build();

        var error = Assert.Throws<DomainException>(() => report.SaveDraft(ReportContents.Valid(), "Grace", Now))!;

        Assert.Multiple(() =>
        {
            Assert.That(error.Code, Is.EqualTo("report.not-editable"));
            Assert.That(report.Draft, Is.Null);
        });
    }

    [Test]
    public void Submit_AfterSavingADraft_ForgetsTheDraft()
    {
        var report = GranteeReportBuilder.AReport().Build();
        report.SaveDraft(ReportContents.Valid(), "Grace", Now);

        report.Submit(ReportContents.Valid(), false, "Grace", Now.AddHours(1));

        Assert.Multiple(() =>
        {
            Assert.That(report.Draft, Is.Null);
            Assert.That(report.DraftSavedBy, Is.Null);
            Assert.That(report.DraftSavedAtUtc, Is.Null);
            Assert.That(report.Submissions, Has.Count.EqualTo(1));
        });
    }
}
