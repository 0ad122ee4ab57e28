using System.Net;
using TrustFund.Domain.Applications;
using TrustFund.Web.Tests.Infrastructure;
using static TrustFund.Web.Tests.Applications.ApplicantJourney;

namespace TrustFund.Web.Tests.Localization;

/// <summary>
/// A refusal by the domain reaches the applicant in the page's language, as one translated sentence
/// with its amounts written as the pages write them (and isolated on Arabic pages), both in the
/// error summary and in the submission checklist.
/// </summary>
public sealed class DomainRefusalLanguageTests
{
    private TrustFundApp _app = null!;

    [OneTimeSetUp]
    public async Task StartApp() => _app = await new TrustFundApp().StartAsync();

    [OneTimeTearDown]
    public void StopApp() => _app.Dispose();

    [TestCase("fr", "Demandez entre USD 10\u202F000,00 et USD 100\u202F000,00.", "Le total du budget (USD 45\u202F000,00) est égal au montant demandé.")]
    [TestCase("ar", "اطلب مبلغًا بين \u2068USD 10,000.00\u2069 و\u2068USD 100,000.00\u2069.", "مجموع الميزانية (\u2068USD 45,000.00\u2069) يساوي المبلغ المطلوب.")]
    public async Task Submit_AmountOutsideTheCallsRange_IsRefusedInThePagesLanguage(string language, string amountRule, string budgetRule)
    {
        var call = await CreateOpenCallAsync(_app);
        using var session = await _app.SignInAsync(Applicant);
        session.Client.DefaultRequestHeaders.TryAddWithoutValidation("Accept-Language", language);
        var id = await StartAsync(session, call.Id);
        await FillCompletelyAsync(session, id);
        var project = CompleteProject();
        project["AmountRequested"] = "5000";
        await ExpectSavedAsync(SaveSectionAsync(session, id, "Project", project));

        var response = await SubmitAsync(session, id);

        var page = await TestSession.ParseAsync(response);
        var summary = page.QuerySelectorAll("[data-error-summary] li").Select(li => li.TextContent.Trim()).ToList();
        var checklist = page.QuerySelectorAll("[data-checklist] li[data-passed=false] a").Select(a => a.TextContent.Trim()).ToList();
        Assert.Multiple(async () =>
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(page.DocumentElement.GetAttribute("lang"), Is.EqualTo(language));
            Assert.That(summary, Does.Contain(amountRule).And.Contain(budgetRule), "the error summary");
            Assert.That(checklist, Does.Contain(amountRule).And.Contain(budgetRule), "the checklist");
            Assert.That((await ReadAsync(_app, id)).Status, Is.EqualTo(ApplicationStatus.Draft), "nothing is submitted");
        });
    }
}
