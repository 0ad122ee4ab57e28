using System.Globalization;
using TrustFund.Application.Common;
using TrustFund.Application.Email;

namespace TrustFund.Application.Tests.Common;

/// <summary>The CLDR plural categories by which each language chooses the form of a counted word, and lists joined each language's way.</summary>
public sealed class PluralTests
{
    [TestCase(0, PluralCategory.Zero)]
    [TestCase(1, PluralCategory.One)]
    [TestCase(2, PluralCategory.Two)]
    [TestCase(3, PluralCategory.Few)]
    [TestCase(10, PluralCategory.Few)]
    [TestCase(11, PluralCategory.Many)]
    [TestCase(99, PluralCategory.Many)]
    [TestCase(100, PluralCategory.Other)]
    [TestCase(101, PluralCategory.Other)]
    [TestCase(102, PluralCategory.Other)]
    [TestCase(103, PluralCategory.Few)]
    [TestCase(111, PluralCategory.Many)]
    public void Arabic_ChoosesAmongSixForms(long count, PluralCategory expected) =>
        Assert.That(Plural.CategoryOf(CultureInfo.GetCultureInfo("ar"), count), Is.EqualTo(expected));

    [TestCase(0, PluralCategory.One)]
    [TestCase(1, PluralCategory.One)]
    [TestCase(2, PluralCategory.Other)]
    public void French_TakesTheSingularForZeroAndOne(long count, PluralCategory expected) =>
        Assert.That(Plural.CategoryOf(CultureInfo.GetCultureInfo("fr"), count), Is.EqualTo(expected));

    [TestCase("es", 0, PluralCategory.Other)]
    [TestCase("es", 1, PluralCategory.One)]
    [TestCase("es", 2, PluralCategory.Other)]
    [TestCase("en", 0, PluralCategory.Other)]
    [TestCase("en", 1, PluralCategory.One)]
    public void SpanishAndEnglish_TakeTheSingularForOneOnly(string language, long count, PluralCategory expected) =>
        Assert.That(Plural.CategoryOf(CultureInfo.GetCultureInfo(language), count), Is.EqualTo(expected));

    [Test]
    public void Categories_ArabicNeedsSixFormsFrenchTwo()
    {
        Assert.Multiple(() =>
        {
            Assert.That(Plural.CategoriesOf(CultureInfo.GetCultureInfo("ar")), Has.Count.EqualTo(6));
            Assert.That(Plural.CategoriesOf(CultureInfo.GetCultureInfo("fr")), Is.EqualTo(new[] { PluralCategory.One, PluralCategory.Other }));
            Assert.That(Plural.Key(PluralCategory.Few, "{0} applications"), Is.EqualTo("plural few|{0} applications"));
        });
    }

    [TestCase("en", "the agreement, the report and the bank details")]
    [TestCase("fr", "the agreement, the report et the bank details")]
    [TestCase("es", "the agreement, the report y the bank details")]
    [TestCase("ar", "the agreement، the report وthe bank details")]
    public void List_IsJoinedTheLanguagesWay(string language, string expected) =>
        Assert.That(EmailList.Join(["the agreement", "the report", "the bank details"], CultureInfo.GetCultureInfo(language)), Is.EqualTo(expected));
}
