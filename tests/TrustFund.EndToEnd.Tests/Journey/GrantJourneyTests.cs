using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using TrustFund.EndToEnd.Tests.Infrastructure;

namespace TrustFund.EndToEnd.Tests.Journey;

/// <summary>
/// The grants part in the browser: the Board's decisions on the ranking of the demo call RI (an approval that creates a
/// grant, a reserve-list place with its feedback released, an application still under review on which no outcome is offered) and the
/// grant's signatures; a no-cost extension asked for by the grantee; the release and payment of instalments on the demo
/// applicant's grant in the decided call DC (the payment recorded with JavaScript off); and an interim report filled in
/// and submitted by the grantee with JavaScript off, accepted by the fund manager. Every page passes axe for each
/// role that sees it and is readable at 320 px.
/// </summary>
public sealed partial class GrantJourneyTests : BrowserTest
{
    private const int NarrowWidth = 320;
    private const string JordanOrganisation = "جمعية الأمل لحماية ضحايا الاتجار بالبشر";
    private const string NigeriaOrganisation = "Lagos Women's Rescue Network";
    private const string PeruOrganisation = "Asociación Caminos de Libertad";

    private static readonly DemoAccount Applicant = DemoAccount.Named("applicant@trustfund.test");
    private static readonly DemoAccount Manager = DemoAccount.Named("manager@trustfund.test");
    private static readonly DemoAccount Finance = DemoAccount.Named("finance@trustfund.test");

    private static string Today => DateOnly.FromDateTime(DateTime.UtcNow).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    [Test]
    public async Task BoardDecidesOnRanking_ApprovalCreatesGrant_SignaturesMakeItActive()
    {
        var manager = await NewSignedInPageAsync(Manager);
        var callId = await FindCallAsync(manager, "RI");
        await manager.GotoAsync($"/Manage/Calls/{callId}/Decisions");
        await Assertions.Expect(manager.Locator("h1")).ToContainTextAsync("Board decisions");
        await CheckPageAsync(manager, "grants-01-decisions");

        await manager.GetByLabel("Session number").FillAsync("14th session");
        await manager.GetByLabel("Held on").FillAsync(Today);
        await manager.GetByRole(AriaRole.Button, new() { Name = "Record the session" }).ClickAsync();
        await NoErrorsAsync(manager);
        await Assertions.Expect(manager.Locator("main [role='status']")).ToContainTextAsync("14th session");
        await Assertions.Expect(manager.Locator("[data-sessions] li")).ToHaveCountAsync(1);

        // The Jordanian association (its name in Arabic) is approved for less than it asked, with a condition.
        await OpenDecisionAsync(manager, JordanOrganisation);
        await CheckPageAsync(manager, "grants-02-decide");
        await manager.GetByLabel("Approved", new() { Exact = true }).CheckAsync();
        await manager.GetByLabel("Approved amount (USD)").FillAsync("42,500.50");
        await manager.GetByLabel("Conditions of the approval").FillAsync("The legal counsel's fees are paid only against signed timesheets.");
        await manager.GetByRole(AriaRole.Button, new() { Name = "Record the decision" }).ClickAsync();
        await NoErrorsAsync(manager);
        await Assertions.Expect(manager.Locator("main [role='status']")).ToContainTextAsync("is created, awaiting both signatures");
        await Assertions.Expect(manager.Locator("[data-standing]")).ToHaveAttributeAsync("data-standing", "Approved");
        var grantHref = await manager.Locator("[data-grant-link]").GetAttributeAsync("href");
        Assert.That(grantHref, Does.Match("^/Grants/[0-9a-f-]{36}$"), "The approval should link to its grant.");

        // The Nigerian network goes on the reserve list, and the Board's reasons are released to it.
        await OpenDecisionAsync(manager, NigeriaOrganisation);
        await manager.GetByLabel("Reserve list", new() { Exact = true }).CheckAsync();
        await manager.GetByLabel("Feedback to the applicant (sent only when you release it)").FillAsync("The Board rated the referral network highly; the legal aid is understaffed for the caseload. The application may still be approved if funds remain.");
        await manager.GetByRole(AriaRole.Button, new() { Name = "Record the decision" }).ClickAsync();
        await NoErrorsAsync(manager);
        await Assertions.Expect(manager.Locator("[data-standing]")).ToHaveAttributeAsync("data-standing", "ReserveList");
        await manager.GetByRole(AriaRole.Button, new() { Name = "Release it to the applicant" }).ClickAsync();
        await Assertions.Expect(manager.Locator("main [role='status']")).ToContainTextAsync("The feedback is released");
        await Assertions.Expect(manager.Locator("[data-feedback-released]")).ToContainTextAsync("if funds remain");
        await CheckPageAsync(manager, "grants-03-decided-reserve-list");

        // The Peruvian application is ranked on one review (the other reviewer stepped aside): still under review,
        // the page says the Board cannot decide on it yet and offers no outcome.
        await OpenDecisionAsync(manager, PeruOrganisation);
        await Assertions.Expect(manager.Locator("[data-awaiting-reviews]")).ToContainTextAsync("reviews of this application are not complete");
        await Assertions.Expect(manager.GetByLabel("Not approved", new() { Exact = true })).ToHaveCountAsync(0);
        await Assertions.Expect(manager.GetByRole(AriaRole.Button, new() { Name = "Record the decision" })).ToHaveCountAsync(0);
        await Assertions.Expect(manager.Locator("[data-standing]")).ToHaveAttributeAsync("data-standing", "Undecided");
        await CheckPageAsync(manager, "grants-03b-awaiting-reviews");

        await manager.GotoAsync($"/Manage/Calls/{callId}/Decisions");
        await Assertions.Expect(manager.Locator("[data-decision-lines] tr[data-standing='Approved'] [data-grant-link]")).ToHaveCountAsync(1);
        await CheckPageAsync(manager, "grants-04-decisions-recorded");

        // The grant page shows the new grant, awaiting both signatures; the fund signs, then the organisation.
        await manager.GotoAsync(grantHref!);
        await Assertions.Expect(manager.Locator("[data-agreement] [data-status]")).ToHaveAttributeAsync("data-status", "AgreementPending");
        await Assertions.Expect(manager.Locator("[data-agreement] [data-amount]")).ToHaveTextAsync("USD 42,500.50");
        await Assertions.Expect(manager.Locator("main")).ToContainTextAsync(JordanOrganisation);
        await CheckPageAsync(manager, "grants-05-grant-awaiting-signatures");

        await manager.GetByLabel("The fund").CheckAsync();
        await manager.GetByLabel("Signed on").FillAsync(Today);
        await manager.GetByRole(AriaRole.Button, new() { Name = "Record the signature" }).ClickAsync();
        await NoErrorsAsync(manager);
        await Assertions.Expect(manager.Locator("[data-fund-signed]")).Not.ToHaveTextAsync("–");
        await Assertions.Expect(manager.Locator("[data-agreement] [data-status]")).ToHaveAttributeAsync("data-status", "AgreementPending");

        await manager.GetByLabel("Signed on").FillAsync(Today);
        await manager.GetByRole(AriaRole.Button, new() { Name = "Record the signature" }).ClickAsync();
        await NoErrorsAsync(manager);
        await Assertions.Expect(manager.Locator("[data-organisation-signed]")).Not.ToHaveTextAsync("–");
        await Assertions.Expect(manager.Locator("[data-agreement] [data-status]")).ToHaveAttributeAsync("data-status", "Active");
        await CheckPageAsync(manager, "grants-06-grant-active");

        await manager.GotoAsync("/Manage/Grants");
        await Assertions.Expect(manager.Locator($"[data-grants] tr[data-grant='{grantHref!["/Grants/".Length..]}']")).ToHaveCountAsync(1);
        await CheckPageAsync(manager, "grants-07-manage-grants");
    }

    [Test]
    public async Task NoCostExtension_AskedForByGrantee_ApprovedByFundManager()
    {
        var applicant = await NewSignedInPageAsync(Applicant);
        var grantId = await ApplicantGrantAsync(applicant);
        await CheckPageAsync(applicant, "extension-01-my-grants");
        await applicant.GotoAsync($"/Grants/{grantId}");
        await Assertions.Expect(applicant.Locator("[data-agreement] [data-status]")).ToHaveAttributeAsync("data-status", "Active");
        await CheckPageAsync(applicant, "extension-02-grant-applicant");

        await applicant.Locator("[data-amendments-link]").ClickAsync();
        await Assertions.Expect(applicant.Locator("h1")).ToContainTextAsync("Amendments of grant");
        await applicant.GetByRole(AriaRole.Link, new() { Name = "Ask for a no-cost extension" }).ClickAsync();
        await Assertions.Expect(applicant.Locator("h1")).ToHaveTextAsync("Ask for a no-cost extension");
        await CheckPageAsync(applicant, "extension-03-form");
        var newEnd = DateOnly.FromDateTime(DateTime.UtcNow).AddMonths(8).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        await applicant.GetByLabel("New end date").FillAsync(newEnd);
        await applicant.GetByLabel("Why is the extension needed?").FillAsync("Court hearings in Benin City were postponed for four months; the legal aid of the last cohort needs the extra time, at no extra cost.");
        await applicant.GetByRole(AriaRole.Button, new() { Name = "Ask for the extension" }).ClickAsync();
        await NoErrorsAsync(applicant);
        await Assertions.Expect(applicant.Locator("main [role='status']")).ToContainTextAsync("The extension is asked for.");
        var asked = applicant.Locator("[data-amendment][data-kind='NoCostExtension']").First;
        await Assertions.Expect(asked).ToHaveAttributeAsync("data-amendment-status", "Pending");
        await CheckPageAsync(applicant, "extension-04-asked");

        var manager = await NewSignedInPageAsync(Manager);
        await manager.GotoAsync($"/Grants/{grantId}/Amendments");
        var pending = manager.Locator("[data-amendment][data-kind='NoCostExtension'][data-amendment-status='Pending']");
        await Assertions.Expect(pending).ToHaveCountAsync(1);
        await CheckPageAsync(manager, "extension-05-manager-amendments");
        await pending.GetByRole(AriaRole.Textbox).FillAsync("Agreed: the hearings' new dates are confirmed by the court.");
        await pending.GetByRole(AriaRole.Button, new() { Name = "Approve" }).ClickAsync();
        await NoErrorsAsync(manager);
        await Assertions.Expect(manager.Locator("[data-amendment][data-kind='NoCostExtension']").First).ToHaveAttributeAsync("data-amendment-status", "Approved");

        await applicant.GotoAsync($"/Grants/{grantId}");
        var endShown = DateOnly.ParseExact(newEnd, "yyyy-MM-dd", CultureInfo.InvariantCulture).ToString("d MMMM yyyy", CultureInfo.GetCultureInfo("en"));
        await Assertions.Expect(applicant.Locator("[data-period]")).ToContainTextAsync(endShown);
    }

    [Test]
    public async Task Instalments_ReleaseBlockedThenOverridden_FinanceApprovesAndRecordsPaymentWithoutScript_ApplicantSeesIt()
    {
        var applicant = await NewSignedInPageAsync(Applicant);
        var grantId = await ApplicantGrantAsync(applicant);

        var manager = await NewSignedInPageAsync(Manager);
        await manager.GotoAsync($"/Grants/{grantId}");
        await CheckPageAsync(manager, "payments-01-grant-manager");
        await manager.GotoAsync($"/Grants/{grantId}/Payments");
        await Assertions.Expect(manager.Locator("h1")).ToContainTextAsync("Payments of grant");
        await CheckPageAsync(manager, "payments-02-payments-manager");
        var second = await InstalmentPathAsync(manager, 2);
        var third = await InstalmentPathAsync(manager, 3);

        // The third instalment waits for the final report: requesting its release without a word is refused,
        // the page naming the condition; with a justification the release is requested.
        await manager.GotoAsync(third);
        await Assertions.Expect(manager.Locator("[data-instalment-status]")).ToHaveAttributeAsync("data-instalment-status", "Planned");
        await Assertions.Expect(manager.Locator("[data-conditions] [data-met='False']")).Not.ToHaveCountAsync(0);
        await CheckPageAsync(manager, "payments-03-instalment-blocked");
        await manager.GetByRole(AriaRole.Button, new() { Name = "Request the release" }).ClickAsync();
        await Assertions.Expect(manager.Locator("[data-error-summary]")).ToHaveCountAsync(1);
        await Assertions.Expect(manager.Locator("[data-error-summary]")).ToContainTextAsync("report");
        await Assertions.Expect(manager.Locator("[data-instalment-status]")).ToHaveAttributeAsync("data-instalment-status", "Planned");
        await CheckPageAsync(manager, "payments-04-instalment-refused");

        var request = manager.Locator("[data-request-form]");
        var justifications = request.Locator("textarea");
        for (var i = 0; i < await justifications.CountAsync(); i++)
        {
            await justifications.Nth(i).FillAsync("The shelter's rent for the last quarter falls due before the final report can be written; the Board's chair agreed by email.");
        }

        await request.GetByRole(AriaRole.Button, new() { Name = "Request the release" }).ClickAsync();
        await NoErrorsAsync(manager);
        await Assertions.Expect(manager.Locator("[data-instalment-status]")).ToHaveAttributeAsync("data-instalment-status", "Requested");
        await Assertions.Expect(manager.Locator("[data-conditions] [data-override]").First).ToContainTextAsync("Board's chair");
        await CheckPageAsync(manager, "payments-05-instalment-requested");

        // The finance officer sees both in the queue; the second instalment, requested by the fund manager, is
        // approved and paid with JavaScript off.
        var finance = await NewSignedInPageAsync(Finance);
        await finance.GotoAsync("/Finance/Payments");
        await Assertions.Expect(finance.Locator($"[data-queue-row] a[href='{second}']")).ToHaveCountAsync(1);
        await Assertions.Expect(finance.Locator($"[data-queue-row] a[href='{third}']")).ToHaveCountAsync(1);
        await CheckPageAsync(finance, "payments-06-finance-queue");
        await finance.GotoAsync(second);
        await CheckPageAsync(finance, "payments-07-instalment-finance");

        var withoutScript = await NewSignedInPageAsync(Finance, options => options.JavaScriptEnabled = false);
        await withoutScript.GotoAsync(second);
        await withoutScript.GetByRole(AriaRole.Button, new() { Name = "Approve the release" }).ClickAsync();
        await NoErrorsAsync(withoutScript);
        await Assertions.Expect(withoutScript.Locator("[data-instalment-status]")).ToHaveAttributeAsync("data-instalment-status", "Approved");
        var amount = await withoutScript.Locator("[data-instalment-amount]").InnerTextAsync();
        var typed = AmountPart().Match(amount).Value;
        await withoutScript.GetByLabel("Amount paid (USD)").FillAsync(typed);
        await withoutScript.GetByLabel("Date paid").FillAsync(Today);
        await withoutScript.GetByLabel("Payment reference").FillAsync("UNTF/PAY/2026/LAGOS-0002");
        await withoutScript.GetByRole(AriaRole.Button, new() { Name = "Record the payment" }).ClickAsync();
        await NoErrorsAsync(withoutScript);
        await Assertions.Expect(withoutScript.Locator("main [role='status']")).ToContainTextAsync("is recorded in the ledger");
        await Assertions.Expect(withoutScript.Locator("[data-instalment-status]")).ToHaveAttributeAsync("data-instalment-status", "Paid");
        await Assertions.Expect(withoutScript.Locator("[data-payment]")).ToContainTextAsync("UNTF/PAY/2026/LAGOS-0002");

        await finance.GotoAsync($"/Grants/{grantId}/Payments");
        await Assertions.Expect(finance.Locator("[data-ledger] tr[data-entry]").Filter(new() { HasText = "UNTF/PAY/2026/LAGOS-0002" })).ToHaveCountAsync(1);
        await CheckPageAsync(finance, "payments-08-ledger-finance");
        await finance.Locator("main").GetByRole(AriaRole.Link, new() { Name = "Back to the grant" }).ClickAsync();
        await Assertions.Expect(finance.Locator("[data-instalments] tr[data-instalment='2']")).ToContainTextAsync("Paid");
        await CheckPageAsync(finance, "payments-08b-grant-finance");

        // The grantee sees the payment on its grant's payments page.
        await applicant.GotoAsync($"/Grants/{grantId}/Payments");
        await Assertions.Expect(applicant.Locator("[data-schedule] tr[data-instalment='2']")).ToHaveAttributeAsync("data-status", "Paid");
        await Assertions.Expect(applicant.Locator("[data-ledger] tr[data-entry]").Filter(new() { HasText = "UNTF/PAY/2026/LAGOS-0002" })).ToHaveCountAsync(1);
        await CheckPageAsync(applicant, "payments-09-payments-applicant");
        await applicant.GotoAsync($"/Grants/{grantId}");
        await applicant.Locator("[data-payments-link]").ClickAsync();
        await Assertions.Expect(applicant.Locator("h1")).ToContainTextAsync("Payments of grant");
    }

    [Test]
    public async Task InterimReport_SubmittedByGranteeWithoutScript_AcceptedByFundManager()
    {
        var applicant = await NewSignedInPageAsync(Applicant);
        var grantId = await ApplicantGrantAsync(applicant);
        await applicant.GotoAsync("/Reports");
        await CheckPageAsync(applicant, "report-01-applicant-reports");
        await applicant.GotoAsync($"/Grants/{grantId}/Reports");
        await Assertions.Expect(applicant.Locator("h1")).ToContainTextAsync("Reports of grant");
        await CheckPageAsync(applicant, "report-02-schedule-applicant");
        var overdue = applicant.Locator("[data-schedule] tr[data-report]").Filter(new() { Has = applicant.Locator("[data-overdue]") }).First;
        var reportHref = await overdue.GetByRole(AriaRole.Link).GetAttributeAsync("href");
        Assert.That(reportHref, Does.Match("^/Grants/[0-9a-f-]{36}/Reports/[0-9a-f-]{36}$"), "The demo grant should have an overdue interim report.");
        await applicant.GotoAsync(reportHref!);
        await Assertions.Expect(applicant.Locator("[data-report-form]")).ToHaveCountAsync(1);
        await CheckPageAsync(applicant, "report-03-form");

        var withoutScript = await NewSignedInPageAsync(Applicant, options => options.JavaScriptEnabled = false);
        await withoutScript.GotoAsync(reportHref!);
        await FillReportAsync(withoutScript);
        await withoutScript.GetByRole(AriaRole.Button, new() { Name = "Submit the report" }).ClickAsync();
        await NoErrorsAsync(withoutScript);
        await Assertions.Expect(withoutScript.Locator("main [role='status']")).ToContainTextAsync("Your report has been submitted.");
        await Assertions.Expect(withoutScript.Locator("[data-report-status]")).ToHaveAttributeAsync("data-report-status", "Submitted");
        await applicant.GotoAsync(reportHref!);
        await CheckPageAsync(applicant, "report-04-submitted-applicant");

        var manager = await NewSignedInPageAsync(Manager);
        await manager.GotoAsync("/Manage/Reports");
        var queued = manager.Locator($"a[href='{reportHref}']");
        await Assertions.Expect(queued).ToHaveCountAsync(1);
        await CheckPageAsync(manager, "report-05-manager-queue");
        await queued.ClickAsync();
        await Assertions.Expect(manager.Locator("[data-review]")).ToHaveCountAsync(1);
        await Assertions.Expect(manager.Locator("main")).ToContainTextAsync("Interpreters for court hearings");
        await CheckPageAsync(manager, "report-06-review");
        await manager.GetByRole(AriaRole.Button, new() { Name = "Accept the report" }).ClickAsync();
        await NoErrorsAsync(manager);
        await Assertions.Expect(manager.Locator("[data-report-status]")).ToHaveAttributeAsync("data-report-status", "Accepted");
        await CheckPageAsync(manager, "report-07-accepted");

        await manager.GotoAsync($"/Grants/{grantId}/Reports");
        await CheckPageAsync(manager, "report-08-schedule-manager");
    }

    /// <summary>Narrative, finances and counts of persons only: never a name.</summary>
    private static async Task FillReportAsync(IPage page)
    {
        await page.Locator("[name='Narrative.ResultsAgainstPlan']").FillAsync("The shelter received 41 survivors against 35 planned; 22 started vocational training and 9 returned to their families with a reintegration plan.");
        await page.Locator("[name='Narrative.Challenges']").FillAsync("Court hearings were postponed twice, which lengthened shelter stays by about three weeks.");
        await page.Locator("[name='Narrative.SafetyIncidents']").FillAsync("A recruiter approached the shelter once; the police were informed and no one was harmed.");
        await page.Locator("[name='Narrative.Lessons']").FillAsync("Interpreters at the first interview shorten the legal process.");

        var rows = page.Locator("[data-line-row]");
        var used = 0;
        for (var i = 0; i < await rows.CountAsync(); i++)
        {
            var description = await page.Locator($"[name='Financial.Lines[{i}].Description']").InputValueAsync();
            if (description.Length > 0)
            {
                used++;
                var budget = page.Locator($"[name='Financial.Lines[{i}].Budget']");
                if (await budget.InputValueAsync() is { Length: 0 })
                {
                    await budget.FillAsync("10,000.00");
                }

                await page.Locator($"[name='Financial.Lines[{i}].Actual']").FillAsync("9,750.00");
            }
        }

        await page.Locator($"[name='Financial.Lines[{used}].Description']").FillAsync("Interpreters for court hearings (Arabic, Hausa, Edo)");
        await page.Locator($"[name='Financial.Lines[{used}].Budget']").FillAsync("12,500.50");
        await page.Locator($"[name='Financial.Lines[{used}].Actual']").FillAsync("11,980.25");
        var received = page.Locator("[name='Financial.FundsReceived']");
        if (await received.InputValueAsync() is { Length: 0 })
        {
            await received.FillAsync("25,000.00");
        }

        await page.Locator("[name='Victims.UniquePersons']").FillAsync("41");
        await page.Locator("[name='Victims.NewPersons']").FillAsync("17");
        await page.Locator("[name='Victims.ContinuingPersons']").FillAsync("24");
        await page.Locator("[name='Victims.BySexAndAge[Female_Age12To17]']").FillAsync("9");
        await page.Locator("[name='Victims.BySexAndAge[Female_Age18To24]']").FillAsync("25");
        await page.Locator("[name='Victims.BySexAndAge[Male_Age18To24]']").FillAsync("7");
        await page.Locator("[name='Victims.ByExploitationForm[SexualExploitation]']").FillAsync("30");
        await page.Locator("[name='Victims.ByExploitationForm[ForcedLabour]']").FillAsync("11");
        await page.Locator("[name='Victims.ByAssistanceType[ShelterAndSafeAccommodation]']").FillAsync("35");
        await page.Locator("[name='Victims.ByAssistanceType[LegalAidAndRepresentation]']").FillAsync("41");
        await page.Locator("[name='Victims.ByNationality[0].Country']").SelectOptionAsync("566");
        await page.Locator("[name='Victims.ByNationality[0].Count']").FillAsync("38");
        await page.Locator("[name='Victims.NationalityUnknown']").FillAsync("3");
    }

    private static async Task<string> FindCallAsync(IPage manager, string code)
    {
        await manager.GotoAsync("/Manage/Calls");
        var link = manager.Locator("a[href^='/Manage/Calls/']").Filter(new() { Has = manager.Locator("strong", new() { HasTextString = code }) }).First;
        var href = await link.GetAttributeAsync("href");
        var match = CallPage().Match(href ?? string.Empty);
        Assert.That(match.Success, Is.True, $"The demo data should hold the call {code}; found {href}.");
        return match.Groups["id"].Value;
    }

    private static async Task OpenDecisionAsync(IPage manager, string organisation)
    {
        var back = manager.GetByRole(AriaRole.Link, new() { Name = "Back to the Board decisions" });
        if (await back.CountAsync() > 0)
        {
            await back.ClickAsync();
        }

        var line = manager.Locator("[data-decision-lines] tbody tr").Filter(new() { HasText = organisation });
        await Assertions.Expect(line).ToHaveCountAsync(1);
        await line.GetByRole(AriaRole.Link).First.ClickAsync();
        await Assertions.Expect(manager.Locator("h1")).ToContainTextAsync("Decision on");
        await Assertions.Expect(manager.Locator("[data-application-summary]")).ToContainTextAsync(organisation);
    }

    /// <summary>The id of the demo applicant's grant (the only one of its organisation), from its list of grants.</summary>
    private static async Task<string> ApplicantGrantAsync(IPage applicant)
    {
        await applicant.GotoAsync("/Grants");
        var row = applicant.Locator("[data-grants] tr[data-grant]");
        await Assertions.Expect(row).ToHaveCountAsync(1);
        return (await row.GetAttributeAsync("data-grant"))!;
    }

    private static async Task<string> InstalmentPathAsync(IPage staff, int number)
    {
        var href = await staff.Locator($"[data-schedule] tr[data-instalment='{number}'] a").GetAttributeAsync("href");
        Assert.That(href, Does.Match("^/Grants/[0-9a-f-]{36}/Instalments/[0-9a-f-]{36}$"), $"The payments page should link to instalment {number}.");
        return href!;
    }

    /// <summary>The page answered a form without an error summary (its text is the failure message otherwise).</summary>
    private static async Task NoErrorsAsync(IPage page)
    {
        await page.WaitForLoadStateAsync(LoadState.DOMContentLoaded);
        var summary = page.Locator("[data-error-summary]");
        if (await summary.CountAsync() > 0)
        {
            Assert.Fail($"{page.Url} answered with errors: {await summary.InnerHTMLAsync()}");
        }
    }

    /// <summary>axe at desktop width, then no sideways scrolling at 320 px; a screenshot of each.</summary>
    private static async Task CheckPageAsync(IPage page, string name)
    {
        await AccessibilityAssert.NoSeriousViolationsAsync(page);
        await SaveScreenshotAsync(page, name);
        var wide = page.ViewportSize;
        await page.SetViewportSizeAsync(NarrowWidth, 640);
        try
        {
            await SaveScreenshotAsync(page, $"{name}-320px");
            await LayoutAssert.NoHorizontalScrollAsync(page, NarrowWidth);
        }
        finally
        {
            await page.SetViewportSizeAsync(wide?.Width ?? 1280, wide?.Height ?? 800);
        }
    }

    [GeneratedRegex("^/Manage/Calls/(?<id>[0-9a-f-]{36})$")]
    private static partial Regex CallPage();

    [GeneratedRegex("[0-9][0-9,]*(\\.[0-9]{1,2})?")]
    private static partial Regex AmountPart();
}
