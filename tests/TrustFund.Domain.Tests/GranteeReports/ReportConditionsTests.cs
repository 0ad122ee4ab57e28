using TrustFund.Domain.GranteeReports;
using TrustFund.Domain.Grants;
using TrustFund.Domain.Tests.Builders;

namespace TrustFund.Domain.Tests.GranteeReports;

/// <summary>Which reports an instalment's report conditions wait for.</summary>
public sealed class ReportConditionsTests
{
    private static readonly DateTime Now = GrantBuilder.Now;

    [Test]
    public void InterimReportAccepted_404020WithOneInterimReport_TheSecondInstalmentWaitsForIt()
    {
        var grant = GrantBuilder.AGrant().Scheduled(InstalmentTemplate.Parse("40/40/20")).Build();
        var reports = Schedule(grant, interimReports: 1);
        var second = grant.Instalments[1];

        var before = ReportConditions.InterimReportAccepted(grant, second.Id, reports);
        Accept(reports[0]);

        Assert.Multiple(() =>
        {
            Assert.That(before, Is.False);
            Assert.That(ReportConditions.InterimReportAccepted(grant, second.Id, reports), Is.True);
            Assert.That(ReportConditions.FinalReportsAccepted(grant.Id, reports), Is.False, "the final report is still due");
        });
    }

    [Test]
    public void InterimReportAccepted_TwoInstalmentsWaiting_TheSecondWaitsForBothInterimReports()
    {
        var grant = GrantBuilder.AGrant().Scheduled(InstalmentTemplate.Parse("25/25/25/25")).Build();
        var reports = Schedule(grant, interimReports: 2);
        Accept(reports[1]);

        Assert.Multiple(() =>
        {
            Assert.That(ReportConditions.InterimReportAccepted(grant, grant.Instalments[1].Id, reports), Is.False, "the first interim report is not accepted");
            Assert.That(ReportConditions.InterimReportAccepted(grant, grant.Instalments[2].Id, reports), Is.False, "the second waits for both");
        });

        Accept(reports[0]);
        Assert.That(ReportConditions.InterimReportAccepted(grant, grant.Instalments[2].Id, reports), Is.True);
    }

    [Test]
    public void InterimReportAccepted_NoInterimReport_IsNeverMetByItself()
    {
        var grant = GrantBuilder.AGrant().Scheduled(InstalmentTemplate.Parse("40/40/20")).Build();
        var reports = Schedule(grant, interimReports: 0);

        Assert.That(ReportConditions.InterimReportAccepted(grant, grant.Instalments[1].Id, reports), Is.False);
    }

    [Test]
    public void FinalReportsAccepted_FinalAccepted_IsMet_AndFactsCarryTheManualConditions()
    {
        var grant = GrantBuilder.AGrant().Scheduled(InstalmentTemplate.Parse("80/20")).Build();
        var reports = Schedule(grant, interimReports: 1);
        Accept(reports.Single(r => r.Kind == ReportKind.Final));

        var facts = ReportConditions.Facts(grant, grant.Instalments[1].Id, reports, ["Audit report received"]);

        Assert.Multiple(() =>
        {
            Assert.That(facts.FinalReportAccepted, Is.True);
            Assert.That(facts.InterimReportAccepted, Is.False);
            Assert.That(facts.ManualConditionsMet, Is.EqualTo(new[] { "Audit report received" }));
            Assert.That(ReportConditions.FinalReportsAccepted(Guid.NewGuid(), reports), Is.False, "another grant's reports say nothing");
        });
    }

    private static List<GranteeReport> Schedule(Grant grant, int interimReports) =>
        [.. ReportSchedule.Plan(grant.StartDate, grant.EndDate, new ReportScheduleTerms(interimReports)).Select(p => GranteeReport.Schedule(grant.Id, p))];

    private static void Accept(GranteeReport report)
    {
        report.Submit(ReportContents.Valid(), false, "Grace", Now);
        report.Accept("Omar", Now);
    }
}
