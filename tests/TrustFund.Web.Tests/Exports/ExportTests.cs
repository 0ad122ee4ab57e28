using System.Globalization;
using System.Net;
using Microsoft.EntityFrameworkCore;
using TrustFund.Application.Audit;
using TrustFund.Domain.Calls;
using TrustFund.Domain.Common;
using TrustFund.Domain.Grants;
using TrustFund.Domain.Reviews;
using TrustFund.Web.Tests.Grants;
using TrustFund.Web.Tests.Infrastructure;
using TrustFund.Web.Tests.Payments;
using TrustFund.Web.Tests.Reviews;
using TrustFund.Web.Tests.Screening;

namespace TrustFund.Web.Tests.Exports;

/// <summary>
/// The four exports through HTTP: each downloads in CSV and XLSX with the right content type, file
/// name, byte order mark, header row and the rows seeded here; the list's filters apply; hostile text
/// is neutralised; Arabic and Chinese names arrive intact; other roles are refused; each download is audited.
/// </summary>
public sealed class ExportTests
{
    private const string CsvType = "text/csv";
    private const string XlsxType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    private const string HostileTitle = "=HYPERLINK(\"http://evil.example\",\"Open\")";

    private static readonly string ArabicName = MultilingualNames.Lines().Single(l => l.Language == "ar").Name;
    private static readonly string ChineseName = MultilingualNames.Lines().Single(l => l.Language == "zh").Name;

    private TrustFundApp _app = null!;
    private TestSession _manager = null!;
    private TestSession _finance = null!;
    private TestSession _applicant = null!;
    private TestSession _reviewer = null!;
    private Guid _callId;
    private Guid _reviewedCallId;
    private Guid _grantCallId;
    private string _hostileReference = null!;
    private string _chineseReference = null!;
    private string _grantNumber = null!;

    [OneTimeSetUp]
    public async Task Seed()
    {
        _app = await new TrustFundApp().StartAsync();
        _manager = await _app.SignInAsync("manager@trustfund.test");
        _finance = await _app.SignInAsync("finance@trustfund.test");
        _applicant = await _app.SignInAsync("applicant@trustfund.test");
        _reviewer = await _app.SignInAsync("reviewer@trustfund.test");

        var arabic = await FundData.OrganisationAsync(_app, ArabicName, "EGY");
        var chinese = await FundData.OrganisationAsync(_app, ChineseName, "CHN");
        _callId = (await FundData.PublishedCallAsync(_app, "EXA")).Id;
        var otherCall = await FundData.PublishedCallAsync(_app, "EXB");
        _hostileReference = (await FundData.ApplicationAsync(_app, _callId, arabic.Id, FundData.Content(HostileTitle, 12_345.67m))).Reference!;
        _chineseReference = (await FundData.ApplicationAsync(_app, _callId, chinese.Id, FundData.Content("Legal aid in Yunnan", 18_000m))).Reference!;
        await FundData.ApplicationAsync(_app, otherCall.Id, chinese.Id, FundData.Content("Another call's project", 7_000m));

        // Two reviews submitted by the demo reviewer; a third reviewer of the first application declares a conflict.
        var ranked = await GrantWebData.RankedCallAsync(_app, "EXR", 500_000m, new GrantWebData.Entry(arabic.Id, 10_000m, 4), new GrantWebData.Entry(chinese.Id, 20_000m, 3));
        _reviewedCallId = ranked.CallId;
        var recused = await ReviewWebData.AssignAlsoAsync(_app, ranked.Applications[0], "reviewer2@trustfund.test");
        await _app.WithDbAsync(async db =>
        {
            var assignment = await db.ReviewAssignments.SingleAsync(a => a.Id == recused);
            assignment.DeclareConflict(ConflictType.Personal, "My cousin chairs its board.", FundData.Now(_app));
            await db.SaveChangesAsync();
            return true;
        });

        // A grant of the Arabic-named organisation with its first instalment (40%) paid under a hostile reference.
        var grant = await PaymentWebData.ActiveGrantAsync(_app, arabic.Id, "EXG");
        _grantCallId = grant.CallId;
        _grantNumber = grant.Number;
        await _app.WithDbAsync(async db =>
        {
            var now = FundData.Now(_app);
            var tracked = await db.Grants.SingleAsync(g => g.Id == grant.Id);
            var first = tracked.Instalments[0];
            var people = await db.Users.Where(u => u.Email == "manager@trustfund.test" || u.Email == "finance@trustfund.test").ToDictionaryAsync(u => u.Email!, u => u.Id);
            tracked.RequestRelease(first.Id, new ReleaseFacts(true, true, []), [], people["manager@trustfund.test"], "manager@trustfund.test", [], now);
            tracked.ApproveRelease(first.Id, people["finance@trustfund.test"], "finance@trustfund.test", [], now);
            tracked.RecordPayment(first.Id, first.Amount, new DateOnly(2026, 3, 1), "-42+BNK", people["finance@trustfund.test"], "finance@trustfund.test", [], now);
            await db.SaveChangesAsync();
            return true;
        });
    }

    [OneTimeTearDown]
    public void Stop()
    {
        foreach (var session in new[] { _manager, _finance, _applicant, _reviewer })
        {
            session?.Dispose();
        }

        _app.Dispose();
    }

    [Test]
    public async Task ApplicationsCsv_FilteredByCall_HasBomHeaderAndTheCallsRows()
    {
        var (response, file) = await DownloadAsync(_manager, $"/Manage/Applications/export.csv?call={_callId}&sort=amount&dir=asc");

        var rows = ExportFiles.ReadCsv(file);
        Assert.Multiple(() =>
        {
            Assert.That(response.Content.Headers.ContentType!.MediaType, Is.EqualTo(CsvType));
            Assert.That(response.Content.Headers.ContentDisposition!.DispositionType, Is.EqualTo("attachment"));
            Assert.That(response.Content.Headers.ContentDisposition.FileNameStar ?? response.Content.Headers.ContentDisposition.FileName, Is.EqualTo("applications-2026-03-02.csv"));
            Assert.That(file.Take(3), Is.EqualTo(ExportFiles.Utf8Bom));
            Assert.That(rows[0], Is.EqualTo(new[] { "Reference", "Call", "Title", "Organisation", "Implementing countries", "Status", "Amount requested (USD)", "Submitted (UTC)" }));
            Assert.That(rows.Skip(1).Select(r => r[0]), Is.EqualTo(new[] { _hostileReference, _chineseReference }), "both applications of the call, smallest amount first");
            Assert.That(rows[1][1], Is.EqualTo("EXA"));
            Assert.That(rows[1][2], Is.EqualTo("'" + HostileTitle), "a title that is a formula is neutralised");
            Assert.That(rows[1][3], Is.EqualTo(ArabicName));
            Assert.That(rows[2][3], Is.EqualTo(ChineseName));
            Assert.That(decimal.Parse(rows[1][6], NumberStyles.Number, CultureInfo.InvariantCulture), Is.EqualTo(12_345.67m));
            Assert.That(rows[1][6], Does.Not.Contain(","), "no thousands separator");
            Assert.That(rows[1][7], Does.Match(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$"));
        });
    }

    [Test]
    public async Task ApplicationsCsv_SearchAndAmountFilters_AreThoseOfTheList()
    {
        var (_, searched) = await DownloadAsync(_manager, $"/Manage/Applications/export.csv?call={_callId}&q=yunnan");
        var (_, above) = await DownloadAsync(_manager, $"/Manage/Applications/export.csv?call={_callId}&min=15000");
        var (_, unreadable) = await DownloadAsync(_manager, $"/Manage/Applications/export.csv?call={_callId}&min=lots");

        Assert.Multiple(() =>
        {
            Assert.That(ExportFiles.ReadCsv(searched).Skip(1).Select(r => r[0]), Is.EqualTo(new[] { _chineseReference }));
            Assert.That(ExportFiles.ReadCsv(above).Skip(1).Select(r => r[0]), Is.EqualTo(new[] { _chineseReference }));
            Assert.That(ExportFiles.ReadCsv(unreadable).Skip(1).Select(r => r[0]), Is.EquivalentTo(new[] { _hostileReference, _chineseReference }), "an amount that cannot be read is no bound, as on the list");
        });
    }

    [Test]
    public async Task ApplicationsXlsx_FilteredByCall_ReadsBackWithTheOpenXmlSdk()
    {
        var (response, file) = await DownloadAsync(_manager, $"/Manage/Applications/export.xlsx?call={_callId}&sort=amount&dir=asc");

        var rows = ExportFiles.ReadXlsx(file);
        Assert.Multiple(() =>
        {
            Assert.That(response.Content.Headers.ContentType!.MediaType, Is.EqualTo(XlsxType));
            Assert.That(response.Content.Headers.ContentDisposition!.FileNameStar ?? response.Content.Headers.ContentDisposition.FileName, Is.EqualTo("applications-2026-03-02.xlsx"));
            Assert.That(rows[0][0], Is.EqualTo("Reference"));
            Assert.That(rows.Skip(1).Select(r => r[0]), Is.EqualTo(new[] { _hostileReference, _chineseReference }));
            Assert.That(rows[1][2], Is.EqualTo("'" + HostileTitle));
            Assert.That(rows[1][3], Is.EqualTo(ArabicName));
            Assert.That(rows[2][3], Is.EqualTo(ChineseName));
            Assert.That(ExportFiles.NumberCells(file), Does.Contain((1, 6, "12345.67")), "the amount is a number cell");
        });
    }

    [Test]
    public async Task ApplicationsExport_UnknownFormat_IsNotFound()
    {
        var response = await _manager.GetAsync("/Manage/Applications/export.pdf");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
    }

    [Test]
    public async Task ReviewsCsv_OfACall_HasOneColumnPerCriterionAndLeavesOutTheRecusedReviewer()
    {
        var (response, file) = await DownloadAsync(_manager, $"/exports/reviews.csv?call={_reviewedCallId}");

        var rows = ExportFiles.ReadCsv(file);
        var criteria = DefaultRubric.Criteria.Select(c => c.Name).ToList();
        Assert.Multiple(() =>
        {
            Assert.That(response.Content.Headers.ContentDisposition!.FileNameStar ?? response.Content.Headers.ContentDisposition.FileName, Is.EqualTo("reviews-EXR-2026-03-02.csv"));
            Assert.That(rows[0], Is.EqualTo(new[] { "Application reference", "Call", "Reviewer" }.Concat(criteria).Concat(["Weighted score", "Recommendation", "Submitted (UTC)"])));
            Assert.That(rows, Has.Count.EqualTo(3), "the two submitted reviews, not the recused one");
            Assert.That(rows.Skip(1).Select(r => r[2]), Is.All.EqualTo("Jean-Pierre Martin"));
            Assert.That(rows.Skip(1).Select(r => r[2]), Has.None.EqualTo("Mei Lin"));
            Assert.That(rows[1].Skip(3).Take(criteria.Count), Is.All.EqualTo("4").Or.All.EqualTo("3"));
            Assert.That(rows.Skip(1).Select(r => r[3 + criteria.Count + 1]), Is.All.EqualTo("Fund"));
        });
    }

    [Test]
    public async Task ReviewsXlsx_EveryCall_NamesTheScoresInOneColumn()
    {
        var (response, file) = await DownloadAsync(_manager, "/exports/reviews.xlsx");

        var rows = ExportFiles.ReadXlsx(file);
        var ours = rows.Where(r => r[1] == "EXR").ToList();
        Assert.Multiple(() =>
        {
            Assert.That(response.Content.Headers.ContentType!.MediaType, Is.EqualTo(XlsxType));
            Assert.That(rows[0][3], Is.EqualTo("Criterion scores"));
            Assert.That(ours, Has.Count.EqualTo(2));
            Assert.That(ours.Select(r => r[3]), Has.Some.StartsWith($"{DefaultRubric.Criteria[0].Name}: 4"));
            Assert.That(rows.Select(r => r[2]), Has.None.EqualTo("Mei Lin"));
        });
    }

    [Test]
    public async Task ReviewsExport_UnknownCall_IsNotFound()
    {
        var response = await _manager.GetAsync($"/exports/reviews.csv?call={Guid.NewGuid()}");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
    }

    [Test]
    public async Task LedgerCsv_ForTheFinanceOfficer_HasThePaymentNeutralisedAndNamedIntact()
    {
        var (response, file) = await DownloadAsync(_finance, "/exports/ledger.csv");

        var rows = ExportFiles.ReadCsv(file);
        var payment = rows.Single(r => r[0] == _grantNumber);
        Assert.Multiple(() =>
        {
            Assert.That(response.Content.Headers.ContentType!.MediaType, Is.EqualTo(CsvType));
            Assert.That(file.Take(3), Is.EqualTo(ExportFiles.Utf8Bom));
            Assert.That(rows[0], Is.EqualTo(new[] { "Grant number", "Organisation", "Instalment", "Kind", "Amount (USD)", "Effect on amount paid (USD)", "Date", "Reference", "Recorded by", "Recorded (UTC)" }));
            Assert.That(payment[1], Is.EqualTo(ArabicName));
            Assert.That(payment[2], Is.EqualTo("1"));
            Assert.That(payment[3], Is.EqualTo("Payment"));
            Assert.That(decimal.Parse(payment[4], CultureInfo.InvariantCulture), Is.EqualTo(4_000m));
            Assert.That(decimal.Parse(payment[5], CultureInfo.InvariantCulture), Is.EqualTo(4_000m));
            Assert.That(payment[6], Is.EqualTo("2026-03-01"));
            Assert.That(payment[7], Is.EqualTo("'-42+BNK"));
            Assert.That(payment[8], Is.EqualTo("finance@trustfund.test"));
        });
    }

    [Test]
    public async Task LedgerXlsx_ForTheFundManager_ReadsBack()
    {
        var (response, file) = await DownloadAsync(_manager, "/exports/ledger.xlsx");

        var payment = ExportFiles.ReadXlsx(file).Single(r => r[0] == _grantNumber);
        Assert.Multiple(() =>
        {
            Assert.That(response.Content.Headers.ContentDisposition!.FileNameStar ?? response.Content.Headers.ContentDisposition.FileName, Is.EqualTo("payments-ledger-2026-03-02.xlsx"));
            Assert.That(payment[1], Is.EqualTo(ArabicName));
            Assert.That(payment[7], Is.EqualTo("'-42+BNK"));
        });
    }

    [Test]
    public async Task GrantsCsv_ForAFrenchReader_HasFrenchHeadersAndLanguageNeutralCells()
    {
        var french = await _app.SignInAsync("manager@trustfund.test");
        french.Client.DefaultRequestHeaders.TryAddWithoutValidation("Accept-Language", "fr");

        var (_, file) = await DownloadAsync(french, $"/exports/grants.csv?call={_grantCallId}");

        var rows = ExportFiles.ReadCsv(file);
        Assert.Multiple(() =>
        {
            Assert.That(rows[0], Is.EqualTo(new[] { "Numéro de la subvention", "Organisation", "Pays", "Appel", "Montant (USD)", "Payé (USD)", "Statut", "Début", "Fin" }));
            Assert.That(rows[1][0], Is.EqualTo(_grantNumber));
            Assert.That(decimal.Parse(rows[1][4], CultureInfo.InvariantCulture), Is.EqualTo(10_000m), "amounts keep the invariant form whatever the reader's language");
            Assert.That(rows[1][7], Does.Match(@"^\d{4}-\d{2}-\d{2}$"), "dates stay ISO");
        });
    }

    [Test]
    public async Task ReviewsAndLedgerXlsx_ForAnArabicReader_HaveArabicHeadersAndKeepTheRubricsOwnNames()
    {
        var arabic = await _app.SignInAsync("manager@trustfund.test");
        arabic.Client.DefaultRequestHeaders.TryAddWithoutValidation("Accept-Language", "ar");

        var (_, ledger) = await DownloadAsync(arabic, "/exports/ledger.xlsx");
        var (_, reviews) = await DownloadAsync(arabic, $"/exports/reviews.xlsx?call={_reviewedCallId}");

        var ledgerRows = ExportFiles.ReadXlsx(ledger);
        var reviewHeaders = ExportFiles.ReadXlsx(reviews)[0];
        Assert.Multiple(() =>
        {
            Assert.That(ledgerRows[0], Is.EqualTo(new[] { "رقم المنحة", "المنظمة", "القسط", "النوع", "المبلغ (USD)", "الأثر على المبلغ المدفوع (USD)", "التاريخ", "المرجع", "سجّله", "تاريخ التسجيل (UTC)" }));
            Assert.That(ledgerRows.Single(r => r[0] == _grantNumber)[1], Is.EqualTo(ArabicName));
            Assert.That(reviewHeaders.Take(3), Is.EqualTo(new[] { "الرقم المرجعي للطلب", "الدعوة", "المراجع" }));
            Assert.That(reviewHeaders.Skip(3).Take(DefaultRubric.Criteria.Count), Is.EqualTo(DefaultRubric.Criteria.Select(c => c.Name)), "a call's criteria keep the names their authors gave them");
            Assert.That(reviewHeaders.TakeLast(3), Is.EqualTo(new[] { "الدرجة المرجَّحة", "التوصية", "تاريخ التقديم (UTC)" }));
        });
    }

    [Test]
    public async Task GrantsCsv_FilteredByCall_HasTheGrantWithItsPaidAmount()
    {
        var (_, file) = await DownloadAsync(_finance, $"/exports/grants.csv?Call={_grantCallId}");

        var rows = ExportFiles.ReadCsv(file);
        Assert.Multiple(() =>
        {
            Assert.That(rows[0], Is.EqualTo(new[] { "Grant number", "Organisation", "Country", "Call", "Amount (USD)", "Paid (USD)", "Status", "Start", "End" }));
            Assert.That(rows, Has.Count.EqualTo(2), "only the call's one grant");
            Assert.That(rows[1][0], Is.EqualTo(_grantNumber));
            Assert.That(rows[1][1], Is.EqualTo(ArabicName));
            Assert.That(rows[1][2], Is.EqualTo("Egypt"));
            Assert.That(rows[1][3], Is.EqualTo("EXG"));
            Assert.That(decimal.Parse(rows[1][4], CultureInfo.InvariantCulture), Is.EqualTo(10_000m));
            Assert.That(decimal.Parse(rows[1][5], CultureInfo.InvariantCulture), Is.EqualTo(4_000m));
            Assert.That(rows[1][6], Is.EqualTo(nameof(GrantStatus.Active)));
            Assert.That(rows[1][7], Is.EqualTo("2026-06-01"));
            Assert.That(rows[1][8], Is.EqualTo("2026-12-31"));
        });
    }

    [Test]
    public async Task GrantsXlsx_StatusFilterWithNoMatch_HasOnlyTheHeaderRow()
    {
        var (_, file) = await DownloadAsync(_manager, $"/exports/grants.xlsx?Call={_grantCallId}&Status=Closed");

        Assert.That(ExportFiles.ReadXlsx(file), Has.Count.EqualTo(1));
    }

    [TestCase("/Manage/Applications/export.csv", "finance")]
    [TestCase("/Manage/Applications/export.xlsx", "applicant")]
    [TestCase("/Manage/Applications/export.csv", "reviewer")]
    [TestCase("/exports/reviews.csv", "finance")]
    [TestCase("/exports/reviews.xlsx", "reviewer")]
    [TestCase("/exports/ledger.csv", "applicant")]
    [TestCase("/exports/ledger.xlsx", "reviewer")]
    [TestCase("/exports/grants.csv", "applicant")]
    [TestCase("/exports/grants.xlsx", "reviewer")]
    public async Task Export_OtherRoles_AreRefused(string path, string who)
    {
        var session = who switch
        {
            "finance" => _finance,
            "applicant" => _applicant,
            _ => _reviewer,
        };

        var response = await session.GetAsync(path);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
    }

    [Test]
    public async Task Export_Anonymous_IsSentToSignIn()
    {
        using var anonymous = _app.NewSession();

        var response = await anonymous.GetAsync("/exports/grants.csv");

        Assert.That(TestSession.IsRedirectTo(response, "/Account/Login"), Is.True, response.StatusCode.ToString());
    }

    [Test]
    public async Task Export_EachDownload_IsAuditedWithItsFormatAndFilters()
    {
        var before = await _app.WithDbAsync(db => db.AuditEntries.MaxAsync(e => e.Sequence));

        await DownloadAsync(_manager, $"/Manage/Applications/export.xlsx?call={_callId}&q=yunnan");
        await DownloadAsync(_finance, "/exports/ledger.csv");

        var added = await _app.WithDbAsync(db => db.AuditEntries.Where(e => e.Action == AuditActions.DocumentExported && e.Sequence > before).OrderBy(e => e.Sequence).ToListAsync());
        Assert.Multiple(() =>
        {
            Assert.That(added, Has.Count.EqualTo(2));
            Assert.That(added.Select(e => e.Summary), Has.Some.EqualTo($"Applications exported as XLSX (filters: call={_callId}&q=yunnan)"));
            Assert.That(added.Select(e => e.Summary), Has.Some.EqualTo("Payments ledger exported as CSV (no filters)"));
        });
    }

    [Test]
    public async Task ListPages_OfferDownloadLinksThatKeepTheFilters()
    {
        var (_, applications) = await _manager.GetPageAsync($"/Manage/Applications?call={_callId}&q=yunnan");
        var (_, grants) = await _manager.GetPageAsync($"/Manage/Grants?Call={_grantCallId}");
        var (_, payments) = await _finance.GetPageAsync("/Finance/Payments");
        var (_, ranking) = await _manager.GetPageAsync($"/Manage/Calls/{_reviewedCallId}/Ranking");

        string[] Links(AngleSharp.Html.Dom.IHtmlDocument page) => [.. page.QuerySelectorAll("a[data-export]").Select(a => a.GetAttribute("href")!)];
        Assert.Multiple(() =>
        {
            Assert.That(Links(applications), Does.Contain($"/Manage/Applications/export.csv?call={_callId}&q=yunnan"));
            Assert.That(Links(applications), Does.Contain($"/Manage/Applications/export.xlsx?call={_callId}&q=yunnan"));
            Assert.That(Links(grants), Has.Some.StartsWith($"/exports/grants.xlsx?Status=&Call={_grantCallId}"));
            Assert.That(Links(payments), Does.Contain("/exports/ledger.csv"));
            Assert.That(Links(payments), Does.Contain("/exports/grants.xlsx"));
            Assert.That(Links(ranking), Does.Contain($"/exports/reviews.csv?call={_reviewedCallId}"));
        });
    }

    private static async Task<(HttpResponseMessage Response, byte[] File)> DownloadAsync(TestSession session, string path)
    {
        var response = await session.GetAsync(path);
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), path);
        return (response, await response.Content.ReadAsByteArrayAsync());
    }
}
