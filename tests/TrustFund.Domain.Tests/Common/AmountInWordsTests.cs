using TrustFund.Domain.Common;

namespace TrustFund.Domain.Tests.Common;

public sealed class AmountInWordsTests
{
    [TestCase(0L, "zero")]
    [TestCase(7L, "seven")]
    [TestCase(13L, "thirteen")]
    [TestCase(19L, "nineteen")]
    [TestCase(20L, "twenty")]
    [TestCase(42L, "forty-two")]
    [TestCase(99L, "ninety-nine")]
    [TestCase(100L, "one hundred")]
    [TestCase(101L, "one hundred one")]
    [TestCase(110L, "one hundred ten")]
    [TestCase(999L, "nine hundred ninety-nine")]
    [TestCase(1_000L, "one thousand")]
    [TestCase(1_001L, "one thousand one")]
    [TestCase(12_345L, "twelve thousand three hundred forty-five")]
    [TestCase(100_000L, "one hundred thousand")]
    [TestCase(1_000_000L, "one million")]
    [TestCase(1_000_017L, "one million seventeen")]
    [TestCase(2_500_000L, "two million five hundred thousand")]
    [TestCase(1_000_000_000L, "one billion")]
    [TestCase(987_654_321L, "nine hundred eighty-seven million six hundred fifty-four thousand three hundred twenty-one")]
    [TestCase(999_999_999_999_999L, "nine hundred ninety-nine trillion nine hundred ninety-nine billion nine hundred ninety-nine million nine hundred ninety-nine thousand nine hundred ninety-nine")]
    public void Number_InWords(long number, string words)
    {
        Assert.That(AmountInWords.Number(number), Is.EqualTo(words));
    }

    [TestCase("42500.50", "forty-two thousand five hundred United States dollars and 50 cents")]
    [TestCase("1", "one United States dollar")]
    [TestCase("1.01", "one United States dollar and 1 cent")]
    [TestCase("0.99", "zero United States dollars and 99 cents")]
    [TestCase("10000", "ten thousand United States dollars")]
    [TestCase("10000.00", "ten thousand United States dollars")]
    [TestCase("250000.05", "two hundred fifty thousand United States dollars and 5 cents")]
    [TestCase("1000000000", "one billion United States dollars")]
    public void Usd_InWords(string amount, string words)
    {
        Assert.That(AmountInWords.Usd(decimal.Parse(amount, System.Globalization.CultureInfo.InvariantCulture)), Is.EqualTo(words));
    }

    [Test]
    public void Usd_Negative_IsRefused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => AmountInWords.Usd(-1m));
    }

    [Test]
    public void Usd_FractionsOfACent_AreRefused()
    {
        Assert.Throws<ArgumentException>(() => AmountInWords.Usd(1.005m));
    }

    [Test]
    public void Number_AboveTheLargestScale_IsRefused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => AmountInWords.Number(1_000_000_000_000_000));
    }

    [Test]
    public void Number_EveryValueBelowTenThousand_HasNoDoubleSpacesAndNoAnd()
    {
        for (var i = 0; i < 10_000; i++)
        {
            var words = AmountInWords.Number(i);
            Assert.That(words, Does.Not.Contain("  ").And.Not.Contain(" and ").And.Not.StartWith(" ").And.Not.EndWith(" "), $"{i}");
        }
    }
}
