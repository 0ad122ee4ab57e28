using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using TrustFund.Application.Email;
using TrustFund.Infrastructure.Persistence;
using TrustFund.Web.Tests.Infrastructure;

namespace TrustFund.Web.Tests.Localization;

/// <summary>
/// Template emails in Arabic put each name, reference or typed text between isolate marks (U+2068, U+2069),
/// as account emails do, so that a Latin name reads correctly inside Arabic plain text; English emails carry no marks.
/// </summary>
public sealed class TemplateEmailIsolationTests
{
    // The templates of the information request and of the invitation of a colleague, as the use cases declare them.
    private static readonly EmailTemplate InformationRequest = new(
        "More information needed on application {0}",
        "Hello,\n\nThe fund's Secretariat needs more information about your application {0} ({1}) from {2}:\n\n{3}\n\nSign in to TrustFund, update the application and submit it again.\n\nTrustFund");

    private static readonly EmailTemplate ColleagueInvitation = new(
        "You are invited to act for {2} on TrustFund",
        "Hello {0},\n\n{1} invited you to act for {2} on TrustFund, the grants system of the UN Voluntary Trust Fund for Victims of Trafficking in Persons.\n\nChoose your password with this link:\n{3}\n\nIf you did not expect this invitation, ignore this email.");

    private TrustFundApp _app = null!;

    [OneTimeSetUp]
    public async Task StartApp() => _app = await new TrustFundApp().StartAsync();

    [OneTimeTearDown]
    public void StopApp() => _app.Dispose();

    [Test]
    public async Task InformationRequest_InArabic_IsolatesTheReferenceTitleOrganisationAndEachLineOfTheRequest()
    {
        var email = await SendAsync("ar", InformationRequest, "UNVTF-2026-ST-0001", "Safe Homes", "Hope & Light Ltd.", "Please send the budget.\nAnd the audit.");

        Assert.Multiple(() =>
        {
            Assert.That(email.Subject, Is.EqualTo("يلزم مزيد من المعلومات بشأن الطلب \u2068UNVTF-2026-ST-0001\u2069"));
            Assert.That(email.TextBody, Is.EqualTo(
                "مرحبًا،\n\nتحتاج أمانة الصندوق إلى مزيد من المعلومات عن طلبكم \u2068UNVTF-2026-ST-0001\u2069 (\u2068Safe Homes\u2069) من \u2068Hope & Light Ltd.\u2069:\n\n"
                + "\u2068Please send the budget.\u2069\n\u2068And the audit.\u2069\n\n"
                + "سجّلوا الدخول إلى TrustFund، وحدّثوا الطلب وقدّموه مرة أخرى.\n\nTrustFund"));
        });
    }

    [Test]
    public async Task ColleagueInvitation_InArabic_IsolatesTheOrganisation_DoesNotWrapANameTwice_AndLeavesTheLinkBare()
    {
        var email = await SendAsync("ar", ColleagueInvitation, "\u2068Amal Haddad\u2069", "Samir Aziz", "Hope & Light Ltd.", "https://trustfund.example/Account/AcceptInvitation?userId=1&code=2");

        Assert.Multiple(() =>
        {
            Assert.That(email.Subject, Is.EqualTo("أنت مدعو إلى التصرف باسم \u2068Hope & Light Ltd.\u2069 في TrustFund"));
            Assert.That(email.TextBody, Does.StartWith("مرحبًا \u2068Amal Haddad\u2069،\n\nدعاك \u2068Samir Aziz\u2069 إلى التصرف باسم \u2068Hope & Light Ltd.\u2069 في TrustFund، "));
            Assert.That(email.TextBody, Does.Contain(":\nhttps://trustfund.example/Account/AcceptInvitation?userId=1&code=2\n"), "a link stays bare, to stay one link");
            Assert.That(email.HtmlBody, Is.Null, "template emails are plain text");
        });
    }

    [Test]
    public async Task InformationRequest_InEnglish_CarriesNoIsolateMarks()
    {
        var email = await SendAsync("en", InformationRequest, "UNVTF-2026-ST-0001", "Safe Homes", "Hope & Light Ltd.", "Please send the budget.");

        Assert.Multiple(() =>
        {
            Assert.That(email.Subject, Is.EqualTo("More information needed on application UNVTF-2026-ST-0001"));
            Assert.That(email.TextBody, Does.StartWith("Hello,\n\nThe fund's Secretariat needs more information about your application UNVTF-2026-ST-0001 (Safe Homes) from Hope & Light Ltd.:\n\nPlease send the budget.\n\n"));
            Assert.That(email.Subject.Contains('\u2068') || email.TextBody.Contains('\u2068') || email.TextBody.Contains('\u2069'), Is.False, "no isolate marks");
        });
    }

    // Queues the template to a new address in `language`, from a page in English, and returns it as queued.
    private async Task<TrustFund.Infrastructure.Email.OutboxMessage> SendAsync(string language, EmailTemplate template, params object?[] arguments)
    {
        var address = $"isolation.{Guid.NewGuid():N}@example.org";
        var previous = (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);
        await using var scope = _app.Services.CreateAsyncScope();
        try
        {
            CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("en");
            scope.ServiceProvider.GetRequiredService<Mail>().Send(template, new EmailRecipient(address, "Recipient", language), arguments);
        }
        finally
        {
            (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture) = previous;
        }

        await scope.ServiceProvider.GetRequiredService<TrustFundDbContext>().SaveChangesAsync();
        return (await TestAccounts.EmailsToAsync(_app, address)).Single();
    }
}
