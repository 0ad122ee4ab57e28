using System.Globalization;
using Microsoft.EntityFrameworkCore;
using TrustFund.Domain.Calls;
using TrustFund.Web.Hosting;
using TrustFund.Web.Tests.Calls;
using TrustFund.Web.Tests.Infrastructure;
using TrustFund.Web.Tests.Payments;
using TrustFund.Web.Tests.Screening;

namespace TrustFund.Web.Tests.Localization;

/// <summary>
/// What an email puts into its sentences (amounts, countries, conditions, lists) is written in the
/// recipient's language too (in Arabic each between isolate marks, U+2068 and U+2069), and counted or gendered
/// words on pages take the form the language asks for.
/// </summary>
public sealed class EmailWordsTests
{
    private TrustFundApp _app = null!;
    private Guid _organisationId;

    [OneTimeSetUp]
    public async Task StartApp()
    {
        _app = await new TrustFundApp().StartAsync();
        _organisationId = await FundData.DemoOrganisationIdAsync(_app, "applicant@trustfund.test");
    }

    [OneTimeTearDown]
    public void StopApp() => _app.Dispose();

    [TestCase("fr", "EWF")]
    [TestCase("ar", "EWA")]
    public async Task ReleaseRequest_WithAnOverride_IsEmailedToTheFinanceOfficerInTheirLanguage(string language, string callCode)
    {
        await ChooseLanguageAsync("finance@trustfund.test", language);
        var grant = await PaymentWebData.ActiveGrantAsync(_app, _organisationId, callCode);
        var second = grant.Instalments[1];
        var page = $"/Grants/{grant.Id}/Instalments/{second.Id}";
        using var manager = await _app.SignInAsync("manager@trustfund.test");

        var response = await manager.PostFormAsync(page, $"{page}/Request", new() { ["Conditions[0].Index"] = "0", ["Conditions[0].Justification"] = "Interim report delayed by floods." });

        Assert.That(TestSession.IsRedirectTo(response, page), Is.True, await response.Content.ReadAsStringAsync());
        var email = (await FundData.EmailsToAsync(_app, "finance@trustfund.test")).Single(m => m.Subject.Contains(grant.Number, StringComparison.Ordinal));
        Assert.That(email.TextBody, Is.EqualTo(ExpectedRelease(language, grant.Number)));
    }

    [TestCase("fr")]
    [TestCase("ar")]
    public async Task OrganisationChangingItsCountry_IsEmailedToTheSecretariatWithTheCountriesInTheirLanguage(string language)
    {
        await ChooseLanguageAsync("manager@trustfund.test", language);
        var organisation = await FundData.OrganisationAsync(_app, "Mercy Network " + language, "KEN");

        await _app.WithDbAsync(async db =>
        {
            var tracked = await db.Organisations.SingleAsync(o => o.Id == organisation.Id);
            tracked.UpdateProfile("Mercy Network Egypt " + language, "EGY", tracked.Profile, _app.Clock.GetUtcNow().UtcDateTime);
            return await db.SaveChangesAsync();
        });

        var email = (await FundData.EmailsToAsync(_app, "manager@trustfund.test")).Single(m => m.Subject.Contains("Mercy Network Egypt " + language, StringComparison.Ordinal));
        Assert.That(email.TextBody, Is.EqualTo(ExpectedCountryChange(language)));
    }

    [TestCase("fr")]
    [TestCase("ar")]
    public async Task CallAmendment_ChangingListedTerms_IsEmailedWithTheLabelsOfThePagesInTheRecipientsLanguage(string language)
    {
        await ChooseLanguageAsync("applicant@trustfund.test", language);
        var now = _app.Clock.GetUtcNow().UtcDateTime;
        var call = Call.Draft(CallFixtures.Terms(CallFixtures.NewCode("EWL"), now) with
        {
            PriorityForms = [ExploitationForm.ForcedLabour],
            RequiredDocuments = [DocumentType.RegistrationCertificate],
        }, now.AddDays(-11));
        call.Publish(now.AddDays(-10));
        await _app.WithDbAsync(db =>
        {
            db.Calls.Add(call);
            return db.SaveChangesAsync();
        });
        await CallFixtures.AddApplicationAsync(_app, call, "applicant@trustfund.test");

        await _app.WithDbAsync(async db =>
        {
            var tracked = await db.Calls.SingleAsync(c => c.Id == call.Id);
            tracked.Amend(
                tracked.Terms with
                {
                    PriorityForms = [ExploitationForm.DomesticServitude, ExploitationForm.ForcedLabour, ExploitationForm.SexualExploitation],
                    AllowedAssistance = [AssistanceType.PsychosocialSupport, AssistanceType.MedicalCare],
                    AcceptedLanguages = [ProposalLanguage.Arabic, ProposalLanguage.English, ProposalLanguage.French],
                    RequiredDocuments = [DocumentType.ReferenceLetter, DocumentType.AuditedFinancialStatements, DocumentType.RegistrationCertificate],
                },
                "Survivors of domestic servitude are a priority.",
                "manager@trustfund.test",
                now);
            return await db.SaveChangesAsync();
        });

        var email = (await FundData.EmailsToAsync(_app, "applicant@trustfund.test")).Single(m => m.Subject.Contains(call.Title, StringComparison.Ordinal));
        Assert.That(email.TextBody.Split('\n').Where(l => l.StartsWith("- ", StringComparison.Ordinal)), Is.EqualTo(ExpectedListedChanges(language)));
    }

    [Test]
    public async Task UsersList_InArabic_CountsTheUsersWithTheFormOfTheirNumber()
    {
        await ChooseLanguageAsync("admin@trustfund.test", "ar");
        using var admin = await _app.SignInAsync("admin@trustfund.test");
        var total = await _app.WithDbAsync(db => db.Users.CountAsync());

        var (_, page) = await admin.GetPageAsync("/Admin/Users");

        Assert.Multiple(() =>
        {
            Assert.That(total, Is.EqualTo(7), "the demonstration's seven users");
            Assert.That(page.QuerySelector("p[role=status]")!.TextContent.Trim(), Is.EqualTo("عُثر على 7 مستخدمين."), "7 takes the 'few' form (3 to 10)");
        });
    }

    [Test]
    public async Task Grant_InFrench_ShowsItsStatusAgreeingWithSubvention()
    {
        await ChooseLanguageAsync("manager@trustfund.test", "fr");
        var grant = await PaymentWebData.ActiveGrantAsync(_app, _organisationId, "EWS");
        using var manager = await _app.SignInAsync("manager@trustfund.test");

        var (_, page) = await manager.GetPageAsync($"/Grants/{grant.Id}");

        Assert.Multiple(() =>
        {
            Assert.That(page.QuerySelector("[data-grant-status]")!.TextContent.Trim(), Is.EqualTo("Active"), "une subvention active");
            Assert.That(Catalogue.Find("Active", CultureInfo.GetCultureInfo("fr")), Is.EqualTo("Actif"), "the word alone stays masculine");
            Assert.That(Catalogue.Find("grant status|Closed", CultureInfo.GetCultureInfo("fr")), Is.EqualTo("Clôturée"));
            Assert.That(Catalogue.Find("amendment status|Approved", CultureInfo.GetCultureInfo("fr")), Is.EqualTo("Approuvé"), "un avenant approuvé");
            Assert.That(Catalogue.Text("grant status|Closed"), Is.EqualTo("Closed"), "English shows the part after the context");
        });
    }

    // French groups digits with a narrow no-break space; Arabic writes its own group and decimal separators.
    private static string ExpectedRelease(string language, string grant) => language switch
    {
        "fr" => $"Bonjour Kwame Mensah,\n\nmanager@trustfund.test a demandé le décaissement de la tranche 2 de la subvention {grant}\u00A0: USD 4\u202F000,00.\n\n"
            + "Décaissement demandé sans que soient remplies ces conditions\u00A0: le rapport intermédiaire est accepté.\n\n"
            + "Veuillez l'approuver ou le suspendre depuis votre file de paiements dans TrustFund. Vous ne pouvez pas approuver un décaissement que vous avez vous-même demandé.\n\nTrustFund",
        _ => $"\u2068Kwame Mensah\u2069 المحترم/المحترمة،\n\nطلب \u2068manager@trustfund.test\u2069 صرف القسط 2 من المنحة \u2068{grant}\u2069: \u2068USD 4,000.00\u2069.\n\n"
            + "طُلب الصرف دون استيفاء هذه الشروط: \u2068قبول التقرير المرحلي\u2069.\n\n"
            + "وافق عليه، أو أوقفه مؤقتًا، من قائمة المدفوعات الخاصة بك في TrustFund. ولا يمكنك الموافقة على صرف طلبته بنفسك.\n\nTrustFund",
    };

    // The terms in the order of the call's form, each list in it and joined as the language joins a list.
    private static string[] ExpectedListedChanges(string language) => language switch
    {
        "fr" =>
        [
            "- Formes d'exploitation prioritaires\u00A0: avant Travail forcé\u202F; désormais Exploitation sexuelle, Travail forcé et Servitude domestique",
            "- Assistance financée\u00A0: avant Tous les types d'assistance\u202F; désormais Soins médicaux et Soutien psychosocial",
            "- Langues acceptées\u00A0: avant Anglais et Français\u202F; désormais Anglais, Français et Arabe",
            "- Documents requis\u00A0: avant Certificat d'enregistrement\u202F; désormais Certificat d'enregistrement, États financiers vérifiés et Deux lettres de référence",
        ],
        _ =>
        [
            "- \u2068أشكال الاستغلال ذات الأولوية\u2069: سابقًا \u2068العمل القسري\u2069؛ حاليًا \u2068الاستغلال الجنسي، العمل القسري والاستعباد المنزلي\u2069",
            "- \u2068المساعدة الممولة\u2069: سابقًا \u2068جميع أنواع المساعدة\u2069؛ حاليًا \u2068الرعاية الطبية والدعم النفسي والاجتماعي\u2069",
            "- \u2068اللغات المقبولة\u2069: سابقًا \u2068الإنكليزية والفرنسية\u2069؛ حاليًا \u2068الإنكليزية، الفرنسية والعربية\u2069",
            "- \u2068الوثائق المطلوبة\u2069: سابقًا \u2068شهادة التسجيل\u2069؛ حاليًا \u2068شهادة التسجيل، البيانات المالية المراجعة وخطابا تزكية\u2069",
        ],
    };

    private static string ExpectedCountryChange(string language) => language switch
    {
        "fr" => "Bonjour Sofia Rossi,\n\nUne organisation vérifiée a modifié son nom officiel ou son pays d'enregistrement\u202F; elle figure donc de nouveau dans la liste des organisations en attente de vérification et ne peut pas soumettre de demandes tant qu'elle n'a pas été vérifiée à nouveau.\n\n"
            + "Nom officiel\u00A0: avant Mercy Network fr\u202F; désormais Mercy Network Egypt fr\nPays d'enregistrement\u00A0: avant Kenya\u202F; désormais Égypte\n\n"
            + "Les demandes qu'elle a soumises auparavant conservent le nom sous lequel elles ont été soumises.\n\nTrustFund",
        _ => "\u2068Sofia Rossi\u2069 المحترم/المحترمة،\n\nغيّرت منظمة تم التحقق منها اسمها القانوني أو بلد تسجيلها، لذا أُعيدت إلى قائمة المنظمات التي تنتظر التحقق، ولا يمكنها تقديم طلبات إلى أن يتم التحقق منها مرة أخرى.\n\n"
            + "الاسم القانوني: سابقًا \u2068Mercy Network ar\u2069؛ حاليًا \u2068Mercy Network Egypt ar\u2069\nبلد التسجيل: سابقًا \u2068كينيا\u2069؛ حاليًا \u2068مصر\u2069\n\n"
            + "تحتفظ الطلبات التي قدمتها سابقًا بالاسم الذي قُدمت به.\n\nTrustFund",
    };

    private Task<int> ChooseLanguageAsync(string email, string language) =>
        _app.WithDbAsync(async db =>
        {
            var user = await db.Users.SingleAsync(u => u.Email == email);
            user.PreferredCulture = language;
            return await db.SaveChangesAsync();
        });
}
