using Microsoft.EntityFrameworkCore;
using TrustFund.Domain.Applications;
using TrustFund.Web.Tests.Infrastructure;
using TrustFund.Web.Tests.Screening;

namespace TrustFund.Web.Tests.Localization;

/// <summary>
/// Where no &lt;bdi&gt; can go (an option's text, the page's title, a prefilled comment box), a name or title on
/// an Arabic page is set between U+2068 FIRST STRONG ISOLATE and U+2069 POP DIRECTIONAL ISOLATE; an English
/// page carries no marks, and what is posted back is stored without them.
/// </summary>
public sealed class IsolatedWithoutMarkupTests
{
    private const string Manager = "manager@trustfund.test";

    private TrustFundApp _app = null!;
    private Guid _callId;

    [OneTimeSetUp]
    public async Task StartApp()
    {
        _app = await new TrustFundApp().StartAsync();
        _callId = (await FundData.PublishedCallAsync(_app, "BIDO", t => t with { Title = "Shelter Window 2026" })).Id;
    }

    [OneTimeTearDown]
    public void StopApp() => _app.Dispose();

    [Test]
    public async Task CallTitle_InAFilterOptionAndThePageTitle_IsIsolatedOnAnArabicPageOnly()
    {
        using var manager = await _app.SignInAsync(Manager);

        manager.Client.DefaultRequestHeaders.TryAddWithoutValidation("Accept-Language", "ar");
        var (_, arabicList) = await manager.GetPageAsync("/Manage/Applications");
        var (_, arabicCall) = await manager.GetPageAsync($"/Manage/Calls/{_callId}");
        manager.Client.DefaultRequestHeaders.Remove("Accept-Language");
        manager.Client.DefaultRequestHeaders.TryAddWithoutValidation("Accept-Language", "en");
        var (_, englishList) = await manager.GetPageAsync("/Manage/Applications");
        var (_, englishCall) = await manager.GetPageAsync($"/Manage/Calls/{_callId}");

        var option = $"select#call option[value='{_callId}']";
        Assert.Multiple(() =>
        {
            Assert.That(arabicList.QuerySelector(option)?.TextContent, Is.EqualTo("\u2068BIDO\u2069 – \u2068Shelter Window 2026\u2069"));
            Assert.That(arabicList.QuerySelector(option)?.GetAttribute("value"), Is.EqualTo(_callId.ToString()), "the value posted back carries no marks");
            Assert.That(arabicCall.Title, Is.EqualTo("\u2068BIDO\u2069 – \u2068Shelter Window 2026\u2069 – TrustFund"));
            Assert.That(englishList.QuerySelector(option)?.TextContent, Is.EqualTo("BIDO – Shelter Window 2026"));
            Assert.That(englishCall.Title, Is.EqualTo("BIDO – Shelter Window 2026 – TrustFund"));
        });
    }

    [Test]
    public async Task PrefilledScreeningComment_OnAnArabicPage_IsolatesTheNamesAndIsStoredWithoutTheMarks()
    {
        var organisation = await FundData.OrganisationAsync(_app, "Hope Shelter Network");
        var application = await FundData.ApplicationAsync(_app, _callId, organisation.Id, FundData.Content("Isolated comment", 12_000m, ["NGA"]));
        using var manager = await _app.SignInAsync(Manager);
        manager.Client.DefaultRequestHeaders.TryAddWithoutValidation("Accept-Language", "ar");

        var (_, page) = await manager.GetPageAsync($"/Manage/Applications/{application.Id}/Screening");
        var response = await ScreeningForms.PostScreeningAsync(manager, application.Id, "save", confirmAll: false, results: new Dictionary<string, string> { ["BankAccountInOwnName"] = "pass" });

        Assert.That(TestSession.IsRedirectTo(response, $"/Manage/Applications/{application.Id}/Screening"), Is.True, await response.Content.ReadAsStringAsync());
        var screening = await _app.WithDbAsync(db => db.Screenings.AsNoTracking().SingleAsync(s => s.ApplicationId == application.Id));
        Assert.Multiple(() =>
        {
            Assert.That(page.QuerySelector("[data-gate=BankAccountInOwnName] textarea")?.TextContent, Is.EqualTo("صاحب الحساب: \u2068Hope Shelter Network\u2069؛ الاسم القانوني: \u2068Hope Shelter Network\u2069."));
            Assert.That(screening.ResultOf(EligibilityGate.BankAccountInOwnName)!.Comment, Is.EqualTo("صاحب الحساب: Hope Shelter Network؛ الاسم القانوني: Hope Shelter Network."));
        });
    }

    [Test]
    public async Task PrefilledScreeningComment_OnAnEnglishPage_CarriesNoMarks()
    {
        var organisation = await FundData.OrganisationAsync(_app, "Hope Shelter English");
        var application = await FundData.ApplicationAsync(_app, _callId, organisation.Id, FundData.Content("Plain comment", 12_000m, ["NGA"]));
        using var manager = await _app.SignInAsync(Manager);
        manager.Client.DefaultRequestHeaders.TryAddWithoutValidation("Accept-Language", "en");

        var (_, page) = await manager.GetPageAsync($"/Manage/Applications/{application.Id}/Screening");

        Assert.That(page.QuerySelector("[data-gate=BankAccountInOwnName] textarea")?.TextContent, Is.EqualTo("Account holder: Hope Shelter English; legal name: Hope Shelter English."));
    }
}
