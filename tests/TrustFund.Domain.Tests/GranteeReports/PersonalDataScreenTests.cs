using TrustFund.Domain.GranteeReports;
using static TrustFund.Domain.GranteeReports.PersonalDataKind;

namespace TrustFund.Domain.Tests.GranteeReports;

/// <summary>The personal-data screening on realistic sentences: what it must flag, and what it must not.</summary>
public sealed class PersonalDataScreenTests
{
    private static (PersonalDataKind Kind, string Masked)[] Found(string text) =>
        PersonalDataScreen.Screen("Narrative.Challenges", text).Select(f => (f.Kind, f.MaskedExcerpt)).ToArray();

    [TestCase("Contact her at amina.bello@example.org for follow-up.", "a••••.•••••@•••••••.•rg")]
    [TestCase("Write to survivor_23@mail.co.uk.", "s•••••••_••@••••.••.uk")]
    public void Screen_EmailAddress_IsFlaggedMasked(string text, string masked)
    {
        Assert.That(Found(text), Is.EqualTo(new[] { (EmailAddress, masked) }));
    }

    [TestCase("She called from +41 22 917 12 34 twice.", "+•• •• ••• •• 34")]
    [TestCase("Her brother's number is 0041 22 917 12 34.", "0••• •• ••• •• 34")]
    [TestCase("Reach him on +234 803 123 4567 after dark.", "+••• ••• ••• ••67")]
    [TestCase("The mother gave (022) 917 12 34 as a contact.", "(•••) ••• •• 34")]
    [TestCase("Her phone is 06 12 34 56 78.", "0• •• •• •• 78")]
    [TestCase("Call 555-1234 for the family.", "5••-••34")]
    [TestCase("Tel.: 079.123.45.67", "0••.•••.••.67")]
    [TestCase("Her WhatsApp is +44 7700 900123.", "+•• •••• ••••23")]
    [TestCase("Tel: +1 (555) 123-4567", "+• (•••) •••-••67")]
    public void Screen_PhoneNumber_IsFlaggedMasked(string text, string masked)
    {
        Assert.That(Found(text), Is.EqualTo(new[] { (PhoneNumber, masked) }));
    }

    [TestCase("Her passport AB1234567 was held by the employer.", "A••••••67")]
    [TestCase("Passport P1234567 returned to her.", "P•••••67")]
    [TestCase("ID card 123456789012 was confiscated.", "1•••••••••12")]
    public void Screen_DocumentNumber_IsFlaggedMasked(string text, string masked)
    {
        Assert.That(Found(text), Is.EqualTo(new[] { (DocumentNumber, masked) }));
    }

    [TestCase("Name: Amina Bello.", "Name: A•••• B••••")]
    [TestCase("Victim's name: Joy, aged 16.", "Victim's name: J••")]
    [TestCase("Nom : Fatou Diallo, 17 ans.", "Nom : F•••• D•••••")]
    [TestCase("Prénom: Awa", "Prénom: A••")]
    [TestCase("nombre: María López; edad 15.", "nombre: M•••• L••••")]
    [TestCase("الاسم: فاطمة", "الاسم: ف••••")]
    public void Screen_NameLabel_IsFlaggedKeepingTheLabel(string text, string masked)
    {
        Assert.That(Found(text), Is.EqualTo(new[] { (NameLabel, masked) }));
    }

    [TestCase("We spent USD 12,500.00 on shelter and USD 1,250,000.00 over the grant.")]
    [TestCase("Rent rose to US$ 1.250.000 in the capital, 3 000 EUR in the regions, 12 500,50 € elsewhere.")]
    [TestCase("Between 2026-03-15 and 15/06/2026 (also written 15.06.2026), 45 women were assisted.")]
    [TestCase("Reference UNVTF-2026-RI-0003 follows grant GA/2026/0042 and UNVTF-2025-ST-0117.")]
    [TestCase("The project ran 2019-2023 and reached 12.5% more survivors, 1,250 in all.")]
    [TestCase("In 2025 120 persons were assisted, 48 of them children; 12500.00 was spent on food.")]
    [TestCase("Nombre : 45 personnes accueillies en 2026.")]
    [TestCase("Project name: Safe Return. Organisation name: Hope Shelter. The partner's name: Aid Now.")]
    [TestCase("Sessions at 10:30 on 12 March 2026; phone numbers of victims are never recorded.")]
    [TestCase("Indicator 3.2.1 rose from 40 to 55; see annex 4, pages 12-18.")]
    public void Screen_HarmlessText_IsNotFlagged(string text)
    {
        Assert.That(Found(text), Is.Empty);
    }

    [Test]
    public void Screen_SeveralFindings_AreInOrderWithTheirPositions()
    {
        const string text = "Name: Joy. Phone +41 22 917 12 34, email joy@example.org, passport AB1234567.";

        var findings = PersonalDataScreen.Screen("Stories[0]", text);

        Assert.That(findings.Select(f => (f.Field, f.Kind, text.Substring(f.Start, f.Length))), Is.EqualTo(new[]
        {
            ("Stories[0]", NameLabel, "Name: Joy"),
            ("Stories[0]", PhoneNumber, "+41 22 917 12 34"),
            ("Stories[0]", EmailAddress, "joy@example.org"),
            ("Stories[0]", DocumentNumber, "AB1234567"),
        }));
    }

    [Test]
    public void Screen_SeveralFields_KeepsEachFindingsField()
    {
        var findings = PersonalDataScreen.Screen([("Narrative.Lessons", "None."), ("Narrative.SafetyIncidents", "Call +41 22 917 12 34."), ("Stories[0]", null)]);

        Assert.That(findings.Select(f => f.Field), Is.EqualTo(new[] { "Narrative.SafetyIncidents" }));
    }

    [TestCase("AB1234567", 0, "A••••••67")]
    [TestCase("Name: Amina", 6, "Name: A••••")]
    [TestCase("ab", 0, "ab")]
    public void Mask_KeepsOnlyWhatIsNeededToFindIt(string excerpt, int keepPrefix, string masked)
    {
        Assert.That(PersonalDataScreen.Mask(excerpt, keepPrefix), Is.EqualTo(masked));
    }
}
