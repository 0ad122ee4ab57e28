using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using TrustFund.EndToEnd.Tests.Infrastructure;

namespace TrustFund.EndToEnd.Tests.Journey;

/// <summary>
/// The whole journey in the browser: an NGO registers, confirms its email, is verified by the fund manager,
/// fills and submits an application on the open demo call, and the fund manager screens it eligible.
/// </summary>
public sealed partial class ApplicationJourneyTests : BrowserTest
{
    private const string OrganisationName = "Association Espoir et Dignité pour les Victimes de la Traite";
    private const string ApplicantName = "Amélie Dubois-Nguyễn";
    private const string ApplicantPassword = "quatre mots bien choisis";
    private const string ProjectTitle = "Accueil sûr et accompagnement juridique des survivantes à Lyon";

    [Test]
    public async Task NewOrganisation_RegistersAppliesAndIsScreened_ApplicantSeesEligible()
    {
        var email = $"amelie.{Guid.NewGuid():N}"[..18] + "@espoir-dignite.test";
        var applicant = await NewPageAsync();
        var manager = await NewSignedInPageAsync(DemoAccount.Named("manager@trustfund.test"));

        await RegisterAsync(applicant, email);
        await ConfirmEmailAsync(applicant, email);
        await VerifyOrganisationAsync(manager);
        await SignInAsync(applicant, email, ApplicantPassword, OrganisationName);

        await CheckCallTermsAsync(applicant);
        var applicationId = await StartApplicationAsync(applicant);
        await FillProjectAsync(applicant, applicationId);
        await FillBeneficiariesAsync(applicant, applicationId);
        await FillAssistanceAsync(applicant, applicationId);
        await FillBudgetAsync(applicant, applicationId);
        await FillDeclarationsAsync(applicant, applicationId);
        await UploadDocumentsAsync(applicant, applicationId);
        var reference = await SubmitAsync(applicant, applicationId);

        await ScreenEligibleAsync(manager, reference);

        await applicant.GotoAsync("/Applications");
        var row = applicant.Locator($"[data-application-id='{applicationId}']");
        await Assertions.Expect(row.Locator("[data-reference]")).ToHaveTextAsync(reference);
        await Assertions.Expect(row.Locator("[data-status]")).ToHaveAttributeAsync("data-status", "Eligible");
        await Assertions.Expect(row.Locator("[data-status]")).ToHaveTextAsync("Eligible");
        await SaveScreenshotAsync(applicant, "journey-12-applicant-sees-eligible");
    }

    private static async Task RegisterAsync(IPage page, string email)
    {
        await page.GotoAsync("/Account/Register");
        await page.GetByLabel("Organisation's full legal name").FillAsync(OrganisationName);
        await page.GetByLabel("Country where the organisation is registered").SelectOptionAsync(new SelectOptionValue { Label = "France" });
        await page.GetByLabel("Your full name").FillAsync(ApplicantName);
        await page.GetByLabel("Email address").FillAsync(email);
        await page.GetByLabel("Password", new() { Exact = true }).FillAsync(ApplicantPassword);
        await page.GetByLabel("Confirm password").FillAsync(ApplicantPassword);
        await SaveScreenshotAsync(page, "journey-01-register");
        await page.GetByRole(AriaRole.Button, new() { Name = "Register", Exact = true }).ClickAsync();

        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Check your email");
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync(email);
    }

    private static async Task ConfirmEmailAsync(IPage page, string email)
    {
        var link = await PickupMailbox.WaitForLinkAsync(EndToEndRun.App.MailFolder, email, "/Account/ConfirmEmail", TimeSpan.FromSeconds(30));

        await page.GotoAsync(link);

        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Your email address is confirmed");
        await SaveScreenshotAsync(page, "journey-02-email-confirmed");
    }

    private static async Task VerifyOrganisationAsync(IPage manager)
    {
        await manager.GotoAsync("/Manage/Organisations?q=" + Uri.EscapeDataString("Espoir et Dignité"));
        var link = manager.Locator("[data-organisations]").GetByRole(AriaRole.Link, new() { Name = OrganisationName });
        await Assertions.Expect(link).ToHaveCountAsync(1);
        await Assertions.Expect(manager.Locator("[data-organisations] tbody tr")).ToContainTextAsync("Pending verification");
        await link.ClickAsync();
        await Assertions.Expect(manager.Locator("h1")).ToHaveTextAsync(OrganisationName);

        await manager.GetByRole(AriaRole.Button, new() { Name = "Verify", Exact = true }).ClickAsync();

        await Assertions.Expect(manager.Locator("[data-organisation-status]")).ToHaveTextAsync("Verified");
        await SaveScreenshotAsync(manager, "journey-03-organisation-verified");
    }

    private static async Task CheckCallTermsAsync(IPage page)
    {
        await page.GotoAsync("/calls/ST");
        await Assertions.Expect(page.Locator("h1")).ToContainTextAsync("Short-term grants");
        var main = page.Locator("main");
        await Assertions.Expect(main).ToContainTextAsync("5,000");
        await Assertions.Expect(main).ToContainTextAsync("20,000");
        await Assertions.Expect(main).ToContainTextAsync("Europe/Vienna");
        await SaveScreenshotAsync(page, "journey-04-call-terms");
    }

    private static async Task<string> StartApplicationAsync(IPage page)
    {
        await page.GotoAsync("/Applications");
        await Assertions.Expect(page.Locator("[data-applications]")).ToHaveCountAsync(0);
        var openCall = page.Locator("[data-open-calls] li").Filter(new() { HasText = "ST –" });
        await openCall.GetByRole(AriaRole.Button, new() { Name = "Start an application" }).ClickAsync();

        await page.WaitForURLAsync(ApplicationPage());
        var id = ApplicationPage().Match(page.Url).Groups["id"].Value;
        await Assertions.Expect(page.Locator("[data-sections] [data-complete='false']").First).ToBeVisibleAsync();
        return id;
    }

    private static async Task FillProjectAsync(IPage page, string id)
    {
        await page.GotoAsync($"/Applications/{id}/Project");
        await page.GetByLabel("Project title").FillAsync(ProjectTitle);
        await page.GetByLabel("Language of the proposal").SelectOptionAsync("French");
        await page.GetByLabel("Implementing countries").SelectOptionAsync(new SelectOptionValue { Label = "France" });
        await page.GetByLabel("Locations (cities, districts or provinces)").FillAsync("Lyon, Villeurbanne");
        await page.GetByLabel("Start date").FillAsync(DateTime.UtcNow.Date.AddDays(45).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        await page.GetByLabel("Duration in months").FillAsync("9");
        await page.GetByLabel("Amount requested (USD)").FillAsync("12,000.00");
        await page.GetByLabel("Total project cost (USD)").FillAsync("15000");
        await page.GetByLabel("Funding from other sources (USD)").FillAsync("3000");
        await page.GetByLabel("Context and needs").FillAsync("Women identified as victims of trafficking in the Lyon area wait weeks for a safe place to stay.");
        await page.GetByLabel("Objectives, outputs, activities and indicators").FillAsync("Shelter 40 survivors and give each one legal counselling; indicator: 40 case files opened and followed.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save draft" }).ClickAsync();

        await Assertions.Expect(page.Locator("[data-error-summary]")).ToHaveCountAsync(0);
        await Assertions.Expect(page.GetByLabel("Project title")).ToHaveValueAsync(ProjectTitle);
        await Assertions.Expect(page.GetByLabel("Amount requested (USD)")).ToHaveValueAsync(new Regex("^12,?000(\\.00)?$"));
    }

    private static async Task FillBeneficiariesAsync(IPage page, string id)
    {
        await page.GotoAsync($"/Applications/{id}/Beneficiaries");
        await page.Locator("input[name='Counts[Female_Age18To24]']").FillAsync("25");
        await page.Locator("input[name='Counts[Female_Age25To59]']").FillAsync("15");
        await page.Locator("#ExploitationForms_SexualExploitation").CheckAsync();
        await page.GetByLabel("Your victim-centred, trauma-informed and do-no-harm approach").FillAsync("Informed consent before every step, a named caseworker, files kept under lock and never shared without consent.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save draft" }).ClickAsync();

        await Assertions.Expect(page.Locator("[data-error-summary]")).ToHaveCountAsync(0);
        await Assertions.Expect(page.Locator("input[name='Counts[Female_Age18To24]']")).ToHaveValueAsync("25");
        await Assertions.Expect(page.Locator("#ExploitationForms_SexualExploitation")).ToBeCheckedAsync();
    }

    private static async Task FillAssistanceAsync(IPage page, string id)
    {
        await page.GotoAsync($"/Applications/{id}/Assistance");
        await page.Locator("#Selected_ShelterAndSafeAccommodation").CheckAsync();
        await page.Locator("textarea[name='Descriptions[ShelterAndSafeAccommodation]']").FillAsync("Twelve beds in two partner shelters, open day and night.");
        await page.Locator("#Selected_LegalAidAndRepresentation").CheckAsync();
        await page.Locator("textarea[name='Descriptions[LegalAidAndRepresentation]']").FillAsync("A lawyer on retainer for residence permits and complaints.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save draft" }).ClickAsync();

        await Assertions.Expect(page.Locator("[data-error-summary]")).ToHaveCountAsync(0);
        await Assertions.Expect(page.Locator("#Selected_ShelterAndSafeAccommodation")).ToBeCheckedAsync();
        await Assertions.Expect(page.Locator("#Selected_LegalAidAndRepresentation")).ToBeCheckedAsync();
    }

    private static async Task FillBudgetAsync(IPage page, string id)
    {
        await page.GotoAsync($"/Applications/{id}/Budget");
        var addLine = page.GetByRole(AriaRole.Button, new() { Name = "Add a line" });

        await addLine.ClickAsync();
        await Assertions.Expect(page.Locator("[data-budget-line]")).ToHaveCountAsync(1);
        await FillBudgetLineAsync(page, 0, "Personnel", "Caseworker, half time", "9", "month", "1000");

        await addLine.ClickAsync();
        await Assertions.Expect(page.Locator("[data-budget-line]")).ToHaveCountAsync(2);
        await Assertions.Expect(page.Locator("#Budget_0__Description")).ToHaveValueAsync("Caseworker, half time");
        await FillBudgetLineAsync(page, 1, "DirectAssistanceToVictims", "Shelter nights", "60", "night", "50");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save draft" }).ClickAsync();

        await Assertions.Expect(page.Locator("[data-error-summary]")).ToHaveCountAsync(0);
        var totals = page.Locator("[data-line-total]");
        await Assertions.Expect(totals.Nth(0)).ToContainTextAsync("9,000.00");
        await Assertions.Expect(totals.Nth(1)).ToContainTextAsync("3,000.00");
        await Assertions.Expect(page.Locator("[data-budget-total]")).ToContainTextAsync("12,000.00");
        await Assertions.Expect(page.Locator("[data-amount-requested]")).ToContainTextAsync("12,000.00");
        await Assertions.Expect(page.Locator("[data-budget-mismatch]")).ToHaveCountAsync(0);
        await SaveScreenshotAsync(page, "journey-05-budget");
    }

    private static async Task FillBudgetLineAsync(IPage page, int line, string category, string description, string quantity, string unit, string unitCost)
    {
        await page.Locator($"#Budget_{line}__Category").SelectOptionAsync(category);
        await page.Locator($"#Budget_{line}__Description").FillAsync(description);
        await page.Locator($"#Budget_{line}__Quantity").FillAsync(quantity);
        await page.Locator($"#Budget_{line}__Unit").FillAsync(unit);
        await page.Locator($"#Budget_{line}__UnitCost").FillAsync(unitCost);
    }

    private static async Task FillDeclarationsAsync(IPage page, string id)
    {
        await page.GotoAsync($"/Applications/{id}/Declarations");
        await page.Locator("#DeclaresInformationAccurate").CheckAsync();
        await page.Locator("#DeclaresNoVictimIdentities").CheckAsync();
        await page.Locator("#DeclaresSafeguardingMeasures").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Save draft" }).ClickAsync();

        await Assertions.Expect(page.Locator("[data-error-summary]")).ToHaveCountAsync(0);
        await Assertions.Expect(page.Locator("#DeclaresSafeguardingMeasures")).ToBeCheckedAsync();
    }

    private static async Task UploadDocumentsAsync(IPage page, string id)
    {
        await page.GotoAsync($"/Applications/{id}/Documents");
        var required = page.Locator("section[data-slot]").Filter(new() { Has = page.Locator(".badge", new() { HasText = "Required" }) });
        var slots = await required.EvaluateAllAsync<string[]>("sections => sections.map(s => s.dataset.slot)");
        Assert.That(slots, Is.Not.Empty, "The demo call ST requires documents.");

        foreach (var slot in slots)
        {
            var section = page.Locator($"section[data-slot='{slot}']");
            await section.Locator("input[type=file]").SetInputFilesAsync(new FilePayload
            {
                Name = $"{slot}.pdf",
                MimeType = "application/pdf",
                Buffer = TestFiles.Pdf($"{slot} of the organisation"),
            });
            await section.GetByRole(AriaRole.Button, new() { Name = "Upload" }).ClickAsync();

            await Assertions.Expect(page.Locator($"section[data-slot='{slot}'] [data-attachments]")).ToContainTextAsync($"{slot}.pdf");
        }

        await Assertions.Expect(page.Locator("[data-error-summary]")).ToHaveCountAsync(0);
        await SaveScreenshotAsync(page, "journey-06-documents");
    }

    private static async Task<string> SubmitAsync(IPage page, string id)
    {
        await page.GotoAsync($"/Applications/{id}");
        await Assertions.Expect(page.Locator("[data-sections] [data-complete='false']")).ToHaveCountAsync(0);
        await SaveScreenshotAsync(page, "journey-07-overview-complete");

        await page.GotoAsync($"/Applications/{id}/Submit");
        var notMet = await page.Locator("[data-checklist] [data-passed='false']").AllInnerTextsAsync();
        Assert.That(notMet, Is.Empty, "Every submission rule should be met.");
        await SaveScreenshotAsync(page, "journey-08-checklist");
        await page.GetByRole(AriaRole.Button, new() { Name = "Submit the application" }).ClickAsync();

        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Application received");
        var reference = (await page.Locator("[data-receipt-reference]").InnerTextAsync()).Trim();
        Assert.That(reference, Does.Match($"^UNVTF-{DateTime.UtcNow.Year}-ST-\\d{{4}}$"));
        await Assertions.Expect(page.Locator("[data-receipt-title]")).ToHaveTextAsync(ProjectTitle);
        await Assertions.Expect(page.Locator("[data-receipt-version]")).ToHaveTextAsync("1");
        await SaveScreenshotAsync(page, "journey-09-receipt");
        return reference;
    }

    private static async Task ScreenEligibleAsync(IPage manager, string reference)
    {
        await manager.GotoAsync("/Manage/Applications?q=" + Uri.EscapeDataString(reference));
        var row = manager.Locator("[data-applications] tbody tr");
        await Assertions.Expect(row).ToHaveCountAsync(1);
        await Assertions.Expect(row.Locator("[data-organisation]")).ToHaveTextAsync(OrganisationName);
        await Assertions.Expect(row.Locator("[data-status]")).ToHaveAttributeAsync("data-status", "Submitted");
        await SaveScreenshotAsync(manager, "journey-10-manager-list");
        await row.Locator("[data-title]").ClickAsync();
        await manager.GetByRole(AriaRole.Link, new() { Name = "Screen eligibility" }).ClickAsync();
        await Assertions.Expect(manager.Locator("h1")).ToHaveTextAsync("Eligibility screening");

        var gates = manager.Locator("[data-gates] > li");
        var count = await gates.CountAsync();
        Assert.That(count, Is.GreaterThan(0), "The screening page should list the call's gates.");
        for (var i = 0; i < count; i++)
        {
            await manager.Locator($"#gate-{i}-pass").CheckAsync();
            await manager.Locator($"#Gates_{i}__Comment").FillAsync($"Checked against the file and the organisation's documents (gate {i + 1}).");
        }

        await manager.GetByRole(AriaRole.Button, new() { Name = "Record as eligible" }).ClickAsync();

        await Assertions.Expect(manager.Locator("[data-outcome]")).ToHaveAttributeAsync("data-outcome", "Eligible");
        await Assertions.Expect(manager.Locator("[data-application-status]")).ToHaveAttributeAsync("data-application-status", "Eligible");
        await Assertions.Expect(manager.Locator("[data-confirmed='pass']")).ToHaveCountAsync(count);
        await Assertions.Expect(manager.Locator("[data-gate-result]")).ToHaveTextAsync(Enumerable.Repeat("Result: pass", count).ToArray());
        await Assertions.Expect(manager.Locator("[data-gate-comment]").First).ToHaveTextAsync("Comment: Checked against the file and the organisation's documents (gate 1).");
        await SaveScreenshotAsync(manager, "journey-11-screened-eligible");
    }

    [GeneratedRegex("/Applications/(?<id>[0-9a-f-]{36})$")]
    private static partial Regex ApplicationPage();
}
