using System.Globalization;
using System.Net;
using Microsoft.EntityFrameworkCore;
using TrustFund.Application.Audit;
using TrustFund.Domain.Common;
using TrustFund.Domain.Grants;
using TrustFund.Web.Tests.Infrastructure;
using TrustFund.Web.Tests.Payments;
using TrustFund.Web.Tests.Screening;

namespace TrustFund.Web.Tests.Documents;

/// <summary>A grant's award letter and payment statement, on screen and printed by the real Chromium, read back with PdfPig.</summary>
public sealed class GrantDocumentsTests
{
    private const string StaffNote = "Bank fee charged twice";

    private TrustFundApp _app = null!;
    private Guid _ownGrant;
    private string _ownNumber = string.Empty;
    private Guid _otherGrant;
    private readonly Dictionary<string, (Guid Id, string Number)> _multilingual = [];

    [OneTimeSetUp]
    public async Task StartApp()
    {
        _app = await new TrustFundApp(new Dictionary<string, string?> { ["Pdf:BrowserPath"] = PdfBrowser.ExecutablePath }).StartAsync();

        // The demo organisation's grant of USD 10,000 (4,000 / 4,000 / 2,000): the first instalment paid,
        // part of it refunded, and the payment corrected down.
        var demoOrganisation = await FundData.DemoOrganisationIdAsync(_app, "applicant@trustfund.test");
        var own = await PaymentWebData.ActiveGrantAsync(_app, demoOrganisation, "AWD");
        _ownGrant = own.Id;
        _ownNumber = own.Number;
        await _app.WithDbAsync(async db =>
        {
            var grant = await db.Grants.SingleAsync(g => g.Id == _ownGrant);
            var now = FundData.Now(_app);
            var first = grant.Instalments[0].Id;
            grant.RequestRelease(first, ReleaseFacts.None, [], Guid.NewGuid(), "manager@trustfund.test", [], now);
            grant.ApproveRelease(first, Guid.NewGuid(), "finance@trustfund.test", [], now);
            var payment = grant.RecordPayment(first, Money.Usd(4_000m), new DateOnly(2026, 3, 1), "PAY-AWD-1", Guid.NewGuid(), "finance@trustfund.test", [], now);
            grant.RecordRefund(Money.Usd(250.50m), new DateOnly(2026, 3, 2), "REF-AWD-1", "Unspent transport money", Guid.NewGuid(), "finance@trustfund.test", now.AddMinutes(1));
            grant.RecordCorrection(payment.Id, -100m, new DateOnly(2026, 3, 2), "COR-AWD-1", StaffNote, Guid.NewGuid(), "finance@trustfund.test", now.AddMinutes(2));
            return await db.SaveChangesAsync();
        });

        _otherGrant = (await PaymentWebData.ActiveGrantAsync(_app, (await FundData.OrganisationAsync(_app, "Other Shelter Association")).Id, "AWD")).Id;

        // Grantees named in several scripts.
        foreach (var (language, name) in MultilingualNames.Lines().Where(l => l.Language is "en" or "ru" or "zh" or "ar"))
        {
            var organisation = await FundData.OrganisationAsync(_app, name);
            var grant = await PaymentWebData.ActiveGrantAsync(_app, organisation.Id, "AWDML");
            _multilingual[language] = (grant.Id, grant.Number);
        }
    }

    [OneTimeTearDown]
    public void StopApp() => _app.Dispose();

    [Test]
    public async Task AwardLetterPdf_Grantee_HasNumberPartiesAmountInWordsScheduleAndPageNumbers()
    {
        PdfBrowser.Require();
        using var applicant = await _app.SignInAsync("applicant@trustfund.test");

        var pdf = await PdfAsync(applicant, $"/grants/{_ownGrant}/award-letter.pdf");

        Assert.Multiple(() =>
        {
            Assert.That(pdf.Title, Does.StartWith("Award letter"));
            Assert.That(pdf.Author, Is.EqualTo("TrustFund Secretariat"));
            Assert.That(pdf.Says($"Page 1 of {pdf.Pages}"), Is.True);
            Assert.That(pdf.Says(_ownNumber), Is.True, "grant number");
            Assert.That(pdf.Says("UN Voluntary Trust Fund for Victims of Trafficking in Persons"), Is.True, "the fund");
            Assert.That(pdf.Says("USD 10,000.00"), Is.True, "amount in figures");
            Assert.That(pdf.Says("ten thousand United States dollars"), Is.True, "amount in words");
            Assert.That(pdf.Says("1 June 2026"), Is.True, "start date and first instalment");
            Assert.That(pdf.Says("31 December 2026"), Is.True, "end date");
            Assert.That(pdf.Says("15 January 2027"), Is.True, "last instalment");
            Assert.That(pdf.Says("4,000.00"), Is.True, "instalment amount");
            Assert.That(pdf.Says("2,000.00"), Is.True, "last instalment amount");
            Assert.That(pdf.Mentions("the agreement is signed by both parties"), Is.True, "release condition");
            Assert.That(pdf.Says("Conditions of the Board's approval"), Is.True);
        });
    }

    [TestCase("fr", "dix mille dollars des États-Unis", "Montant en toutes lettres")]
    [TestCase("es", "diez mil dólares estadounidenses", "Importe en letras")]
    [TestCase("ar", "فقط عشرة آلاف دولار أمريكي لا غير", "المبلغ كتابةً")]
    public async Task AwardLetter_InTheReadersLanguage_StatesTheAmountInItsWords(string language, string words, string label)
    {
        using var applicant = await _app.SignInAsync("applicant@trustfund.test");
        applicant.Client.DefaultRequestHeaders.TryAddWithoutValidation("Accept-Language", language);

        var (_, page) = await applicant.GetPageAsync($"/grants/{_ownGrant}/award-letter");

        Assert.Multiple(() =>
        {
            Assert.That(page.QuerySelector("[data-amount-words]")?.TextContent, Is.EqualTo(words));
            Assert.That(page.QuerySelector("[data-amount-words]")?.PreviousElementSibling?.TextContent, Is.EqualTo(label));
        });
    }

    [Test]
    public async Task AwardLetterPdf_InFrench_HasFrenchWordsAndPageFrame()
    {
        PdfBrowser.Require();
        using var applicant = await _app.SignInAsync("applicant@trustfund.test");
        applicant.Client.DefaultRequestHeaders.TryAddWithoutValidation("Accept-Language", "fr");

        var pdf = await PdfAsync(applicant, $"/grants/{_ownGrant}/award-letter.pdf");

        Assert.Multiple(() =>
        {
            Assert.That(pdf.Says($"Page 1 sur {pdf.Pages}"), Is.True, pdf.Text[..Math.Min(600, pdf.Text.Length)]);
            Assert.That(pdf.Says("Généré le"), Is.True);
            Assert.That(pdf.Mentions("dix mille dollars des États-Unis"), Is.True, "amount in words");
            Assert.That(pdf.Says(_ownNumber), Is.True);
        });
    }

    [Test]
    public async Task AwardLetterPdf_MultilingualGrantees_AreNamedInTheirScripts()
    {
        PdfBrowser.Require();
        using var manager = await _app.SignInAsync("manager@trustfund.test");
        var names = MultilingualNames.Lines().ToDictionary(l => l.Language, l => l.Name);

        foreach (var language in new[] { "en", "ru", "zh" })
        {
            var pdf = await PdfAsync(manager, $"/grants/{_multilingual[language].Id}/award-letter.pdf");
            Assert.That(pdf.Mentions(names[language]), Is.True, $"{language}: {names[language]}");
        }

        // Arabic: right-to-left shaping does not survive text extraction as the same string; the printed HTML
        // carries the name, and the PDF draws it with Arabic glyphs (a font that has them, not empty boxes).
        var arabic = _multilingual["ar"];
        var (_, page) = await manager.GetPageAsync($"/grants/{arabic.Id}/award-letter");
        var arabicPdf = await PdfAsync(manager, $"/grants/{arabic.Id}/award-letter.pdf");
        static bool IsArabic(char c) => c is (>= '\u0600' and <= '\u06FF') or (>= '\uFB50' and <= '\uFDFF') or (>= '\uFE70' and <= '\uFEFF');
        Assert.Multiple(() =>
        {
            Assert.That(page.QuerySelector("[data-organisation]")?.TextContent, Is.EqualTo(names["ar"]));
            Assert.That(arabicPdf.Says(arabic.Number), Is.True);
            Assert.That(arabicPdf.Text.Count(IsArabic), Is.GreaterThanOrEqualTo(names["ar"].Count(IsArabic) / 2), "The Arabic name should be drawn with Arabic glyphs.");
        });
    }

    [Test]
    public async Task StatementPdf_FinanceOfficer_HasEveryEntryWithTheRunningBalance()
    {
        PdfBrowser.Require();
        using var finance = await _app.SignInAsync("finance@trustfund.test");

        var pdf = await PdfAsync(finance, $"/grants/{_ownGrant}/statement.pdf");

        Assert.Multiple(() =>
        {
            Assert.That(pdf.Title, Does.StartWith("Payment statement"));
            Assert.That(pdf.Says($"Page 1 of {pdf.Pages}"), Is.True);
            Assert.That(pdf.Says(_ownNumber), Is.True);
            Assert.That(pdf.Says("PAY-AWD-1"), Is.True, "payment");
            Assert.That(pdf.Says("REF-AWD-1"), Is.True, "refund");
            Assert.That(pdf.Says("COR-AWD-1"), Is.True, "correction");
            Assert.That(pdf.Says("Reversal"), Is.True, "a correction downwards reads as a reversal");
            Assert.That(pdf.Says("Total paid USD 4,000.00"), Is.True);
            Assert.That(pdf.Says("3,749.50"), Is.True, "received after the refund: 4,000 - 250.50");
            Assert.That(pdf.Says("3,649.50"), Is.True, "received after the correction: 3,749.50 - 100");
            Assert.That(pdf.Says("Balance remaining USD 6,350.50"), Is.True);
            Assert.That(pdf.Mentions(StaffNote), Is.True, "the Secretariat's note");
            Assert.That(pdf.Says("Paid"), Is.True, "the first instalment's status");
            Assert.That(pdf.Says("Planned"), Is.True, "the next instalments' status");
        });
    }

    [Test]
    public async Task StatementPdf_Grantee_HasTheEntriesWithoutTheSecretariatsNotes()
    {
        PdfBrowser.Require();
        using var applicant = await _app.SignInAsync("applicant@trustfund.test");

        var pdf = await PdfAsync(applicant, $"/grants/{_ownGrant}/statement.pdf");

        Assert.Multiple(() =>
        {
            Assert.That(pdf.Says("PAY-AWD-1"), Is.True);
            Assert.That(pdf.Says("Balance remaining USD 6,350.50"), Is.True);
            Assert.That(pdf.Mentions(StaffNote), Is.False);
        });
    }

    [TestCase("award-letter")]
    [TestCase("statement")]
    public async Task GrantDocumentPdf_Printed_IsAuditedAsAnExportOfTheGrant(string document)
    {
        PdfBrowser.Require();
        using var manager = await _app.SignInAsync("manager@trustfund.test");
        var before = await ExportsAsync();

        await PdfAsync(manager, $"/grants/{_ownGrant}/{document}.pdf");

        var entries = await _app.WithDbAsync(db => db.AuditEntries.Where(e => e.Action == AuditActions.DocumentExported && e.EntityId == _ownGrant.ToString()).ToListAsync());
        Assert.Multiple(() =>
        {
            Assert.That(entries, Has.Count.EqualTo(before + 1));
            Assert.That(entries.Select(e => e.Summary), Has.Some.Contains(_ownNumber));
        });
    }

    [TestCase("/grants/{0}/award-letter")]
    [TestCase("/grants/{0}/award-letter.pdf")]
    [TestCase("/grants/{0}/statement")]
    [TestCase("/grants/{0}/statement.pdf")]
    public async Task GrantDocument_AnotherOrganisationsGrant_IsNotFound(string url)
    {
        using var applicant = await _app.SignInAsync("applicant@trustfund.test");

        using var response = await applicant.GetAsync(string.Format(CultureInfo.InvariantCulture, url, _otherGrant));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
    }

    [Test]
    public async Task GrantPage_LinksToBothDocuments_WhichLinkToTheirPdfs()
    {
        using var applicant = await _app.SignInAsync("applicant@trustfund.test");

        var (_, grantPage) = await applicant.GetPageAsync($"/Grants/{_ownGrant}");
        var (letterResponse, letter) = await applicant.GetPageAsync($"/grants/{_ownGrant}/award-letter");
        var (statementResponse, statement) = await applicant.GetPageAsync($"/grants/{_ownGrant}/statement");

        Assert.Multiple(() =>
        {
            Assert.That(grantPage.QuerySelector("a[data-award-letter-link]")?.GetAttribute("href"), Is.EqualTo($"/grants/{_ownGrant}/award-letter"));
            Assert.That(grantPage.QuerySelector("a[data-statement-link]")?.GetAttribute("href"), Is.EqualTo($"/grants/{_ownGrant}/statement"));
            Assert.That(letterResponse.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(letter.QuerySelector("[data-amount-words]")?.TextContent, Is.EqualTo("ten thousand United States dollars"));
            Assert.That(letter.QuerySelector("a[data-pdf]")?.GetAttribute("href"), Is.EqualTo($"/grants/{_ownGrant}/award-letter.pdf"));
            Assert.That(statementResponse.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(statement.QuerySelector("[data-statement]")?.GetAttribute("data-version"), Is.EqualTo("grantee"));
            Assert.That(statement.QuerySelectorAll("table[data-ledger] tbody tr"), Has.Length.EqualTo(3));
            Assert.That(statement.QuerySelector("a[data-pdf]")?.GetAttribute("href"), Is.EqualTo($"/grants/{_ownGrant}/statement.pdf"));
        });
    }

    private Task<int> ExportsAsync() => _app.WithDbAsync(db => db.AuditEntries.CountAsync(e => e.Action == AuditActions.DocumentExported && e.EntityId == _ownGrant.ToString()));

    private static Task<PdfText> PdfAsync(TestSession session, string url) => PdfDownload.ReadAsync(session, url);
}
