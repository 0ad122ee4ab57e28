using System.Globalization;
using Microsoft.AspNetCore.Mvc.Localization;
using NUnit.Framework.Constraints;
using TrustFund.Application.Common;
using TrustFund.Web.Hosting;

namespace TrustFund.Web.Tests.Localization;

/// <summary>
/// The text constraints of the test projects (tests/Shared/OrdinalText.cs) compare character for character: a
/// name without its isolate marks, a space where a no-break space belongs or a mark left out fails the test, in
/// whatever culture the tests run. NUnit's own string constraints compare with the current culture, which ignores
/// those marks.
/// </summary>
public sealed class OrdinalTextTests
{
    private const string Isolated = "\u2068Hope\u2069";

    [TestCase("")]
    [TestCase("ar-SA")]
    [TestCase("fr-FR")]
    public void Contain_NameWithoutItsIsolateMarks_Fails(string culture)
    {
        using var _ = new Culture(culture);

        Assert.Multiple(() =>
        {
            Assert.That(Matches(Does.Contain(Isolated), "Dear Hope,"), Is.False, "Does.Contain");
            Assert.That(Matches(Does.Contain(Isolated), "Dear \u2068Hope\u2069,"), Is.True, "Does.Contain, marks present");
            Assert.That(Matches(Does.StartWith("\u2068Hope"), "Hope\u2069, welcome"), Is.False, "Does.StartWith");
            Assert.That(Matches(Does.EndWith("Hope\u2069"), "Dear \u2068Hope"), Is.False, "Does.EndWith");
            Assert.That(Matches(Does.Contain("Dear").And.Contain(Isolated), "Dear Hope,"), Is.False, ".And.Contain");
            Assert.That(Matches(Does.Contain("x").Or.Contain(Isolated), "Dear Hope,"), Is.False, ".Or.Contain");
            Assert.That(Matches(Has.Some.Contains(Isolated), new[] { "Dear Hope," }), Is.False, "Has.Some.Contains");
            Assert.That(Matches(Contains.Substring(Isolated), "Dear Hope,"), Is.False, "Contains.Substring");
            Assert.That(Matches(Does.Contain(Isolated).IgnoreCase, "dear hope,"), Is.False, "IgnoreCase");
        });
    }

    [TestCase("")]
    [TestCase("ar-SA")]
    [TestCase("fr-FR")]
    public void NotContain_AMarkAbsentFromTheText_Passes(string culture)
    {
        using var _ = new Culture(culture);

        Assert.Multiple(() =>
        {
            Assert.That(Matches(Does.Not.Contain("\u2068"), "Dear Hope,"), Is.True, "Does.Not.Contain of a mark the text lacks");
            Assert.That(Matches(Does.Not.Contain("\u2068"), "Dear \u2068Hope\u2069,"), Is.False, "Does.Not.Contain of a mark the text has");
            Assert.That(Matches(Does.Not.Contain("Dear Hope"), "Dear \u2068Hope\u2069"), Is.True, "the bare name is not in the isolated text");
            Assert.That(Matches(Does.Contain("x").And.Not.Contain("\u200F"), "x"), Is.True, ".And.Not.Contain");
        });
    }

    [TestCase("")]
    [TestCase("ar-SA")]
    [TestCase("fr-FR")]
    public void Contain_OtherInvisibleDifferences_Fail(string culture)
    {
        using var _ = new Culture(culture);

        Assert.Multiple(() =>
        {
            Assert.That(Matches(Does.Contain("Montant\u00A0:"), "Montant :"), Is.False, "no-break space against a space");
            Assert.That(Matches(Does.Contain("Montant\u202F:"), "Montant\u00A0:"), Is.False, "narrow no-break space against a no-break space");
            Assert.That(Matches(Does.EndWith("USD\u200F"), "USD"), Is.False, "right-to-left mark");
            Assert.That(Matches(Does.Contain("منـحة"), "منحة"), Is.False, "tatweel");
            Assert.That(Matches(Does.Contain("مِنحة"), "منحة"), Is.False, "Arabic diacritic");
        });
    }

    [Test]
    public void Contain_OnACollection_StillLooksForAnEqualItem()
    {
        Assert.Multiple(() =>
        {
            Assert.That(Matches(Does.Contain(Isolated), new List<string> { "\u2068Hope\u2069", "Grace" }), Is.True);
            Assert.That(Matches(Does.Contain(Isolated), new List<string> { "Hope", "Dear \u2068Hope\u2069" }), Is.False);
        });
    }

    [Test]
    public void Failure_ShowsTheInvisibleCharacters()
    {
        var result = Does.Contain(Isolated).ApplyTo("Dear Hope\u00A0!");
        var message = new NUnit.Framework.Internal.TextMessageWriter();
        result.WriteMessageTo(message);

        Assert.That(message.ToString(), Does.Contain("String containing \"\\u2068Hope\\u2069\" (ordinal)").And.Contain("Dear Hope\\u00A0!"));
    }

    [Test]
    public void NUnitsOwnContain_IgnoresTheIsolateMarks_WhichIsWhyTheTestsDoNotUseIt()
    {
        using var _ = new Culture("ar-SA");

        Assert.That(Matches(NUnit.Framework.Does.Contain(Isolated), "Dear Hope,"), Is.True);
    }

    [Test]
    public void Localizer_ArabicSentence_IsolatesATextArgumentOnce()
    {
        using var _ = new Culture("ar");
        var localizer = new CatalogueHtmlLocalizer(new CatalogueLocalizer());

        Assert.Multiple(() =>
        {
            Assert.That(localizer.GetString("closes {0}", "Hope").Value, Is.EqualTo("تُقفل في \u2068Hope\u2069"), "IHtmlLocalizer.GetString");
            Assert.That(new CatalogueLocalizer()["closes {0}", "Hope"].Value, Is.EqualTo("تُقفل في \u2068Hope\u2069"), "IStringLocalizer");
            Assert.That(Html(localizer["closes {0}", "Hope"]), Is.EqualTo("تُقفل في \u2068Hope\u2069"), "IHtmlLocalizer");
        });
    }

    [Test]
    public void Localizer_ArabicSentence_IsolatesADeadlineWithItsZone()
    {
        using var _ = new Culture("ar");
        var deadline = new ZonedInstant(new DateTime(2026, 4, 1, 9, 0, 0, DateTimeKind.Utc), "Europe/Vienna");

        Assert.That(
            new CatalogueLocalizer()["closes {0}", deadline].Value,
            Is.EqualTo("تُقفل في \u20681 أبريل 2026, 11:00 \u2066(Europe/Vienna, UTC+02:00)\u2069\u2069"));
    }

    [Test]
    public void Localizer_FrenchSentence_LeavesTheDeadlineAsItIs()
    {
        using var _ = new Culture("fr");
        var deadline = new ZonedInstant(new DateTime(2026, 4, 1, 9, 0, 0, DateTimeKind.Utc), "Europe/Vienna");

        Assert.That(new CatalogueLocalizer()["closes {0}", deadline].Value, Does.StartWith("clôture le 1 avril 2026").And.Not.Contain("\u2068"));
    }

    private static bool Matches(IResolveConstraint constraint, object actual) => constraint.Resolve().ApplyTo(actual).IsSuccess;

    private static string Html(LocalizedHtmlString content)
    {
        using var writer = new StringWriter(CultureInfo.InvariantCulture);
        content.WriteTo(writer, System.Text.Encodings.Web.HtmlEncoder.Default);
        return System.Net.WebUtility.HtmlDecode(writer.ToString());
    }

    private sealed class Culture : IDisposable
    {
        private readonly CultureInfo _culture = CultureInfo.CurrentCulture;
        private readonly CultureInfo _uiCulture = CultureInfo.CurrentUICulture;

        public Culture(string name)
        {
            CultureInfo.CurrentCulture = FundCulture.Of(CultureInfo.GetCultureInfo(name));
            CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(name);
        }

        public void Dispose()
        {
            CultureInfo.CurrentCulture = _culture;
            CultureInfo.CurrentUICulture = _uiCulture;
        }
    }
}
