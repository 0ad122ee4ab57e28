using System.Globalization;
using System.Text.Json;
using TrustFund.Application.Common;
using TrustFund.Web.Hosting;

namespace TrustFund.Web.Tests.Localization;

/// <summary>
/// Every English text the application shows has a translation in French, Spanish and Arabic, with the
/// same placeholders as the English (a missing "{1}" would drop an amount; an extra one would throw).
/// </summary>
public sealed class CatalogueCoverageTests
{
    private static readonly JsonSerializerOptions JsonLines = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private static IReadOnlyList<string> _keys = [];

    [OneTimeSetUp]
    public void CollectKeys()
    {
        _keys = CatalogueKeys.All();

        // The list of keys, one JSON string per line, for the people who translate them.
        File.WriteAllLines(
            Path.Combine(TestContext.CurrentContext.WorkDirectory, "catalogue-keys.txt"),
            _keys.Select(k => JsonSerializer.Serialize(k, JsonLines)));
    }

    [Test]
    public void Keys_FoundInSourcesTemplatesEnumerationsAndPlaces()
    {
        Assert.Multiple(() =>
        {
            Assert.That(_keys, Has.Count.GreaterThan(2000));
            Assert.That(_keys, Does.Contain("Skip to main content"), "a view's literal");
            Assert.That(_keys, Does.Contain("Pending verification"), "an enumeration value's words");
            Assert.That(_keys, Does.Contain("Beneficiaries and forms of exploitation"), "a label method's answer");
            Assert.That(_keys, Does.Contain("Sub-Saharan Africa"), "a UN M49 region");
            Assert.That(_keys, Does.Contain("Choose the type of conflict."), "a domain rule's message");
        });
    }

    [TestCase("fr")]
    [TestCase("es")]
    [TestCase("ar")]
    public void EveryKey_HasATranslation(string language)
    {
        var culture = CultureInfo.GetCultureInfo(language);
        var missing = _keys.Where(k => Catalogue.Find(k, culture) is null).ToList();

        Assert.That(missing, Is.Empty, $"{missing.Count} of {_keys.Count} keys have no {culture.EnglishName} translation; first: {string.Join(" | ", missing.Take(10))}");
    }

    [TestCase("fr")]
    [TestCase("es")]
    [TestCase("ar")]
    public void EveryCountedText_HasEachPluralFormOfTheLanguage(string language)
    {
        var culture = CultureInfo.GetCultureInfo(language);
        var counted = CatalogueKeys.CountedTexts();
        var missing = counted
            .SelectMany(other => Plural.CategoriesOf(culture).Select(category => Plural.Key(category, other)))
            .Where(k => Catalogue.Find(k, culture) is not { } text || !CatalogueKeys.Placeholders(text).SequenceEqual(CatalogueKeys.Placeholders(Catalogue.English(k))))
            .ToList();

        Assert.Multiple(() =>
        {
            Assert.That(counted, Does.Contain("{0} applications"), "a counted text of a page");
            Assert.That(counted, Does.Contain("{0} overdue reviews"), "a counted text of an email");
            Assert.That(missing, Is.Empty, $"forms missing in {culture.EnglishName} (or with other placeholders)");
        });
    }

    [TestCase("fr", 0)]
    [TestCase("es", 0)]
    [TestCase("ar", 4)]
    public void ACatalogue_CarriesOnlyThePluralFormsOfItsLanguage(string language, int arabicOnlyForms)
    {
        var culture = CultureInfo.GetCultureInfo(language);
        var path = Path.Combine(CatalogueKeys.RepositoryRoot(), "src", "TrustFund.Web", "Resources", $"SharedResource.{language}.resx");
        var names = System.Xml.Linq.XDocument.Load(path).Root!.Elements("data").Select(d => (string)d.Attribute("name")!).ToList();
        PluralCategory[] arabicOnly = [PluralCategory.Zero, PluralCategory.Two, PluralCategory.Few, PluralCategory.Many];
        var foreign = names
            .Where(n => Enum.GetValues<PluralCategory>().Except(Plural.CategoriesOf(culture)).Any(c => n.StartsWith(Plural.Prefix(c), StringComparison.Ordinal)))
            .ToList();

        Assert.Multiple(() =>
        {
            Assert.That(foreign, Is.Empty, $"plural forms {culture.EnglishName} does not use");
            Assert.That(arabicOnly.Count(c => names.Any(n => n.StartsWith(Plural.Prefix(c), StringComparison.Ordinal))), Is.EqualTo(arabicOnlyForms), "the Arabic-only categories the catalogue carries");
        });
    }

    [TestCase("fr")]
    [TestCase("es")]
    [TestCase("ar")]
    public void EveryTranslation_HasTheEnglishPlaceholders(string language)
    {
        var culture = CultureInfo.GetCultureInfo(language);
        var different = _keys
            .Select(k => (Key: k, Text: Catalogue.Find(k, culture)))
            .Where(t => t.Text is { Length: > 0 } && !CatalogueKeys.Placeholders(Catalogue.English(t.Key)).SequenceEqual(CatalogueKeys.Placeholders(t.Text)))
            .Select(t => $"{t.Key} → {t.Text}")
            .ToList();

        Assert.That(different, Is.Empty);
    }
}
