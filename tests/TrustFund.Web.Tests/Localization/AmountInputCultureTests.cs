using System.Net;
using TrustFund.Web.Tests.Infrastructure;
using static TrustFund.Web.Tests.Applications.ApplicantJourney;

namespace TrustFund.Web.Tests.Localization;

/// <summary>
/// Amounts typed in French or Arabic are read with that language's decimal separator (and Arabic-Indic
/// digits); an amount that could be read two ways is refused on its field, in the page's language, and
/// nothing is saved.
/// </summary>
public sealed class AmountInputCultureTests
{
    private TrustFundApp _app = null!;

    [OneTimeSetUp]
    public async Task StartApp() => _app = await new TrustFundApp().StartAsync();

    [OneTimeTearDown]
    public void StopApp() => _app.Dispose();

    [TestCase("fr", "98,85", 98.85)]
    [TestCase("fr", "12 500,50", 12500.50)]
    [TestCase("ar", "1\u066C234\u066B56", 1234.56)]
    [TestCase("ar", "\u0669\u0668\u066B\u0668\u0665", 98.85)]
    [TestCase("ar", "98.85", 98.85)]
    [TestCase("ar", "50,000.00", 50000)]
    [TestCase("ar", "1,234", 1234)]
    [TestCase("ar", "\u0665\u0660\u066C\u0660\u0660\u0660", 50000)]
    [TestCase("ar", "\u0661\u0662\u0663\u0664\u066B\u0665", 1234.5)]
    public async Task Project_AmountInTheLanguagesOwnForm_IsSaved(string language, string typed, decimal expected)
    {
        var (session, id) = await NewDraftAsync(language);
        using var signedIn = session;

        var response = await SaveSectionAsync(session, id, "Project", new Dictionary<string, string> { ["Title"] = "Typed in " + language, ["AmountRequested"] = typed });

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Redirect), "saved");
        Assert.That((await ReadAsync(_app, id)).Content.AmountRequested, Is.EqualTo(expected));
    }

    [TestCase("fr", "1.234")]
    [TestCase("ar", "1.234")]
    [TestCase("ar", "98,85")]
    [TestCase("ar", "1,234\u066B56")]
    public async Task Project_AmbiguousAmount_IsRefusedInThePagesLanguage_NothingSaved(string language, string typed)
    {
        var (session, id) = await NewDraftAsync(language);
        using var signedIn = session;

        var response = await SaveSectionAsync(session, id, "Project", new Dictionary<string, string> { ["Title"] = "Ambiguous", ["AmountRequested"] = typed });

        var page = await TestSession.ParseAsync(response);
        var message = page.QuerySelector("[data-error-summary] a[href='#AmountRequested']")?.TextContent ?? string.Empty;
        Assert.Multiple(async () =>
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(page.DocumentElement.GetAttribute("lang"), Is.EqualTo(language));
            Assert.That(message, Does.Contain(typed), "the message quotes what was typed");
            Assert.That(message, Does.Not.Contain("can be read in more than one way"), "the message is translated");
            Assert.That(page.QuerySelector("#AmountRequested")?.GetAttribute("value"), Is.EqualTo(typed), "the input is kept");
            Assert.That((await ReadAsync(_app, id)).Content.Title, Is.Empty, "nothing is saved");
        });
    }

    [TestCase("1.234", "يمكن قراءة \u2068المبلغ المطلوب\u2069 «\u20681.234\u2069» بأكثر من طريقة. اكتبه على نحو \u20681,234.56\u2069: \u2068نقطة\u2069 قبل السنتات، ولا شيء أو \u2068فاصلة\u2069 بين الآلاف.")]
    [TestCase("98,85", "يمكن قراءة \u2068المبلغ المطلوب\u2069 «\u206898,85\u2069» بأكثر من طريقة. اكتبه على نحو \u20681,234.56\u2069: \u2068نقطة\u2069 قبل السنتات، ولا شيء أو \u2068فاصلة\u2069 بين الآلاف.")]
    // The catalogue sets each inserted value apart (U+2068 ... U+2069) so that it keeps its own direction in the Arabic sentence.
    public async Task Project_AmbiguousAmountInArabic_IsExplainedWithTheFormToUse(string typed, string expected)
    {
        var (session, id) = await NewDraftAsync("ar");
        using var signedIn = session;

        var response = await SaveSectionAsync(session, id, "Project", new Dictionary<string, string> { ["Title"] = "Ambiguous", ["AmountRequested"] = typed });

        var page = await TestSession.ParseAsync(response);
        Assert.That(page.QuerySelector("[data-error-summary] a[href='#AmountRequested']")?.TextContent.Trim(), Is.EqualTo(expected));
    }

    private async Task<(TestSession Session, Guid Id)> NewDraftAsync(string language)
    {
        var call = await CreateOpenCallAsync(_app);
        var session = await _app.SignInAsync(Applicant);
        session.Client.DefaultRequestHeaders.TryAddWithoutValidation("Accept-Language", language);
        return (session, await StartAsync(session, call.Id));
    }
}
