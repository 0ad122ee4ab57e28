using System.Globalization;
using Microsoft.Extensions.Localization;
using TrustFund.Application.Calls;
using TrustFund.Application.Common;

namespace TrustFund.Application.Tests.Calls;

/// <summary>The values of an amended call term as its amendment email writes them, in the recipient's language.</summary>
public sealed class CallTermValuesTests
{
    private static readonly CultureInfo French = CultureInfo.GetCultureInfo("fr");
    private static readonly CultureInfo Arabic = FundCulture.Of(CultureInfo.GetCultureInfo("ar"));
    private static readonly FrenchWords Text = new();

    [TestCase("Envelope", "150000.00", "USD 150\u202F000,00")]
    [TestCase("MinimumAmount", "5000.50", "USD 5\u202F000,50")]
    [TestCase("RegistrationCutoff", "2026-05-01", "1 mai 2026")]
    [TestCase("EligibleAreas", "002, 566", "Afrique et Nigéria")]
    [TestCase("EligibleAreas", "288, 419, 566", "Ghana, Amérique latine et Caraïbes et Nigéria")]
    [TestCase("EligibleAreas", "", "Monde entier")]
    [TestCase("AnswersPublishedOn", "-", "–")]
    [TestCase("MaximumDurationMonths", "24", "24")]
    [TestCase("Title", "Appel 2027", "Appel 2027")]
    public void Write_InFrench_IsWrittenTheFrenchWay(string term, string recorded, string expected) =>
        Assert.That(CallTermValues.Write(term, recorded, "Europe/Vienna", Text, French), Is.EqualTo(expected));

    [Test]
    public void Write_AMoment_IsGivenInTheCallsTimeZone()
    {
        var written = CallTermValues.Write("OpensAtUtc", "2026-05-01 10:00 UTC", "Europe/Vienna", Text, French);

        Assert.That(written, Does.Contain("1 mai 2026").And.Contain("12:00").And.Contain("Europe/Vienna"));
    }

    [Test]
    public void Write_InArabic_NamesCountriesInArabicAndWritesAmountsWithWesternDigits()
    {
        Assert.Multiple(() =>
        {
            Assert.That(CallTermValues.Write("EligibleAreas", "288, 566", "UTC", Text, Arabic), Is.EqualTo("غانا ونيجيريا"));
            Assert.That(CallTermValues.Write("Envelope", "150000.00", "UTC", Text, Arabic), Is.EqualTo("USD 150,000.00"));
        });
    }

    private sealed class FrenchWords : IStringLocalizer
    {
        private static readonly Dictionary<string, string> Words = new(StringComparer.Ordinal)
        {
            ["Africa"] = "Afrique",
            ["Latin America and the Caribbean"] = "Amérique latine et Caraïbes",
            ["Worldwide"] = "Monde entier",
        };

        public LocalizedString this[string name] => Words.TryGetValue(name, out var value) ? new(name, value) : new(name, name, resourceNotFound: true);

        public LocalizedString this[string name, params object[] arguments] => new(name, string.Format(CultureInfo.InvariantCulture, this[name].Value, arguments));

        public IEnumerable<LocalizedString> GetAllStrings(bool includeParentCultures) => [];
    }
}
