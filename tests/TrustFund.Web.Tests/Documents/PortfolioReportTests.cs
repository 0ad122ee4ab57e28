using System.Net;
using Microsoft.EntityFrameworkCore;
using TrustFund.Application.Audit;
using TrustFund.Domain.Applications;
using TrustFund.Domain.Calls;
using TrustFund.Domain.Common;
using TrustFund.Domain.GranteeReports;
using TrustFund.Domain.Grants;
using TrustFund.Web.Tests.Infrastructure;
using TrustFund.Web.Tests.Payments;
using TrustFund.Web.Tests.Screening;

namespace TrustFund.Web.Tests.Documents;

/// <summary>
/// The portfolio report on three grants: two on call PORTA (Nigeria, the Philippines), one on PORTB
/// (Brazil); USD 4,000 paid on the first; accepted reports counting 30 women and 3 men (PORTA) and 12
/// women and 8 men (PORTB), so the 3 is small and must not be recoverable from the totals.
/// </summary>
public sealed class PortfolioReportTests
{
    private TrustFundApp _app = null!;
    private Guid _callA;
    private readonly List<string> _numbers = [];
    private string _multilingualName = string.Empty;

    [OneTimeSetUp]
    public async Task StartApp()
    {
        _app = await new TrustFundApp(new Dictionary<string, string?> { ["Pdf:BrowserPath"] = PdfBrowser.ExecutablePath }).StartAsync();
        _multilingualName = MultilingualNames.Lines().Single(l => l.Language == "ru").Name;
        var lagos = await GrantAsync("Lagos Shelter Network", "PORTA", "NGA", AssistanceType.ShelterAndSafeAccommodation, AssistanceType.MedicalCare);
        var manila = await GrantAsync(_multilingualName, "PORTA", "PHL", AssistanceType.LegalAidAndRepresentation);
        var recife = await GrantAsync("Recife Legal Clinic", "PORTB", "BRA", AssistanceType.LegalAidAndRepresentation);
        _callA = await _app.WithDbAsync(db => db.Calls.Where(c => c.Code == "PORTA").Select(c => c.Id).SingleAsync());
        _numbers.AddRange([lagos.Number, manila.Number, recife.Number]);
        await _app.WithDbAsync(async db =>
        {
            var now = FundData.Now(_app);
            var grant = await db.Grants.SingleAsync(g => g.Id == lagos.Id);
            var first = grant.Instalments[0].Id;
            grant.RequestRelease(first, ReleaseFacts.None, [], Guid.NewGuid(), "manager@trustfund.test", [], now);
            grant.ApproveRelease(first, Guid.NewGuid(), "finance@trustfund.test", [], now);
            grant.RecordPayment(first, Money.Usd(4_000m), new DateOnly(2026, 3, 1), "PAY-PORT-1", Guid.NewGuid(), "finance@trustfund.test", [], now);
            db.GranteeReports.Add(AcceptedReport(lagos.Id, women: 30, men: 3, now));
            db.GranteeReports.Add(AcceptedReport(recife.Id, women: 12, men: 8, now));
            return await db.SaveChangesAsync();
        });
    }

    [OneTimeTearDown]
    public void StopApp() => _app.Dispose();

    [Test]
    public async Task PortfolioPdf_FinanceOfficer_HasTotalsBreakdownsVictimsAndActiveGrants()
    {
        PdfBrowser.Require();
        using var finance = await _app.SignInAsync("finance@trustfund.test");

        var pdf = await PdfDownload.ReadAsync(finance, "/reports/portfolio.pdf?from=2026-01-01&to=2026-12-31");

        Assert.Multiple(() =>
        {
            Assert.That(pdf.Title, Does.StartWith("Portfolio report"));
            Assert.That(pdf.Says($"Page 1 of {pdf.Pages}"), Is.True);
            Assert.That(pdf.Says("Approved USD 30,000.00"), Is.True, "three grants of 10,000");
            Assert.That(pdf.Says("Paid in the period USD 4,000.00"), Is.True);
            Assert.That(pdf.Says("Africa 1 10,000.00 4,000.00"), Is.True, "by region");
            Assert.That(pdf.Says("Asia 1 10,000.00 0.00"), Is.True);
            Assert.That(pdf.Says("PORTA 2 20,000.00 4,000.00"), Is.True, "by call");
            Assert.That(pdf.Says("Nigeria"), Is.True, "by country");
            Assert.That(pdf.Says("Legal aid"), Is.True, "by type of assistance");
            Assert.That(pdf.Says("<5"), Is.True, "the small count");
            Assert.That(pdf.Says("53"), Is.True, "persons assisted in all");
            Assert.That(pdf.Mentions(_multilingualName), Is.True, "Cyrillic, in the active grants");
            foreach (var number in _numbers)
            {
                Assert.That(pdf.Says(number), Is.True, number);
            }
        });
    }

    [Test]
    public async Task Portfolio_OnScreen_VictimsTableHidesTheSmallCountAndWhatWouldGiveItAway()
    {
        using var manager = await _app.SignInAsync("manager@trustfund.test");

        var (response, page) = await manager.GetPageAsync("/reports/portfolio");

        var rows = page.QuerySelectorAll("table[data-victims-table] tbody tr").Select(r => r.QuerySelectorAll("td").Select(td => td.TextContent.Trim()).ToList()).ToList();
        Assert.Multiple(() =>
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(page.QuerySelector("svg[data-chart='chart-region'] title")?.TextContent, Does.Contain("region"), "the chart, named");
            Assert.That(page.QuerySelector("table[data-breakdown='region'] caption"), Is.Not.Null, "the table beside the chart");
            Assert.That(rows, Has.Count.EqualTo(2));
            Assert.That(rows[0][1], Is.EqualTo("<5"), "PORTA, male: 3");
            Assert.That(rows.SelectMany(r => r), Has.None.EqualTo("3").And.None.EqualTo("30").And.None.EqualTo("8").And.None.EqualTo("12"), "no count that would give the 3 away");
            Assert.That(page.QuerySelector("[data-victims-total]")?.TextContent.Trim(), Is.EqualTo("53"));
            Assert.That(page.QuerySelector("a[data-pdf]")?.GetAttribute("href"), Is.EqualTo("/reports/portfolio.pdf"));
        });
    }

    [Test]
    public async Task Portfolio_OneCall_HasOnlyItsGrants()
    {
        using var manager = await _app.SignInAsync("manager@trustfund.test");

        var (_, page) = await manager.GetPageAsync($"/reports/portfolio?call={_callA}");

        Assert.Multiple(() =>
        {
            Assert.That(page.QuerySelector("[data-grants]")?.TextContent.Trim(), Is.EqualTo("2"));
            Assert.That(page.QuerySelectorAll("table[data-active-grants] tbody tr"), Has.Length.EqualTo(2));
            Assert.That(page.QuerySelector("a[data-pdf]")?.GetAttribute("href"), Is.EqualTo($"/reports/portfolio.pdf?call={_callA}"));
        });
    }

    [Test]
    public async Task Portfolio_FromAfterTo_SaysSoOnScreenAndAnswers400ForThePdf()
    {
        using var manager = await _app.SignInAsync("manager@trustfund.test");

        var (screen, page) = await manager.GetPageAsync("/reports/portfolio?from=2026-12-31&to=2026-01-01");
        using var pdf = await manager.GetAsync("/reports/portfolio.pdf?from=2026-12-31&to=2026-01-01");
        var body = WebUtility.HtmlDecode(await pdf.Content.ReadAsStringAsync());

        Assert.Multiple(() =>
        {
            Assert.That(screen.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(page.QuerySelector("[data-error-summary]")?.TextContent, Does.Contain("The start of the period must be on or before its end."));
            Assert.That(page.QuerySelector("[data-victims]"), Is.Null, "no report");
            Assert.That(pdf.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
            Assert.That(pdf.Content.Headers.ContentType?.MediaType, Is.EqualTo("text/html"));
            Assert.That(body, Does.Contain("The start of the period must be on or before its end."));
        });
    }

    [Test]
    public async Task Portfolio_UnreadableDate_SaysHowToWriteIt()
    {
        using var manager = await _app.SignInAsync("manager@trustfund.test");

        var (screen, page) = await manager.GetPageAsync("/reports/portfolio?from=yesterday");

        Assert.Multiple(() =>
        {
            Assert.That(screen.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(page.QuerySelector("[data-error-summary]")?.TextContent, Does.Contain("year-month-day"));
        });
    }

    [TestCase("/reports/portfolio?call={0}")]
    [TestCase("/reports/portfolio.pdf?call={0}")]
    public async Task Portfolio_UnknownCall_IsNotFound(string url)
    {
        using var manager = await _app.SignInAsync("manager@trustfund.test");

        using var response = await manager.GetAsync(string.Format(System.Globalization.CultureInfo.InvariantCulture, url, Guid.NewGuid()));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
    }

    [Test]
    public async Task PortfolioPdf_NoGrantInThePeriod_IsADocumentSayingSo()
    {
        PdfBrowser.Require();
        using var manager = await _app.SignInAsync("manager@trustfund.test");

        var pdf = await PdfDownload.ReadAsync(manager, "/reports/portfolio.pdf?from=2090-01-01&to=2090-12-31");

        Assert.Multiple(() =>
        {
            Assert.That(pdf.Says("No grant falls within this period and call: there is nothing to report."), Is.True);
            Assert.That(pdf.Says("Page 1 of 1"), Is.True);
        });
    }

    [Test]
    public async Task PortfolioPdf_Printed_IsAuditedAsAnExport()
    {
        PdfBrowser.Require();
        using var manager = await _app.SignInAsync("manager@trustfund.test");
        var before = await _app.WithDbAsync(db => db.AuditEntries.CountAsync(e => e.Action == AuditActions.DocumentExported && e.Summary.StartsWith("Portfolio report")));

        await PdfDownload.ReadAsync(manager, $"/reports/portfolio.pdf?call={_callA}");

        var after = await _app.WithDbAsync(db => db.AuditEntries.Where(e => e.Action == AuditActions.DocumentExported && e.Summary.StartsWith("Portfolio report")).ToListAsync());
        Assert.Multiple(() =>
        {
            Assert.That(after, Has.Count.EqualTo(before + 1));
            Assert.That(after.Select(e => e.EntityId), Has.Some.EqualTo(_callA.ToString()));
        });
    }

    [Test]
    public async Task GrantsList_LinksToThePortfolioReport()
    {
        using var manager = await _app.SignInAsync("manager@trustfund.test");

        var (_, page) = await manager.GetPageAsync("/Manage/Grants");

        Assert.That(page.QuerySelector("a[data-portfolio-link]")?.GetAttribute("href"), Is.EqualTo("/reports/portfolio"));
    }

    private async Task<Grant> GrantAsync(string organisationName, string callCode, string country, params AssistanceType[] assistance)
    {
        var organisation = await FundData.OrganisationAsync(_app, organisationName, country);
        return await PaymentWebData.ActiveGrantAsync(_app, organisation.Id, callCode, content: FundData.Content("Shelter and legal aid", 10_000m, [country], assistance));
    }

    /// <summary>An interim report, accepted, counting <paramref name="women"/> women and <paramref name="men"/> men.</summary>
    private static GranteeReport AcceptedReport(Guid grantId, int women, int men, DateTime now)
    {
        var persons = women + men;
        var report = GranteeReport.Schedule(grantId, new PlannedReport(ReportKind.Interim, 1, new DateOnly(2026, 2, 28), new DateOnly(2026, 3, 31)));
        report.Submit(
            new ReportContent
            {
                Narrative = new NarrativeReport("The shelter housed survivors as planned.", "Referrals were slow at first.", "No incident.", "Early legal aid shortens shelter stays."),
                Financial = new FinancialReport([new FinancialLine("Shelter rent", Money.Usd(4_000m), Money.Usd(3_800m))], Money.Usd(4_000m)),
                Victims = new VictimCounts
                {
                    BySexAndAge = [new(Sex.Female, AgeBand.Age25To59, women), new(Sex.Male, AgeBand.Age25To59, men)],
                    ByAssistanceType = [new(AssistanceType.ShelterAndSafeAccommodation, persons)],
                    ByNationality = [new("566", persons)],
                    UniquePersons = persons,
                    NewPersons = persons,
                },
            },
            false,
            "applicant@trustfund.test",
            now);
        report.Accept("manager@trustfund.test", now);
        return report;
    }
}
