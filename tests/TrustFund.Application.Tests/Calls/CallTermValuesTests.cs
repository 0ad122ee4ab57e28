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
    [TestCase("PriorityForms", "DomesticServitude, ForcedLabour, SexualExploitation", "Exploitation sexuelle, Travail forcé et Servitude domestique")]
    [TestCase("PriorityForms", "", "Aucun")]
    [TestCase("AllowedAssistance", "MedicalCare, PsychosocialSupport", "Soins médicaux et Soutien psychosocial")]
    [TestCase("AllowedAssistance", "", "Tous les types d'assistance")]
    [TestCase("AcceptedLanguages", "Arabic, English, French", "Anglais, Français et Arabe")]
    [TestCase("AcceptedLanguages", "English, Klingon", "Anglais et Klingon")]
    [TestCase("RequiredDocuments", "ReferenceLetter, RegistrationCertificate", "Certificat d'enregistrement et Deux lettres de référence")]
    [TestCase("RequiredDocuments", "", "Aucun")]
    [TestCase("WindowType", "ShortTerm", "Court terme ou urgence")]
    [TestCase("ReviewersSeeOtherReviews", "True", "Oui")]
    [TestCase("AllowsSeveralApplicationsPerOrganisation", "False", "Une")]
    [TestCase("RankBy", "Raw", "note moyenne brute")]
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
            ["Sexual exploitation"] = "Exploitation sexuelle",
            ["Forced labour"] = "Travail forcé",
            ["Domestic servitude"] = "Servitude domestique",
            ["None"] = "Aucun",
            ["Medical care"] = "Soins médicaux",
            ["Psychosocial support"] = "Soutien psychosocial",
            ["All types of assistance"] = "Tous les types d'assistance",
            ["English"] = "Anglais",
            ["French"] = "Français",
            ["Arabic"] = "Arabe",
            ["Registration certificate"] = "Certificat d'enregistrement",
            ["Two reference letters"] = "Deux lettres de référence",
            ["Short-term or emergency"] = "Court terme ou urgence",
            ["Yes"] = "Oui",
            ["One"] = "Une",
            ["raw mean score"] = "note moyenne brute",
        };

        public LocalizedString this[string name] => Words.TryGetValue(name, out var value) ? new(name, value) : new(name, name, resourceNotFound: true);

        public LocalizedString this[string name, params object[] arguments] => new(name, string.Format(CultureInfo.InvariantCulture, this[name].Value, arguments));

        public IEnumerable<LocalizedString> GetAllStrings(bool includeParentCultures) => [];
    }
}
