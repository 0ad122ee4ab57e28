using System.Globalization;
using TrustFund.Web.Features.Shared;

namespace TrustFund.Web.Tests.Shared;

/// <summary>Amounts in words as award letters state them, in each of the fund's languages.</summary>
public sealed class AmountWordsTests
{
    [TestCase("en", "10000", "ten thousand United States dollars")]
    [TestCase("en", "42500.50", "forty-two thousand five hundred United States dollars and 50 cents")]
    [TestCase("fr", "1", "un dollar des États-Unis")]
    [TestCase("fr", "21", "vingt et un dollars des États-Unis")]
    [TestCase("fr", "80", "quatre-vingts dollars des États-Unis")]
    [TestCase("fr", "200", "deux cents dollars des États-Unis")]
    [TestCase("fr", "1000000", "un million de dollars des États-Unis")]
    [TestCase("fr", "42500.50", "quarante-deux mille cinq cents dollars des États-Unis et 50 cents")]
    [TestCase("es", "1", "un dólar estadounidense")]
    [TestCase("es", "21", "veintiún dólares estadounidenses")]
    [TestCase("es", "31", "treinta y un dólares estadounidenses")]
    [TestCase("es", "100", "cien dólares estadounidenses")]
    [TestCase("es", "1000000", "un millón de dólares estadounidenses")]
    [TestCase("es", "42500.50", "cuarenta y dos mil quinientos dólares estadounidenses con 50 centavos")]
    [TestCase("ar", "50000", "فقط خمسون ألف دولار أمريكي لا غير")]
    [TestCase("ar", "21", "فقط واحد وعشرون دولار أمريكي لا غير")]
    [TestCase("ar", "200000", "فقط مئتا ألف دولار أمريكي لا غير")]
    [TestCase("ar", "1250000.75", "فقط مليون ومئتان وخمسون ألف دولار أمريكي و75 سنتاً لا غير")]
    [TestCase("ar", "80.05", "فقط ثمانون دولار أمريكي و5 سنتات لا غير")]
    public void Usd_IsWrittenTheWayTheLanguageWritesIt(string language, string amount, string expected) =>
        Assert.That(AmountWords.Usd(decimal.Parse(amount, CultureInfo.InvariantCulture), new CultureInfo(language)), Is.EqualTo(expected));

    [Test]
    public void Usd_RefusesFractionsOfACentAndNegativeAmounts()
    {
        Assert.Throws<ArgumentException>(() => AmountWords.Usd(1.005m, new CultureInfo("fr")));
        Assert.Throws<ArgumentOutOfRangeException>(() => AmountWords.Usd(-1m, new CultureInfo("ar")));
    }
}
