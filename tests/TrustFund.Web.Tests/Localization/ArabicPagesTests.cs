using System.Globalization;
using System.Net;
using TrustFund.Web.Features.Languages;
using TrustFund.Web.Tests.Infrastructure;
using static TrustFund.Web.Tests.Applications.ApplicantJourney;

namespace TrustFund.Web.Tests.Localization;

/// <summary>
/// Arabic pages write amounts and dates as the fund does (Western digits, "USD 50,000.00", the Gregorian
/// calendar), set references, email addresses and Latin names apart from the Arabic sentence around them,
/// and give every field the direction of what is typed into it.
/// </summary>
public sealed class ArabicPagesTests
{
    private TrustFundApp _app = null!;

    [OneTimeSetUp]
    public async Task StartApp() => _app = await new TrustFundApp().StartAsync();

    [OneTimeTearDown]
    public void StopApp() => _app.Dispose();

    [TestCase("ar")]
    [TestCase("ar-SA")]
    [TestCase("ar-EG")]
    public void ArabicCulture_WritesWesternDigitsAndTheGregorianCalendar(string name)
    {
        var culture = Languages.AsTheFundWrites(CultureInfo.GetCultureInfo(name));

        Assert.Multiple(() =>
        {
            Assert.That("USD " + 50000m.ToString("N2", culture), Is.EqualTo("USD 50,000.00"));
            Assert.That(1234567.5m.ToString("N2", culture), Is.EqualTo("1,234,567.50"));
            Assert.That((-20m).ToString("N2", culture), Is.EqualTo("-20.00"));
            Assert.That(40.ToString(culture), Is.EqualTo("40"));
            Assert.That(new DateTime(2026, 3, 1, 10, 0, 0).ToString("d MMMM yyyy, HH:mm", culture), Is.EqualTo("1 مارس 2026, 10:00"));
            Assert.That(new DateOnly(2026, 12, 7).ToString("yyyy-MM-dd", culture), Is.EqualTo("2026-12-07"));
        });
    }

    [Test]
    public void OtherCultures_AreLeftAsTheyAre()
    {
        var french = CultureInfo.GetCultureInfo("fr");

        Assert.That(Languages.AsTheFundWrites(french), Is.SameAs(french));
    }

    [Test]
    public async Task CallPage_Arabic_ShowsAmountsInUsdWithWesternDigitsAndGregorianDates()
    {
        var call = await CreateOpenCallAsync(_app);
        using var session = _app.NewSession();
        session.Client.DefaultRequestHeaders.TryAddWithoutValidation("Accept-Language", "ar");

        var (response, page) = await session.GetPageAsync($"/calls/{call.Code}");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        var terms = page.QuerySelectorAll("dl.call-terms dd").Select(d => d.TextContent.Trim()).ToList();
        Assert.Multiple(() =>
        {
            Assert.That(page.DocumentElement.GetAttribute("dir"), Is.EqualTo("rtl"));
            Assert.That(terms, Does.Contain("من USD \u206810,000.00\u2069 إلى USD \u2068100,000.00\u2069"), "amount per grant");
            Assert.That(terms, Does.Contain("USD 1,000,000.00"), "envelope");
            Assert.That(terms, Does.Contain("1 مارس 2026, 10:00 \u2066(Europe/Vienna, UTC+01:00)\u2069"), "opens, in the Gregorian calendar, the zone in brackets read left to right");
            Assert.That(page.QuerySelector("time[data-local-time]")?.TextContent, Is.EqualTo("1 أبريل 2026, 09:00 UTC"));
        });
    }

    [Test]
    public async Task ApplicantHome_Arabic_OpenCallDeadlineAndGrantAmountsAreTranslatedWithTheirValuesSetApart()
    {
        var call = await CreateOpenCallAsync(_app);
        using var session = await _app.SignInAsync(Applicant);
        session.Client.DefaultRequestHeaders.TryAddWithoutValidation("Accept-Language", "ar");

        var (_, home) = await session.GetPageAsync("/");

        var line = home.QuerySelector($"[data-open-call='{call.Code}']")?.TextContent ?? string.Empty;
        Assert.That(line, Does.EndWith(": تُقفل في \u20681 أبريل 2026, 11:00 \u2066(Europe/Vienna, UTC+02:00)\u2069\u2069"));
    }

    [Test]
    public async Task ManagerApplicationPage_Arabic_IsolatesTheReferenceAndTheLatinOrganisationName()
    {
        var call = await CreateOpenCallAsync(_app);
        Guid id;
        using (var applicant = await _app.SignInAsync(Applicant))
        {
            id = await StartAsync(applicant, call.Id);
            await FillCompletelyAsync(applicant, id);
            Assert.That(TestSession.IsRedirectTo(await SubmitAsync(applicant, id), $"/Applications/{id}/Receipt"), Is.True);
        }

        using var manager = await _app.SignInAsync("manager@trustfund.test");
        manager.Client.DefaultRequestHeaders.TryAddWithoutValidation("Accept-Language", "ar");

        var (response, page) = await manager.GetPageAsync($"/Manage/Applications/{id}");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        var reference = page.QuerySelector("[data-reference] bdi[dir=ltr]");
        var organisation = page.QuerySelectorAll("a[href^='/Manage/Organisations/'] bdi").Select(b => b.TextContent).ToList();
        Assert.Multiple(() =>
        {
            Assert.That(page.DocumentElement.GetAttribute("dir"), Is.EqualTo("rtl"));
            Assert.That(reference?.TextContent, Is.EqualTo($"UNVTF-2026-{call.Code}-0001"));
            Assert.That(organisation, Does.Contain("Safe Harbour Foundation for Survivors"));
            Assert.That(page.QuerySelector("h1 bdi")?.TextContent, Is.EqualTo("Safe shelter and legal aid in Lagos"));
            Assert.That(page.QuerySelector("[data-field=AmountRequested] bdi[dir=ltr]")?.TextContent, Is.EqualTo("USD 45,000.00"));
            Assert.That(page.QuerySelector("textarea#Message")?.GetAttribute("dir"), Is.EqualTo("auto"), "the request for information is free text");
        });
    }

    [Test]
    public async Task ApplicantPages_Arabic_IsolateTheReferenceAndGiveFieldsTheirDirection()
    {
        var call = await CreateOpenCallAsync(_app);
        using var session = await _app.SignInAsync(Applicant);
        session.Client.DefaultRequestHeaders.TryAddWithoutValidation("Accept-Language", "ar");
        var id = await StartAsync(session, call.Id);
        await FillCompletelyAsync(session, id);
        await SubmitAsync(session, id);

        var (_, receipt) = await session.GetPageAsync($"/Applications/{id}/Receipt");
        var (_, project) = await session.GetPageAsync($"/Applications/{id}/Project");
        var (_, home) = await session.GetPageAsync("/");

        Assert.Multiple(() =>
        {
            Assert.That(receipt.DocumentElement.GetAttribute("lang"), Is.EqualTo("ar"));
            Assert.That(receipt.QuerySelector("[data-receipt-reference] bdi[dir=ltr]")?.TextContent, Is.EqualTo($"UNVTF-2026-{call.Code}-0001"));
            Assert.That(project.QuerySelector("[data-reference] bdi[dir=ltr]")?.TextContent, Is.EqualTo($"UNVTF-2026-{call.Code}-0001"));
            Assert.That(project.QuerySelector("input#Title")?.GetAttribute("dir"), Is.EqualTo("auto"));
            Assert.That(project.QuerySelector("textarea#ContextAndNeeds")?.GetAttribute("dir"), Is.EqualTo("auto"));
            Assert.That(project.QuerySelector("input#StartDate")?.HasAttribute("dir"), Is.False, "dates are the browser's to lay out");
            Assert.That(home.QuerySelector("h1 bdi")?.TextContent, Is.EqualTo("Safe Harbour Foundation for Survivors"));
            Assert.That(home.QuerySelectorAll("td bdi[dir=ltr]").Select(b => b.TextContent), Does.Contain(Applicant), "email addresses read left to right");
        });
    }

    [Test]
    public async Task LoginPage_Arabic_EmailAndPasswordReadLeftToRight()
    {
        using var session = _app.NewSession();
        session.Client.DefaultRequestHeaders.TryAddWithoutValidation("Accept-Language", "ar");

        var (_, page) = await session.GetPageAsync("/Account/Login");

        Assert.Multiple(() =>
        {
            Assert.That(page.QuerySelector("input#Email")?.GetAttribute("dir"), Is.EqualTo("ltr"));
            Assert.That(page.QuerySelector("input#Password")?.GetAttribute("dir"), Is.EqualTo("ltr"));
        });
    }
}
