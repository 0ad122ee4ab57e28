using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using TrustFund.EndToEnd.Tests.Accessibility;
using TrustFund.EndToEnd.Tests.Infrastructure;

namespace TrustFund.EndToEnd.Tests.Journey;

/// <summary>
/// The applicant's whole journey in each language with JavaScript turned off: an NGO registers, confirms its
/// email, signs in once the fund manager has verified it, fills every section of an application, uploads its
/// documents (a file too large first: the page names it and keeps the slot), submits, answers the Secretariat's
/// request for more information and resubmits. The steps find fields by their names, never by their (translated)
/// labels. Every page is checked with axe at desktop width and at 320 px; in Arabic each is saved as a screenshot.
/// </summary>
public sealed partial class MultilingualJourneyTests : BrowserTest
{
    private const string Password = "quatre mots bien choisis";

    private static readonly Dictionary<string, (string Organisation, string Person, string Country, string Language, string Title)> People = new()
    {
        ["en"] = ("Coast Survivors' Network", "Grace Wanjiru Otieno", "KEN", "English", "Safe houses and legal aid on the Kenyan coast"),
        ["fr"] = ("Réseau Lumière pour les survivantes", "Élodie Ngono-Mbarga", "CMR", "French", "Accueil sûr et accompagnement juridique à Douala"),
        ["es"] = ("Fundación Nuevo Amanecer", "María José Quispe Huamán", "PER", "Spanish", "Casas de acogida y asesoría legal en Cusco"),
        ["ar"] = ("جمعية النور لمساعدة الناجيات", "ليلى عبد الرحمن الحسيني", "JOR", "English", "مأوى آمن ومساعدة قانونية للناجيات في عمّان"),
    };

    private readonly List<string> _problems = [];
    private IPage? _checker;

    [TestCaseSource(typeof(Cultures), nameof(Cultures.Cases))]
    public async Task NewOrganisation_WithoutJavaScript_RegistersAppliesAnswersAnInformationRequestAndResubmits(string culture)
    {
        _problems.Clear();
        _checker = null;
        var person = People[culture];
        var suffix = Guid.NewGuid().ToString("N")[..6];
        var organisation = $"{person.Organisation} {suffix}";
        var email = $"{culture}.{suffix}@applicant-{culture}.test";
        var applicant = await NewPageAsync(options => options.JavaScriptEnabled = false);
        await Cultures.UseAsync(applicant.Context, BaseAddress, culture);
        var manager = await NewSignedInPageAsync(DemoAccount.Named("manager@trustfund.test"));

        await RegisterAsync(applicant, culture, organisation, person.Person, person.Country, email);
        var confirmation = await PickupMailbox.WaitForLinkAsync(EndToEndRun.App.MailFolder, email, "/Account/ConfirmEmail", TimeSpan.FromSeconds(30));
        await applicant.GotoAsync(confirmation);
        await NoErrorsAsync(applicant);
        await CheckAsync(applicant, culture, "02-email-confirmed");
        await VerifyAsync(manager, suffix, organisation);

        await SignInWithoutScriptAsync(applicant, culture, email, organisation);
        var id = await StartAsync(applicant, culture);
        await FillProjectAsync(applicant, culture, id, person.Language, person.Title);
        await FillBeneficiariesAsync(applicant, culture, id);
        await FillAssistanceAsync(applicant, culture, id);
        await FillBudgetAsync(applicant, culture, id);
        await FillDeclarationsAsync(applicant, culture, id);
        await UploadDocumentsAsync(applicant, culture, id);
        await SubmitAsync(applicant, culture, id, person.Title, "1", "10-receipt");

        await RequestInformationAsync(manager, id);
        await AnswerInformationRequestAsync(applicant, culture, id);
        await SubmitAsync(applicant, culture, id, person.Title, "2", "13-resubmitted");

        Assert.That(_problems, Is.Empty, string.Join(Environment.NewLine, _problems));
    }

    private async Task RegisterAsync(IPage page, string culture, string organisation, string person, string country, string email)
    {
        await page.GotoAsync("/Account/Register");
        await page.Locator("#OrganisationName").FillAsync(organisation);
        await page.Locator("#Country").SelectOptionAsync(country);
        await page.Locator("#FullName").FillAsync(person);
        await page.Locator("#Email").FillAsync(email);
        await page.Locator("#Password").FillAsync(Password);
        await page.Locator("#ConfirmPassword").FillAsync(Password);
        await CheckAsync(page, culture, "01-register");
        await page.Locator("main form[action='/Account/Register'] button[type=submit]").ClickAsync();

        await NoErrorsAsync(page);
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync(email);
        await CheckAsync(page, culture, "01b-check-your-email");
    }

    private static async Task VerifyAsync(IPage manager, string suffix, string organisation)
    {
        await manager.GotoAsync("/Manage/Organisations?q=" + suffix);
        var link = manager.Locator("[data-organisations]").GetByRole(AriaRole.Link, new() { Name = organisation });
        await Assertions.Expect(link).ToHaveCountAsync(1);
        await link.ClickAsync();
        await manager.GetByRole(AriaRole.Button, new() { Name = "Verify", Exact = true }).ClickAsync();
        await Assertions.Expect(manager.Locator("[data-organisation-status]")).ToHaveTextAsync("Verified");
    }

    private async Task SignInWithoutScriptAsync(IPage page, string culture, string email, string organisation)
    {
        await page.GotoAsync("/Account/Login");
        await page.Locator("#Email").FillAsync(email);
        await page.Locator("#Password").FillAsync(Password);
        await CheckAsync(page, culture, "03-sign-in");
        await page.Locator("main form[action='/Account/Login'] button[type=submit]").ClickAsync();

        // The applicant's home is headed with the organisation's name, in any language.
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync(organisation);
        await CheckAsync(page, culture, "04-home");
    }

    private async Task<string> StartAsync(IPage page, string culture)
    {
        await page.GotoAsync("/Applications");
        await CheckAsync(page, culture, "05-my-applications");
        var openCall = page.Locator("[data-open-calls] li").Filter(new() { HasText = "ST –" });
        await openCall.Locator("form[action='/Applications/Start'] button[type=submit]").ClickAsync();

        await page.WaitForURLAsync(ApplicationPage());
        await CheckAsync(page, culture, "06-application-overview");
        return ApplicationPage().Match(page.Url).Groups["id"].Value;
    }

    private async Task FillProjectAsync(IPage page, string culture, string id, string language, string title)
    {
        await page.GotoAsync($"/Applications/{id}/Project");
        await page.Locator("#Title").FillAsync(title);
        await page.Locator("#Language").SelectOptionAsync(language);
        await page.Locator("#Countries").SelectOptionAsync(new[] { "KEN", "CMR", "PER", "JOR" });
        await page.Locator("#Locations").FillAsync("Mombasa, Douala, Cusco, Amman");
        await page.Locator("#StartDate").FillAsync(DateTime.UtcNow.Date.AddDays(45).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        await page.Locator("#DurationMonths").FillAsync("9");
        await page.Locator("#AmountRequested").FillAsync("12000");
        await page.Locator("#TotalProjectCost").FillAsync("15000");
        await page.Locator("#OtherFunding").FillAsync("3000");
        await page.Locator("#ContextAndNeeds").FillAsync("Women identified as victims of trafficking wait weeks for a safe place to stay.");
        await page.Locator("#ObjectivesAndActivities").FillAsync("Shelter 40 survivors and give each one legal counselling; indicator: 40 case files opened and followed.");
        await SaveAsync(page, $"/Applications/{id}/Project");

        await Assertions.Expect(page.Locator("#Title")).ToHaveValueAsync(title);
        await CheckAsync(page, culture, "07a-project");
    }

    private async Task FillBeneficiariesAsync(IPage page, string culture, string id)
    {
        await page.GotoAsync($"/Applications/{id}/Beneficiaries");
        await page.Locator("input[name='Counts[Female_Age18To24]']").FillAsync("25");
        await page.Locator("input[name='Counts[Female_Age25To59]']").FillAsync("15");
        await page.Locator("#ExploitationForms_SexualExploitation").CheckAsync();
        await page.Locator("#SafeguardingApproach").FillAsync("Informed consent before every step, a named caseworker, files kept under lock and never shared without consent.");
        await SaveAsync(page, $"/Applications/{id}/Beneficiaries");

        await Assertions.Expect(page.Locator("input[name='Counts[Female_Age18To24]']")).ToHaveValueAsync("25");
        await CheckAsync(page, culture, "07b-beneficiaries");
    }

    private async Task FillAssistanceAsync(IPage page, string culture, string id)
    {
        await page.GotoAsync($"/Applications/{id}/Assistance");
        await page.Locator("#Selected_ShelterAndSafeAccommodation").CheckAsync();
        await page.Locator("textarea[name='Descriptions[ShelterAndSafeAccommodation]']").FillAsync("Twelve beds in two partner shelters, open day and night.");
        await page.Locator("#Selected_LegalAidAndRepresentation").CheckAsync();
        await page.Locator("textarea[name='Descriptions[LegalAidAndRepresentation]']").FillAsync("A lawyer on retainer for residence permits and complaints.");
        await SaveAsync(page, $"/Applications/{id}/Assistance");

        await Assertions.Expect(page.Locator("#Selected_LegalAidAndRepresentation")).ToBeCheckedAsync();
        await CheckAsync(page, culture, "07c-assistance");
    }

    private async Task FillBudgetAsync(IPage page, string culture, string id)
    {
        await page.GotoAsync($"/Applications/{id}/Budget");
        var addLine = page.Locator("button[name=Command][value=add]");
        await addLine.ClickAsync();
        await Assertions.Expect(page.Locator("[data-budget-line]")).ToHaveCountAsync(1);
        await FillBudgetLineAsync(page, 0, "Personnel", "Caseworker, half time", "9", "month", "1000");
        await addLine.ClickAsync();
        await Assertions.Expect(page.Locator("[data-budget-line]")).ToHaveCountAsync(2);
        await Assertions.Expect(page.Locator("#Budget_0__Description")).ToHaveValueAsync("Caseworker, half time");
        await FillBudgetLineAsync(page, 1, "DirectAssistanceToVictims", "Shelter nights", "60", "night", "50");
        await page.Locator("button[name=Command][value=save]").ClickAsync();

        await NoErrorsAsync(page);
        await Assertions.Expect(page.Locator("[data-budget-line]")).ToHaveCountAsync(2);
        await Assertions.Expect(page.Locator("[data-budget-mismatch]")).ToHaveCountAsync(0);
        await CheckAsync(page, culture, "07d-budget");
    }

    private static async Task FillBudgetLineAsync(IPage page, int line, string category, string description, string quantity, string unit, string unitCost)
    {
        await page.Locator($"#Budget_{line}__Category").SelectOptionAsync(category);
        await page.Locator($"#Budget_{line}__Description").FillAsync(description);
        await page.Locator($"#Budget_{line}__Quantity").FillAsync(quantity);
        await page.Locator($"#Budget_{line}__Unit").FillAsync(unit);
        await page.Locator($"#Budget_{line}__UnitCost").FillAsync(unitCost);
    }

    private async Task FillDeclarationsAsync(IPage page, string culture, string id)
    {
        await page.GotoAsync($"/Applications/{id}/Declarations");
        await page.Locator("#DeclaresInformationAccurate").CheckAsync();
        await page.Locator("#DeclaresNoVictimIdentities").CheckAsync();
        await page.Locator("#DeclaresSafeguardingMeasures").CheckAsync();
        await SaveAsync(page, $"/Applications/{id}/Declarations");

        await Assertions.Expect(page.Locator("#DeclaresSafeguardingMeasures")).ToBeCheckedAsync();
        await CheckAsync(page, culture, "07e-declarations");
    }

    private async Task UploadDocumentsAsync(IPage page, string culture, string id)
    {
        await page.GotoAsync($"/Applications/{id}/Documents");
        var required = page.Locator("section[data-slot]").Filter(new() { Has = page.Locator(".badge") });
        var slots = await required.EvaluateAllAsync<string[]>("sections => sections.map(s => s.dataset.slot)");
        Assert.That(slots, Is.Not.Empty, "The demo call ST requires documents.");

        // On a slow link the first try is a scan far too large: the page comes back naming it, under its slot.
        var first = page.Locator($"section[data-slot='{slots[0]}']");
        var tooLarge = new byte[(10 * 1024 * 1024) + 1];
        TestFiles.Pdf("scan").CopyTo(tooLarge, 0);
        // Eleven megabytes travel to the browser through the automation pipe: give them longer than a click.
        await first.Locator("input[type=file]").SetInputFilesAsync(new FilePayload { Name = "scan-600dpi.pdf", MimeType = "application/pdf", Buffer = tooLarge }, new() { Timeout = 60_000 });
        await first.Locator("button[type=submit]").ClickAsync();
        var error = page.Locator($"section[data-slot='{slots[0]}'] [data-file-error]");
        await Assertions.Expect(error).ToContainTextAsync("scan-600dpi.pdf");
        await Assertions.Expect(page.Locator("[data-error-summary]")).ToContainTextAsync("scan-600dpi.pdf");
        await CheckAsync(page, culture, "08a-documents-file-too-large");

        foreach (var slot in slots)
        {
            var section = page.Locator($"section[data-slot='{slot}']");
            await section.Locator("input[type=file]").SetInputFilesAsync(new FilePayload
            {
                Name = $"{slot}.pdf",
                MimeType = "application/pdf",
                Buffer = TestFiles.Pdf($"{slot} of the organisation"),
            });
            await section.Locator("button[type=submit]").ClickAsync();

            await Assertions.Expect(page.Locator($"section[data-slot='{slot}'] [data-attachments]")).ToContainTextAsync($"{slot}.pdf");
        }

        await NoErrorsAsync(page);
        await CheckAsync(page, culture, "08b-documents");
    }

    private async Task SubmitAsync(IPage page, string culture, string id, string title, string version, string screenshot)
    {
        await page.GotoAsync($"/Applications/{id}/Submit");
        var notMet = await page.Locator("[data-checklist] [data-passed='false']").AllInnerTextsAsync();
        Assert.That(notMet, Is.Empty, $"Every submission rule should be met ({culture}).");
        await CheckAsync(page, culture, $"{screenshot}-checklist");
        await page.Locator($"main form[action='/Applications/{id}/Submit'] button[type=submit]").ClickAsync();

        await NoErrorsAsync(page);
        await Assertions.Expect(page.Locator("[data-receipt-reference]")).ToHaveTextAsync(new Regex($"^\\s*UNVTF-{DateTime.UtcNow.Year}-ST-\\d{{4}}\\s*$"));
        await Assertions.Expect(page.Locator("[data-receipt-title]")).ToHaveTextAsync(title);
        await Assertions.Expect(page.Locator("[data-receipt-version]")).ToHaveTextAsync(version);
        await CheckAsync(page, culture, screenshot);
    }

    private static async Task RequestInformationAsync(IPage manager, string id)
    {
        await manager.GotoAsync($"/Manage/Applications/{id}");
        await manager.Locator("#Message").FillAsync("Please add how survivors are referred to the shelter, and by whom.");
        await manager.Locator($"form[action='/Manage/Applications/{id}/RequestInformation'] button[type=submit]").ClickAsync();
        await Assertions.Expect(manager.Locator("[data-information-request]")).ToContainTextAsync("how survivors are referred");
    }

    private async Task AnswerInformationRequestAsync(IPage page, string culture, string id)
    {
        await page.GotoAsync($"/Applications/{id}");
        await Assertions.Expect(page.Locator("[data-information-request]")).ToContainTextAsync("how survivors are referred");
        await CheckAsync(page, culture, "11-information-requested");

        await page.GotoAsync($"/Applications/{id}/Beneficiaries");
        await page.Locator("#ReferralPartners").FillAsync("The labour inspectorate, two hospitals and the bar association refer survivors to our caseworkers.");
        await SaveAsync(page, $"/Applications/{id}/Beneficiaries");
        await Assertions.Expect(page.Locator("#ReferralPartners")).ToHaveValueAsync(new Regex("labour inspectorate"));
        await CheckAsync(page, culture, "12-information-answered");
    }

    /// <summary>Presses the section's save button and expects no errors.</summary>
    private static async Task SaveAsync(IPage page, string action)
    {
        await page.Locator($"main form[action='{action}'] button[type=submit]").Last.ClickAsync();
        await NoErrorsAsync(page);
    }

    private static async Task NoErrorsAsync(IPage page)
    {
        await page.WaitForLoadStateAsync(LoadState.DOMContentLoaded);
        var summary = page.Locator("[data-error-summary]");
        if (await summary.CountAsync() > 0)
        {
            Assert.Fail($"{page.Url} answered with errors: {await summary.InnerTextAsync()}");
        }
    }

    /// <summary>
    /// The page as the applicant sees it is saved as a screenshot in Arabic; axe (which needs scripts) then checks the
    /// same address at desktop width and 320 px in a second browser holding the applicant's cookies with scripts on.
    /// A page that answered a form post is checked only by its screenshot. Problems are reported at the end.
    /// </summary>
    private async Task CheckAsync(IPage page, string culture, string name)
    {
        if (culture == "ar")
        {
            await SaveScreenshotAsync(page, $"ar-journey-{name}");
        }

        _checker ??= await NewPageAsync();
        await _checker.Context.ClearCookiesAsync();
        var cookies = await page.Context.CookiesAsync();
        await _checker.Context.AddCookiesAsync(cookies.Select(c => new Cookie { Name = c.Name, Value = c.Value, Domain = c.Domain, Path = c.Path, HttpOnly = c.HttpOnly, Secure = c.Secure, SameSite = c.SameSite }));
        var response = await _checker.GotoAsync(page.Url);
        if (response?.Status != 200 || _checker.Url != page.Url)
        {
            return;
        }

        _problems.AddRange(await MultilingualAxeTests.CheckOpenPageAsync(_checker, $"journey-{name}", culture, screenshots: false));
    }

    [GeneratedRegex("/Applications/(?<id>[0-9a-f-]{36})$")]
    private static partial Regex ApplicationPage();
}
