using System.Text.RegularExpressions;
using System.Xml.Linq;

namespace TrustFund.Web.Tests.Localization;

/// <summary>
/// French sets ":" apart with a no-break space (U+00A0) and ";", "!", "?" and the inside of « » with a narrow
/// no-break space (U+202F), so a line never begins with a mark; Spanish writes no space there at all
/// (docs/glossary.md, "Punctuation"). Every value of the catalogues is read, placeholders set aside.
/// </summary>
public sealed partial class FrenchPunctuationTests
{
    private const char NoBreakSpace = '\u00A0';
    private const char NarrowNoBreakSpace = '\u202F';

    [Test]
    public void EveryFrenchValue_HasANoBreakSpaceBeforeItsHighMarksAndInsideItsGuillemets()
    {
        var wrong = new List<string>();
        foreach (var (key, value) in Values("fr"))
        {
            var text = Placeholder().Replace(value, "0");
            for (var i = 0; i < text.Length; i++)
            {
                var wanted = text[i] switch
                {
                    ':' when !IsTimeOrRatio(text, i) && !IsAddress(text, i) => NoBreakSpace,
                    ';' or '!' or '?' => NarrowNoBreakSpace,
                    '»' => NarrowNoBreakSpace,
                    _ => (char?)null,
                };
                if (wanted is { } before && (i == 0 || text[i - 1] != before) && !(i == 0 && text.Length == 1))
                {
                    wrong.Add($"{key} → {value} (at “{Around(text, i)}”)");
                }

                if (text[i] == '«' && (i + 1 >= text.Length || text[i + 1] != NarrowNoBreakSpace))
                {
                    wrong.Add($"{key} → {value} (after « at “{Around(text, i)}”)");
                }
            }
        }

        Assert.That(wrong, Is.Empty, $"{wrong.Count} French values lack a no-break space");
    }

    [Test]
    public void FrenchValues_AreCheckedOnTheirOwnText()
    {
        var french = Values("fr").ToDictionary(v => v.Key, v => v.Value);

        Assert.Multiple(() =>
        {
            Assert.That(french["Approved so far: {0}."], Is.EqualTo("Approuvé à ce jour\u00A0: {0}."));
            Assert.That(french["Account holder: {0}; legal name: {1}."], Is.EqualTo("Titulaire du compte\u00A0: {0}\u202F; nom officiel\u00A0: {1}."));
            Assert.That(french["; "], Is.EqualTo("\u202F; "));
            Assert.That(french["\"{0}\""], Is.EqualTo("«\u202F{0}\u202F»"));
            Assert.That(french["Forgotten your password?"], Does.EndWith("\u202F?"));
            Assert.That(Values("fr").Any(v => v.Value.Contains("{0:N0}", StringComparison.Ordinal)), "a format inside a placeholder is kept");
            Assert.That(Values("fr").Any(v => v.Value.Contains("09:00", StringComparison.Ordinal)), "a time is kept");
        });
    }

    [Test]
    public void NoSpanishValue_HasASpaceBeforeItsMarksOrInsideItsGuillemets()
    {
        var wrong = Values("es")
            .Where(v => SpacedMark().IsMatch(Placeholder().Replace(v.Value, "0")))
            .Select(v => $"{v.Key} → {v.Value}")
            .ToList();

        Assert.That(wrong, Is.Empty);
    }

    private static List<(string Key, string Value)> Values(string language)
    {
        var path = Path.Combine(CatalogueKeys.RepositoryRoot(), "src", "TrustFund.Web", "Resources", $"SharedResource.{language}.resx");
        return XDocument.Load(path).Root!.Elements("data")
            .Select(d => ((string)d.Attribute("name")!, (string)d.Element("value")!))
            .ToList();
    }

    private static bool IsTimeOrRatio(string text, int i) =>
        i > 0 && i + 1 < text.Length && char.IsDigit(text[i - 1]) && char.IsDigit(text[i + 1]);

    private static bool IsAddress(string text, int i) =>
        text.AsSpan(i).StartsWith("://", StringComparison.Ordinal);

    private static string Around(string text, int i) =>
        text.Substring(Math.Max(0, i - 12), Math.Min(text.Length, i + 4) - Math.Max(0, i - 12));

    [GeneratedRegex(@"\{[^{}]*\}")]
    private static partial Regex Placeholder();

    [GeneratedRegex(@"[\s\u00A0\u202F][:;!?]|«[\s\u00A0\u202F]|[\s\u00A0\u202F]»")]
    private static partial Regex SpacedMark();
}
