using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using TrustFund.Domain.Organisations;
using TrustFund.Domain.Reviews;
using TrustFund.Web.Tests.Infrastructure;
using TrustFund.Web.Tests.Reviews;
using TrustFund.Web.Tests.Screening;

namespace TrustFund.Web.Tests.Localization;

/// <summary>
/// A probable conflict's officer match reads in the page's language on the reviewers page of an
/// application and in the conflicts log: what matched and the punctuation are translated, the officer's
/// name and position stay as the organisation typed them, each set apart; a confirmation without a
/// typed reason reads "Confirmed: …" in the page's language; a ruling recorded before keeps its English text.
/// </summary>
public sealed class OfficerMatchTextTests
{
    private const string Manager = "manager@trustfund.test";
    private const string Position = "membre du conseil d'administration";
    private TrustFundApp _app = null!;

    [OneTimeSetUp]
    public async Task StartApp() => _app = await new TrustFundApp().StartAsync();

    [OneTimeTearDown]
    public void StopApp() => _app.Dispose();

    [Test]
    public async Task ProbableConflict_OnTheReviewersPageAndInTheConflictsLog_ReadsInFrenchAndArabic()
    {
        var call = await FundData.PublishedCallAsync(_app, "OMT");
        // The reviewer Jean-Pierre Martin has the email address the organisation gave for its board member Mei Lin.
        var application = await AssignmentPageTests.EligibleAsync(_app, call.Id, "Maison Lin", new OrganisationOfficer("Mei Lin", Position, "reviewer@trustfund.test"));
        var reviewer = await _app.WithDbAsync(db => db.Users.Where(u => u.Email == "reviewer@trustfund.test").Select(u => u.Id).SingleAsync());
        using var manager = await _app.SignInAsync(Manager);
        var url = $"/Manage/Applications/{application.Id}/Reviewers";
        var log = $"/Manage/Calls/{call.Id}/Conflicts";
        var match = $"[data-candidate='{reviewer}'] [data-probable-conflict] [data-match]";

        var frenchPage = await manager.GetPageInAsync(url, "fr");
        var arabicPage = await manager.GetPageInAsync(url, "ar");
        var spanishPage = await manager.GetPageInAsync(url, "es");
        var confirmed = await manager.PostFormAsync(url, url + "/Conflicts/Confirm", new() { ["ReviewerId"] = reviewer.ToString(), ["Reason"] = string.Empty });
        var frenchLog = await manager.GetPageInAsync(log, "fr");
        var arabicLog = await manager.GetPageInAsync(log, "ar");
        var englishLog = await manager.GetPageInAsync(log, "en");
        var frenchPack = await manager.GetPageInAsync($"/calls/{call.Id}/board-pack", "fr");
        var anonymisedPack = await manager.GetPageInAsync($"/calls/{call.Id}/board-pack?anonymise=true", "fr");

        var ruling = $"[data-rulings] tr[data-ruling='{ConflictRulingKind.Pinned}']";
        Assert.Multiple(async () =>
        {
            Assert.That(frenchPage.QuerySelector(match)?.TextContent, Is.EqualTo("Mei Lin (membre du conseil d'administration)\u00A0: même adresse électronique"));
            Assert.That(arabicPage.QuerySelector(match)?.TextContent, Is.EqualTo("Mei Lin (membre du conseil d'administration): البريد الإلكتروني نفسه"));
            Assert.That(spanishPage.QuerySelector(match)?.TextContent, Is.EqualTo("Mei Lin (membre du conseil d'administration): mismo correo electrónico"));
            Assert.That(Isolated(arabicPage.QuerySelector(match)), Is.EqualTo(new[] { "Mei Lin", Position }), "the name and the position each in a <bdi>");
            Assert.That(TestSession.IsRedirectTo(confirmed, url), Is.True);
            Assert.That(await _app.WithDbAsync(db => db.ConflictRulings.Where(r => r.ReviewerId == reviewer).Select(r => new { r.Reason, r.Match }).SingleAsync()), Is.EqualTo(new { Reason = string.Empty, Match = (string?)null }), "no English sentence is stored");
            Assert.That(Cell(frenchLog, ruling, "match"), Is.EqualTo("Mei Lin (membre du conseil d'administration)\u00A0: même adresse électronique"));
            Assert.That(Cell(frenchLog, ruling, "reason"), Is.EqualTo("Confirmé\u00A0: Mei Lin (membre du conseil d'administration)\u00A0: même adresse électronique"));
            Assert.That(Cell(arabicLog, ruling, "match"), Is.EqualTo("Mei Lin (membre du conseil d'administration): البريد الإلكتروني نفسه"));
            Assert.That(Cell(arabicLog, ruling, "reason"), Is.EqualTo("تم التأكيد: Mei Lin (membre du conseil d'administration): البريد الإلكتروني نفسه"));
            Assert.That(Isolated(arabicLog.QuerySelector($"{ruling} [data-reason]")), Is.EqualTo(new[] { "Mei Lin", Position }));
            Assert.That(Cell(englishLog, ruling, "reason"), Is.EqualTo("Confirmed: Mei Lin (membre du conseil d'administration): same email"));
            Assert.That(frenchPack.QuerySelector("[data-reason]")?.TextContent.Trim(), Is.EqualTo("Confirmé\u00A0: Mei Lin (membre du conseil d'administration)\u00A0: même adresse électronique"));
            Assert.That(anonymisedPack.QuerySelector("[data-reason]")?.TextContent.Trim(), Is.EqualTo("Confirmé\u00A0: Même adresse électronique"), "the officer's name may be the reviewer's");
        });
    }

    [Test]
    public async Task RulingRecordedAsAnEnglishSentence_IsShownAsRecorded_MarkedAsEnglish()
    {
        var call = await FundData.PublishedCallAsync(_app, "OMR");
        var application = await AssignmentPageTests.EligibleAsync(_app, call.Id, "Older Ruling Org");
        var reviewer = await _app.WithDbAsync(db => db.Users.Where(u => u.Email == "reviewer2@trustfund.test").Select(u => u.Id).SingleAsync());
        await _app.WithDbAsync(async db =>
        {
            var older = ConflictRuling.Rule(reviewer, application.OrganisationId, ConflictRulingKind.Pinned, null, "Confirmed: Mei Lin (Treasurer): same name", "manager", FundData.Now(_app));
            db.ConflictRulings.Add(older);
            db.Entry(older).Property(r => r.Match).CurrentValue = "Mei Lin (Treasurer): same name";
            return await db.SaveChangesAsync();
        });
        using var manager = await _app.SignInAsync(Manager);

        var french = await manager.GetPageInAsync($"/Manage/Calls/{call.Id}/Conflicts", "fr");

        var row = $"[data-rulings] tr[data-ruling='{ConflictRulingKind.Pinned}']";
        var recorded = french.QuerySelector($"{row} [data-match] span");
        Assert.Multiple(() =>
        {
            Assert.That(french.QuerySelector($"{row} td")?.TextContent, Is.EqualTo("Older Ruling Org"));
            Assert.That(recorded?.TextContent, Is.EqualTo("Mei Lin (Treasurer): same name"));
            Assert.That((recorded?.GetAttribute("lang"), recorded?.GetAttribute("dir")), Is.EqualTo(("en", "ltr")));
            Assert.That(Cell(french, row, "reason"), Is.EqualTo("Confirmed: Mei Lin (Treasurer): same name"), "a reason is shown as recorded");
            Assert.That(french.QuerySelector(row)?.QuerySelectorAll("td")[1].TextContent, Is.EqualTo("Conflit probable confirmé"));
        });
    }

    private static string? Cell(IHtmlDocument page, string row, string name) => page.QuerySelector($"{row} [data-{name}]")?.TextContent.Trim();

    private static string[] Isolated(IElement? element) => [.. element?.QuerySelectorAll("bdi").Select(b => b.TextContent) ?? []];

}
