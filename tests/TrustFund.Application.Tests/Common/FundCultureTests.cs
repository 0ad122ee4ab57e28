using System.Globalization;
using TrustFund.Application.Common;

namespace TrustFund.Application.Tests.Common;

/// <summary>How the fund writes days, times and amounts in each of its languages.</summary>
public sealed class FundCultureTests
{
    private static readonly DateTime Moment = new(2026, 3, 2, 9, 5, 0, DateTimeKind.Utc);

    [TestCase("es", "d MMMM yyyy", "2 de marzo de 2026")]
    [TestCase("es", "d MMMM yyyy, HH:mm", "2 de marzo de 2026, 09:05")]
    [TestCase("es", "d MMMM yyyy HH:mm 'UTC'", "2 de marzo de 2026 09:05 UTC")]
    [TestCase("es", "MMMM yyyy", "marzo 2026")]
    [TestCase("fr", "d MMMM yyyy", "2 mars 2026")]
    [TestCase("en", "d MMMM yyyy", "2 March 2026")]
    [TestCase("ar", "d MMMM yyyy", "2 مارس 2026")]
    public void Days_AreWrittenAsTheLanguageWritesThem(string language, string format, string expected) =>
        Assert.That(Moment.ToString(format, FundCulture.Of(CultureInfo.GetCultureInfo(language))), Is.EqualTo(expected));

    [Test]
    public void SpanishDays_ReadTheSameForADateOnly() =>
        Assert.That(new DateOnly(2026, 12, 31).ToString("d MMMM yyyy", FundCulture.Of(CultureInfo.GetCultureInfo("es"))), Is.EqualTo("31 de diciembre de 2026"));

    [Test]
    public void SpanishAmounts_AreLeftAsSpanishWritesThem() =>
        Assert.That(Domain.Common.Money.Usd(12_345.5m).ToString(FundCulture.Of(CultureInfo.GetCultureInfo("es"))), Is.EqualTo("USD 12.345,50"));
}
