using System.Globalization;
using System.Net;
using TrustFund.Domain.Calls;
using TrustFund.Web.Features.Shared;
using TrustFund.Web.Tests.Infrastructure;
using static TrustFund.Web.Tests.Applications.ApplicantJourney;

namespace TrustFund.Web.Tests.Localization;

/// <summary>
/// Lists shown on pages (languages, countries, forms of exploitation, names) are separated as the reader's
/// language writes them: the Arabic comma "، " on Arabic pages, ", " in English, French and Spanish.
/// </summary>
public sealed class ListSeparatorTests
{
    private TrustFundApp _app = null!;

    [OneTimeSetUp]
    public async Task StartApp() => _app = await new TrustFundApp().StartAsync();

    [OneTimeTearDown]
    public void StopApp() => _app.Dispose();

    [Test]
    public void Views_JoinListsInTheReadersLanguage_NeverWithALatinCommaWrittenIn()
    {
        var features = Path.Combine(CatalogueKeys.RepositoryRoot(), "src", "TrustFund.Web");
        var offending = Directory.EnumerateFiles(features, "*.cshtml", SearchOption.AllDirectories)
            .SelectMany(file => File.ReadLines(file).Select((line, i) => (file, line, number: i + 1)))
            .Where(l => l.line.Contains("string.Join(\", \"", StringComparison.Ordinal) || l.line.Contains("string.Join(\"; \"", StringComparison.Ordinal))
            .Select(l => $"{Path.GetRelativePath(features, l.file)}:{l.number}")
            .ToList();

        Assert.That(offending, Is.Empty, "use ListText.Join or ListText.JoinGroups, which separate items as the page's language does");
    }

    [TestCase("ar", "الإنكليزية، الفرنسية، العربية")]
    [TestCase("ar-EG", "الإنكليزية، الفرنسية، العربية")]
    [TestCase("en", "English, French, Arabic")]
    [TestCase("fr", "anglais, français, arabe")]
    public void Join_SeparatesAsTheLanguageWrites(string culture, string expected)
    {
        var before = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(culture);
        try
        {
            var names = culture.StartsWith("ar", StringComparison.Ordinal) ? new[] { "الإنكليزية", "الفرنسية", "العربية" }
                : culture == "fr" ? ["anglais", "français", "arabe"]
                : ["English", "French", "Arabic"];

            Assert.That(ListText.Join(names), Is.EqualTo(expected));
        }
        finally
        {
            CultureInfo.CurrentUICulture = before;
        }
    }

    [TestCase("ar", "الإنكليزية، الفرنسية؛ العربية")]
    [TestCase("fr", "anglais, français\u202F; arabe")]
    [TestCase("es", "inglés, francés; árabe")]
    [TestCase("en", "English, French; Arabic")]
    public void JoinGroups_SeparatesWithTheLanguagesSemicolon(string culture, string expected)
    {
        var before = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(culture);
        try
        {
            string[][] groups = culture switch
            {
                "ar" => [["الإنكليزية", "الفرنسية"], ["العربية"]],
                "fr" => [["anglais", "français"], ["arabe"]],
                "es" => [["inglés", "francés"], ["árabe"]],
                _ => [["English", "French"], ["Arabic"]],
            };

            Assert.That(ListText.JoinGroups(groups.Select(ListText.Join)), Is.EqualTo(expected));
        }
        finally
        {
            CultureInfo.CurrentUICulture = before;
        }
    }

    [Test]
    public async Task CallPage_Arabic_ListsLanguagesAndFormsWithTheArabicComma()
    {
        var call = await CreateOpenCallAsync(_app, t => t with
        {
            AcceptedLanguages = [ProposalLanguage.English, ProposalLanguage.French, ProposalLanguage.Arabic],
            PriorityForms = [ExploitationForm.SexualExploitation, ExploitationForm.ForcedLabour],
        });
        using var arabic = _app.NewSession();
        arabic.Client.DefaultRequestHeaders.TryAddWithoutValidation("Accept-Language", "ar");
        using var english = _app.NewSession();
        english.Client.DefaultRequestHeaders.TryAddWithoutValidation("Accept-Language", "en");

        var (response, page) = await arabic.GetPageAsync($"/calls/{call.Code}");
        var (_, englishPage) = await english.GetPageAsync($"/calls/{call.Code}");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        var terms = page.QuerySelectorAll("dl.call-terms dd").Select(d => d.TextContent.Trim()).ToList();
        var englishTerms = englishPage.QuerySelectorAll("dl.call-terms dd").Select(d => d.TextContent.Trim()).ToList();
        Assert.Multiple(() =>
        {
            Assert.That(terms, Does.Contain("الإنكليزية، الفرنسية، العربية"), "languages of proposals");
            Assert.That(terms, Does.Contain("الاستغلال الجنسي، العمل القسري"), "priority forms of exploitation");
            Assert.That(englishTerms, Does.Contain("English, French, Arabic"));
            Assert.That(englishTerms, Does.Contain("Sexual exploitation, Forced labour"));
        });
    }
}
