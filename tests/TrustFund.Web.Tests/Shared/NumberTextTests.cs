using System.Globalization;
using TrustFund.Web.Features.Languages;
using TrustFund.Web.Features.Shared;

namespace TrustFund.Web.Tests.Shared;

/// <summary>The one reader of typed numbers: strict in the visitor's culture, never reading a number as another.</summary>
public sealed class NumberTextTests
{
    private static readonly CultureInfo English = CultureInfo.GetCultureInfo("en");
    private static readonly CultureInfo French = CultureInfo.GetCultureInfo("fr");
    private static readonly CultureInfo Arabic = Languages.AsTheFundWrites(CultureInfo.GetCultureInfo("ar"));

    [TestCase("98.85", 98.85)]
    [TestCase("20000", 20000)]
    [TestCase("20,000", 20000)]
    [TestCase("20,000.00", 20000)]
    [TestCase("1,234,567.5", 1234567.5)]
    [TestCase("USD 5,000", 5000)]
    [TestCase("$ 12.30", 12.30)]
    [TestCase("  7500  ", 7500)]
    [TestCase("0", 0)]
    public void TryRead_English_ReadsTheOneMeaning(string text, decimal expected)
    {
        Assert.That(NumberText.TryRead(text, English, 2, 1_000_000_000m, out var value), Is.EqualTo(NumberReading.Valid));
        Assert.That(value, Is.EqualTo(expected));
    }

    [TestCase("98,85")]
    [TestCase("1,23")]
    [TestCase("12,3456")]
    [TestCase("1.234,56")]
    [TestCase("1,234,56")]
    [TestCase("1 234,56")]
    public void TryRead_English_AmbiguousSeparators_AreRefusedNotGuessed(string text)
    {
        Assert.That(NumberText.TryRead(text, English, 2, 1_000_000_000m, out _), Is.EqualTo(NumberReading.Ambiguous));
    }

    [TestCase("98,85", 98.85)]
    [TestCase("1 234,56", 1234.56)]
    [TestCase("1\u202F234,56", 1234.56)]
    [TestCase("1\u00A0234", 1234)]
    [TestCase("1234.56", 1234.56)]
    [TestCase("12.5", 12.5)]
    public void TryRead_French_ReadsTheCulturesFormAndThePlainForm(string text, decimal expected)
    {
        Assert.That(NumberText.TryRead(text, French, 2, 1_000_000_000m, out var value), Is.EqualTo(NumberReading.Valid));
        Assert.That(value, Is.EqualTo(expected));
    }

    [TestCase("1.234")]
    [TestCase("1.234,56")]
    public void TryRead_French_PointThatMayGroupThousands_IsAmbiguous(string text)
    {
        Assert.That(NumberText.TryRead(text, French, 2, 1_000_000_000m, out _), Is.EqualTo(NumberReading.Ambiguous));
    }

    [TestCase("1\u066C234\u066B56", 1234.56)]
    [TestCase("\u0661\u0662\u0663\u0664\u066B\u0665\u0666", 1234.56)]
    [TestCase("\u06F1\u06F2\u06F3\u06F4", 1234)]
    [TestCase("1234.56", 1234.56)]
    [TestCase("\u200F1234\u066B5", 1234.5)]
    [TestCase("USD 250", 250)]
    [TestCase("1,234", 1234)]
    [TestCase("50,000.00", 50000)]
    [TestCase("1,234,567.5", 1234567.5)]
    [TestCase("98.85", 98.85)]
    [TestCase("\u0665\u0660\u066C\u0660\u0660\u0660", 50000)]
    [TestCase("\u0669\u0668\u066B\u0668\u0665", 98.85)]
    [TestCase("\u0665\u0660,\u0660\u0660\u0660.\u0665", 50000.5)]
    public void TryRead_Arabic_ReadsArabicSeparatorsAndDigitsAndThePlainForm(string text, decimal expected)
    {
        Assert.That(NumberText.TryRead(text, Arabic, 2, 1_000_000_000m, out var value), Is.EqualTo(NumberReading.Valid));
        Assert.That(value, Is.EqualTo(expected));
    }

    [TestCase("1.234")]
    [TestCase("50.000")]
    [TestCase("\u0661.\u0662\u0663\u0664")]
    [TestCase("98,85")]
    [TestCase("1,23")]
    [TestCase("1.234,56")]
    [TestCase("98\u060C85")]
    [TestCase("1\u066C23")]
    [TestCase("1,234\u066B56")]
    [TestCase("1\u066C234.56")]
    public void TryRead_Arabic_SeparatorsThatCouldMeanEitherThing_AreAmbiguous(string text)
    {
        Assert.That(NumberText.TryRead(text, Arabic, 2, 1_000_000_000m, out _), Is.EqualTo(NumberReading.Ambiguous));
    }

    [TestCase("", NumberReading.Empty)]
    [TestCase("   ", NumberReading.Empty)]
    [TestCase("five thousand", NumberReading.NotANumber)]
    [TestCase("12a", NumberReading.NotANumber)]
    [TestCase("1e5", NumberReading.NotANumber)]
    [TestCase("-5", NumberReading.Negative)]
    [TestCase("5000.125", NumberReading.TooManyDecimals)]
    [TestCase("2000000000", NumberReading.TooLarge)]
    [TestCase("99999999999999999999999999999999999", NumberReading.TooLarge)]
    public void TryRead_English_OtherProblems_AreNamed(string text, NumberReading expected)
    {
        Assert.That(NumberText.TryRead(text, English, 2, 1_000_000_000m, out _), Is.EqualTo(expected));
    }

    [Test]
    public void TryRead_Overlong_IsNotANumber()
    {
        Assert.That(NumberText.TryRead(new string('1', 41), English, 2, 1_000_000_000m, out _), Is.EqualTo(NumberReading.NotANumber));
    }

    [Test]
    public void ArabicCulture_WritesAmountsWithWesternDigitsAndSeparators()
    {
        Assert.Multiple(() =>
        {
            Assert.That("USD " + 50000m.ToString("N2", Arabic), Is.EqualTo("USD 50,000.00"));
            Assert.That((-1234.5m).ToString("N2", Arabic), Is.EqualTo("-1,234.50"));
        });
    }

    [TestCase(1234.5, "1234.5")]
    [TestCase(20000, "20000")]
    [TestCase(0.05, "0.05")]
    public void ForInput_ReadsBackTheSameInEveryCulture(decimal amount, string expected)
    {
        var text = NumberText.ForInput(amount);

        Assert.That(text, Is.EqualTo(expected));
        Assert.That(NumberText.TryRead(text, English, 2, 1_000_000_000m, out var english), Is.EqualTo(NumberReading.Valid));
        Assert.That(NumberText.TryRead(text, French, 2, 1_000_000_000m, out var french), Is.EqualTo(NumberReading.Valid));
        Assert.That(NumberText.TryRead(text, Arabic, 2, 1_000_000_000m, out var arabic), Is.EqualTo(NumberReading.Valid));
        Assert.That((english, french, arabic), Is.EqualTo((amount, amount, amount)));
    }
}
