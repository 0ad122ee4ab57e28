using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using TrustFund.Application.Accounts;
using TrustFund.Infrastructure.Persistence;
using TrustFund.Web.Tests.Infrastructure;

namespace TrustFund.Web.Tests.Localization;

/// <summary>
/// Account emails are written in the language the account chose, whatever the language of the page
/// that sends them, with their dates, lists of roles and fallback texts in that language too. In
/// Arabic each text put into a sentence stands between isolate marks (U+2068, U+2069), as on pages.
/// </summary>
public sealed partial class AccountEmailLanguageTests
{
    private TrustFundApp _app = null!;

    [OneTimeSetUp]
    public async Task StartApp() => _app = await new TrustFundApp(new Dictionary<string, string?> { ["PublicSite:BaseUrl"] = "https://trustfund.example" }).StartAsync();

    [OneTimeTearDown]
    public void StopApp() => _app.Dispose();

    [TestCase("fr")]
    [TestCase("ar")]
    public async Task PasswordChanged_SentFromAPageInEnglish_IsWrittenInTheAccountsLanguageWithTheMomentInIt(string language)
    {
        var user = User(language);

        var email = await SendAsync(user, "en", emails => emails.PasswordChanged(user));

        Assert.Multiple(() =>
        {
            Assert.That(email.Subject, Is.EqualTo(language == "fr" ? "Votre mot de passe TrustFund a été modifié" : "تغيّرت كلمة المرور الخاصة بك في TrustFund"));
            Assert.That(email.TextBody, Is.EqualTo(language switch
            {
                "fr" => "Bonjour Amélie Dupont,\n\nLe mot de passe de votre compte TrustFund a été modifié le 2 mars 2026 09:00 (UTC). Vos autres sessions ont été fermées.\n\n"
                    + "Si vous n'êtes pas à l'origine de cette opération, réinitialisez immédiatement votre mot de passe et informez-en le Secrétariat du Fonds\u00A0:\nhttps://trustfund.example/Account/ForgotPassword\n",
                _ => "مرحبًا \u2068Amélie Dupont\u2069،\n\nتغيّرت كلمة المرور لحسابك في TrustFund في \u20682 مارس 2026 09:00\u2069 (بالتوقيت العالمي المنسق). وسُجّل الخروج من جلساتك الأخرى.\n\n"
                    + "إذا لم تقم بذلك، فأعد تعيين كلمة المرور الآن وأبلغ أمانة الصندوق:\nhttps://trustfund.example/Account/ForgotPassword\n",
            }));
        });
    }

    [TestCase("fr")]
    [TestCase("ar")]
    public async Task Invitation_ToAnAccountWithItsLanguage_JoinsTheRolesAsTheLanguageJoinsAList(string language)
    {
        var user = User(language);

        var email = await SendAsync(user, "en", emails => emails.Invitation(user, "Sofia Rossi", [Roles.Reviewer, Roles.FundManager, Roles.Administrator], "token"));

        var link = $"https://trustfund.example/Account/AcceptInvitation?userId={user.Id:D}&code=CODE";
        Assert.That(WithoutCode(email.TextBody), Is.EqualTo(language switch
        {
            "fr" => "Bonjour Amélie Dupont,\n\nSofia Rossi vous a invité(e) à rejoindre TrustFund, le système de gestion des subventions du Fonds de contributions volontaires des Nations Unies pour les victimes de la traite des personnes, "
                + "en tant que\u00A0: Évaluateur, Gestionnaire du Fonds et Administrateur.\n\n"
                + $"Pour accepter, choisissez votre mot de passe ici\u00A0:\n{link}\n\nLe lien est valable 24 heures. S'il a expiré, demandez à un administrateur de vous envoyer une nouvelle invitation.\n",
            _ => "مرحبًا \u2068Amélie Dupont\u2069،\n\nدعاك \u2068Sofia Rossi\u2069 إلى TrustFund، نظام المنح التابع لصندوق الأمم المتحدة الاستئماني للتبرعات لضحايا الاتجار بالأشخاص، بصفة: \u2068المراجع، مدير الصندوق ومسؤول النظام\u2069.\n\n"
                + $"للقبول، اختر كلمة المرور هنا:\n{link}\n\nيظل الرابط صالحًا لمدة 24 ساعة. وإذا انتهت صلاحيته، فاطلب من مسؤول النظام إرسال دعوة جديدة إليك.\n",
        }));
    }

    [Test]
    public async Task Invitation_ToANewAccount_FromAnAdministratorWorkingInFrench_IsInTheFundsDefaultLanguage()
    {
        var user = User(null);

        var email = await SendAsync(user, "fr", emails => emails.Invitation(user, null, [Roles.Reviewer, Roles.FundManager], "token"));

        Assert.Multiple(() =>
        {
            Assert.That(email.Subject, Is.EqualTo("You are invited to TrustFund"));
            Assert.That(email.TextBody, Does.StartWith("Hello Amélie Dupont,\n\nA TrustFund administrator has invited you to TrustFund, the grant system of the UN Voluntary Trust Fund for Victims of Trafficking in Persons, as: Reviewer and Fund manager.\n\n"));
            Assert.That(email.HtmlBody, Does.StartWith("<!DOCTYPE html><html lang=\"en\" dir=\"ltr\">"));
        });
    }

    [Test]
    public async Task ResetPassword_InArabic_IsMarkedRightToLeft()
    {
        var user = User("ar");

        var email = await SendAsync(user, "en", emails => emails.ResetPassword(user, "token"));

        Assert.Multiple(() =>
        {
            Assert.That(email.Subject, Is.Not.EqualTo("Reset your TrustFund password"));
            Assert.That(email.HtmlBody, Does.StartWith("<!DOCTYPE html><html lang=\"ar\" dir=\"rtl\">"));
        });
    }

    private static TrustFundUser User(string? language)
    {
        var email = $"amelie.{Guid.NewGuid():N}@example.org";
        return new TrustFundUser { UserName = email, Email = email, DisplayName = "Amélie Dupont", PreferredCulture = language };
    }

    // Writes an email as a page in `pageLanguage` would have it written, and returns it as queued.
    private async Task<TrustFund.Infrastructure.Email.OutboxMessage> SendAsync(TrustFundUser user, string pageLanguage, Action<AccountEmails> send)
    {
        var previous = (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);
        await using var scope = _app.Services.CreateAsyncScope();
        try
        {
            CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(pageLanguage);
            send(scope.ServiceProvider.GetRequiredService<AccountEmails>());
        }
        finally
        {
            (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture) = previous;
        }

        await scope.ServiceProvider.GetRequiredService<TrustFundDbContext>().SaveChangesAsync();
        return (await TestAccounts.EmailsToAsync(_app, user.Email!)).Single();
    }

    private static string WithoutCode(string body) => Code().Replace(body, "code=CODE");

    [GeneratedRegex("code=[^\\n]+")]
    private static partial Regex Code();
}
