using System.Net;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using TrustFund.Web.Tests.Grants;
using TrustFund.Web.Tests.Infrastructure;
using TrustFund.Web.Tests.Payments;
using TrustFund.Web.Tests.Reviews;
using TrustFund.Web.Tests.Screening;
using static TrustFund.Web.Tests.Grants.GrantWebData;

namespace TrustFund.Web.Tests.Localization;

/// <summary>
/// Sentences staff pages build from what the use cases return (why auto-assignment falls short, the
/// concerns blocking payments, the applications a decision passes over) read whole in the page's
/// language, their counts in the form the language gives them, their words and dates translated.
/// </summary>
public sealed class StaffSentencesTests
{
    private const string Manager = "manager@trustfund.test";
    private TrustFundApp _app = null!;

    [OneTimeSetUp]
    public async Task StartApp() => _app = await new TrustFundApp().StartAsync();

    [OneTimeTearDown]
    public void StopApp() => _app.Dispose();

    [Test]
    public async Task AutoAssignmentShortfall_InFrenchAndArabic_SaysWhyInOneSentence()
    {
        var call = await FundData.PublishedCallAsync(_app, "SSA", t => t with { ReviewersPerApplication = 3 });
        var application = await AssignmentPageTests.EligibleAsync(_app, call.Id, "Shortfall Org");
        var reviewer = await _app.WithDbAsync(db => db.Users.Where(u => u.Email == "reviewer2@trustfund.test").Select(u => u.Id).SingleAsync());
        using var manager = await _app.SignInAsync(Manager);
        var reviewers = $"/Manage/Applications/{application.Id}/Reviewers";
        await manager.PostFormAsync(reviewers, reviewers + "/Conflicts/Pin", new() { ["ReviewerId"] = reviewer.ToString(), ["Reason"] = "Consultant to the organisation in 2025." });
        var url = $"/Manage/Calls/{call.Id}/Reviewers/Auto";

        var french = await manager.GetPageInAsync(url, "fr");
        var arabic = await manager.GetPageInAsync(url, "ar");
        var fingerprint = french.QuerySelector("input[name=Fingerprint]")!.GetAttribute("value")!;
        manager.Client.DefaultRequestHeaders.TryAddWithoutValidation("Accept-Language", "ar");
        var confirmed = await manager.PostFormAsync(url, url, new() { ["Fingerprint"] = fingerprint });
        manager.Client.DefaultRequestHeaders.Remove("Accept-Language");
        var arabicAfter = await manager.GetPageInAsync(url, "ar");
        var frenchAfter = await manager.GetPageInAsync(url, "fr");

        var reason = $"[data-shortfall='{application.Id}'] [data-shortfall-reason]";
        var shortfall = $"[data-shortfall='{application.Id}']";
        var loads = arabic.QuerySelector("[data-loads]")!;
        var (least, most) = (loads.GetAttribute("data-loads")!.Split('-')[0], loads.GetAttribute("data-loads")!.Split('-')[1]);
        Assert.Multiple(() =>
        {
            Assert.That(loads.TextContent, Is.EqualTo($"من {least} إلى {most}"), "the range of loads reads from least to most right to left");
            Assert.That(french.QuerySelector("[data-loads]")?.TextContent, Is.EqualTo($"{least} à {most}"));
            Assert.That(french.QuerySelector(reason)?.TextContent, Is.EqualTo("Requis\u00A0: 3, trouvés\u00A0: 1\u202F; sur les 2 évaluateurs, 1 a un conflit d'intérêts avec l'organisation."));
            Assert.That(arabic.QuerySelector(reason)?.TextContent, Is.EqualTo("المطلوب 3، والمتاح 1: من بين 2 مراجعَين، 1 منهم لديه تضارب مصالح مع المنظمة."));
            Assert.That(TestSession.IsRedirectTo(confirmed, url), Is.True);
            Assert.That(arabicAfter.QuerySelector("[role=status].alert-success")?.TextContent, Is.EqualTo("التكليفات المُجراة: 1، إلى 1 مراجع؛ وأُبلغ كل مراجع بالبريد الإلكتروني. لا يزال 1 طلب يفتقر إلى مراجعين: انظر السبب أدناه."));
            Assert.That(arabicAfter.QuerySelector(reason)?.TextContent, Is.EqualTo("المطلوب 2، والمتاح 0: من بين 2 مراجعَين، 1 منهم مكلَّف أو متنحٍّ بالفعل، 1 منهم لديه تضارب مصالح مع المنظمة."));
            Assert.That(french.QuerySelector(shortfall)?.TextContent, Is.EqualTo($"{application.Reference}\u00A0: Requis\u00A0: 3, trouvés\u00A0: 1\u202F; sur les 2 évaluateurs, 1 a un conflit d'intérêts avec l'organisation."));
            Assert.That(arabic.QuerySelector(shortfall)?.TextContent, Is.EqualTo($"{application.Reference}: المطلوب 3، والمتاح 1: من بين 2 مراجعَين، 1 منهم لديه تضارب مصالح مع المنظمة."));
            Assert.That(frenchAfter.QuerySelector(reason)?.TextContent, Is.EqualTo("Requis\u00A0: 2, trouvés\u00A0: 0\u202F; sur les 2 évaluateurs, 1 est déjà affecté ou récusé, 1 a un conflit d'intérêts avec l'organisation."));
        });
    }

    [Test]
    public async Task OpenConcern_OnThePaymentAndInstalmentPages_InFrenchAndArabic_NamesItsCategoryAndDay()
    {
        var organisation = await FundData.OrganisationAsync(_app, "Concern Sentence Shelter");
        var grant = await PaymentWebData.ActiveGrantAsync(_app, organisation.Id, "SSC");
        await PaymentWebData.ConcernAsync(_app, organisation.Id, closed: false);
        using var finance = await _app.SignInAsync("finance@trustfund.test");
        var payments = $"/Grants/{grant.Id}/Payments";
        var instalment = $"/Grants/{grant.Id}/Instalments/{grant.Instalments[0].Id}";

        var frenchPayments = await finance.GetPageInAsync(payments, "fr");
        var frenchInstalment = await finance.GetPageInAsync(instalment, "fr");
        var arabicPayments = await finance.GetPageInAsync(payments, "ar");
        var arabicInstalment = await finance.GetPageInAsync(instalment, "ar");

        Assert.Multiple(() =>
        {
            Assert.That(Concerns(frenchPayments), Is.EqualTo(new[] { "signalement (faute professionnelle) ouvert le 2 mars 2026" }));
            Assert.That(Concerns(frenchInstalment), Is.EqualTo(new[] { "signalement (faute professionnelle) ouvert le 2 mars 2026" }));
            Assert.That(Concerns(arabicPayments), Is.EqualTo(new[] { "شاغل (سوء السلوك) فُتح في \u20682 مارس 2026\u2069" }));
            Assert.That(Concerns(arabicInstalment), Is.EqualTo(new[] { "شاغل (سوء السلوك) فُتح في \u20682 مارس 2026\u2069" }));
        });
    }

    [Test]
    public async Task ReleaseConditions_OnTheInstalmentRequestForm_InFrenchAndArabic_AreTranslated()
    {
        var organisation = await FundData.OrganisationAsync(_app, "Condition Sentence Shelter");
        var grant = await PaymentWebData.ActiveGrantAsync(_app, organisation.Id, "SSR");
        using var manager = await _app.SignInAsync(Manager);
        var instalment = $"/Grants/{grant.Id}/Instalments/{grant.Instalments[0].Id}";

        var french = await manager.GetPageInAsync(instalment, "fr");
        var arabic = await manager.GetPageInAsync(instalment, "ar");

        Assert.Multiple(() =>
        {
            Assert.That(Legends(french), Is.EqualTo(new[] { "l'accord est signé par les deux parties", "les coordonnées bancaires de l'organisation sont vérifiées" }));
            Assert.That(Legends(arabic), Is.EqualTo(new[] { "توقيع الطرفين على الاتفاق", "التحقق من البيانات المصرفية للمنظمة" }));
        });
    }

    [Test]
    public async Task CallAmendment_OnTheCallPage_InFrenchAndArabic_WritesTheChangedAmountsAsTheLanguageDoes()
    {
        var call = await FundData.PublishedCallAsync(_app, "SSM");
        await _app.WithDbAsync(async db =>
        {
            var tracked = await db.Calls.SingleAsync(c => c.Id == call.Id);
            tracked.Amend(tracked.Terms with { MaximumAmount = 25_000m }, "The Board raised the ceiling for this window.", Manager, FundData.Now(_app));
            return await db.SaveChangesAsync();
        });
        using var manager = await _app.SignInAsync(Manager);

        var french = await manager.GetPageInAsync($"/Manage/Calls/{call.Id}", "fr");
        var arabic = await manager.GetPageInAsync($"/Manage/Calls/{call.Id}", "ar");

        static string[] Change(IHtmlDocument page) =>
            [.. page.QuerySelectorAll("[data-term='MaximumAmount'] [data-before], [data-term='MaximumAmount'] [data-after]").Select(s => s.TextContent)];
        Assert.Multiple(() =>
        {
            Assert.That(Change(french), Is.EqualTo(new[] { "USD 20\u202F000,00", "USD 25\u202F000,00" }));
            Assert.That(Change(arabic), Is.EqualTo(new[] { "USD 20,000.00", "USD 25,000.00" }));
            Assert.That(french.QuerySelector("[data-term='MaximumAmount']")?.TextContent, Is.EqualTo("Montant maximal (USD)\u00A0: USD 20\u202F000,00 → USD 25\u202F000,00"));
            Assert.That(arabic.QuerySelector("[data-term='MaximumAmount']")?.TextContent, Is.EqualTo("الحد الأقصى للمبلغ (USD): USD 20,000.00 ← USD 25,000.00"));
        });
    }

    [Test]
    public async Task Departure_OnTheDecisionPage_InFrenchAndArabic_NamesThePassedOverApplicationWithItsRankAndStanding()
    {
        var organisations = await OrganisationsAsync(_app, "Sentence Ranking One", "Sentence Ranking Two");
        var (callId, applications) = await RankedCallAsync(_app, "SSD", 100_000m, new Entry(organisations[0], 10_000m, 5), new Entry(organisations[1], 10_000m, 3));
        var first = await _app.WithDbAsync(db => db.Applications.Where(a => a.Id == applications[0]).Select(a => a.Reference).SingleAsync());
        using var manager = await _app.SignInAsync(Manager);
        var sessionId = await RecordSessionAsync(manager, callId, "31st session");
        Assert.That(TestSession.IsRedirectTo(await DecideAsync(manager, callId, applications[0], sessionId, "ReserveList"), "/Manage/Calls"), Is.True);
        var page = $"/Manage/Calls/{callId}/Decisions/{applications[1]}";

        var frenchForm = await manager.GetPageInAsync(page, "fr");
        var arabicForm = await manager.GetPageInAsync(page, "ar");
        Assert.That(TestSession.IsRedirectTo(await DecideAsync(manager, callId, applications[1], sessionId, "Approved", "10000", "The Board favours the under-served region this project covers."), "/Manage/Calls"), Is.True);
        var frenchHistory = await manager.GetPageInAsync(page, "fr");
        var arabicHistory = await manager.GetPageInAsync(page, "ar");

        Assert.Multiple(() =>
        {
            Assert.That(frenchForm.QuerySelector("#Justification-hint")?.TextContent, Is.EqualTo($"L'approuver s'écarte du classement\u00A0: elle passe devant {first} (rang 1, inscrite sur la liste de réserve). Expliquez pourquoi, en au moins 30 caractères."));
            Assert.That(arabicForm.QuerySelector("#Justification-hint")?.TextContent, Is.EqualTo($"الموافقة عليه خروج عن الترتيب: فهي تتخطى \u2068{first}\u2069 (المرتبة \u20681\u2069، مدرج في قائمة الاحتياط). اكتب السبب في \u206830\u2069 حرفاً على الأقل."));
            Assert.That(Departure(frenchHistory), Is.EqualTo($"Cette approbation passe devant {first} (rang 1, inscrite sur la liste de réserve)."));
            Assert.That(Departure(arabicHistory), Is.EqualTo($"هذه الموافقة تتخطى \u2068{first}\u2069 (المرتبة \u20681\u2069، مدرج في قائمة الاحتياط)."));
        });
    }

    private static string[] Concerns(IHtmlDocument page) =>
        [.. page.QuerySelectorAll("[data-open-concerns] [data-open-concern]").Select(li => li.TextContent.Trim())];

    private static string[] Legends(IHtmlDocument page) =>
        [.. page.QuerySelectorAll("[data-request-form] [data-condition-legend]").Select(l => l.TextContent.Trim())];

    /// <summary>The sentence after the "Departs from the ranking:" label.</summary>
    private static string Departure(IHtmlDocument page) =>
        page.QuerySelector("[data-departure] [data-passed-over]")?.TextContent ?? string.Empty;


    private async Task<Guid> RecordSessionAsync(TestSession manager, Guid callId, string number)
    {
        var response = await manager.PostFormAsync($"/Manage/Calls/{callId}/Decisions", $"/Manage/Calls/{callId}/Decisions/Sessions", new Dictionary<string, string> { ["Number"] = number, ["HeldOn"] = "2026-03-01" });
        Assert.That(TestSession.IsRedirectTo(response, $"/Manage/Calls/{callId}/Decisions"), Is.True, await response.Content.ReadAsStringAsync());
        return await _app.WithDbAsync(db => db.BoardSessions.Where(s => s.CallId == callId && s.Number == number).Select(s => s.Id).SingleAsync());
    }

    private static async Task<HttpResponseMessage> DecideAsync(TestSession manager, Guid callId, Guid applicationId, Guid sessionId, string outcome, string? amount = null, string? justification = null)
    {
        var page = $"/Manage/Calls/{callId}/Decisions/{applicationId}";
        var (_, form) = await manager.GetPageAsync(page);
        Guid? stamp = Guid.TryParse(form.QuerySelector("[data-decision-form] input[name=Stamp]")?.GetAttribute("value"), out var s) ? s : null;
        return await manager.PostFormAsync(page, page, DecisionFields(sessionId, stamp, outcome, amount, justification));
    }
}
