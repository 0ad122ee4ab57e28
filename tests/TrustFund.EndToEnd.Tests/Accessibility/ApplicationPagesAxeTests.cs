using TrustFund.EndToEnd.Tests.Infrastructure;

namespace TrustFund.EndToEnd.Tests.Accessibility;

/// <summary>axe-core finds nothing serious or critical on the pages of calls, organisations, applications and screening.</summary>
public sealed class ApplicationPagesAxeTests : BrowserTest
{
    private static readonly DemoAccount Applicant = DemoAccount.Named("applicant@trustfund.test");
    private static readonly DemoAccount PendingApplicant = DemoAccount.Named("applicant2@trustfund.test");
    private static readonly DemoAccount Manager = DemoAccount.Named("manager@trustfund.test");
    private static readonly DemoAccount Administrator = DemoAccount.Named("admin@trustfund.test");

    [TestCase("/calls")]
    [TestCase("/calls/ST")]
    public async Task PublicPage_Axe_NoSeriousOrCriticalViolations(string path)
    {
        var page = await NewPageAsync();

        await OpenAsync(page, path);

        await AccessibilityAssert.NoSeriousViolationsAsync(page);
    }

    [TestCase("/Applications")]
    [TestCase("/Organisation/Profile")]
    public async Task ApplicantPage_Axe_NoSeriousOrCriticalViolations(string path)
    {
        var page = await NewSignedInPageAsync(Applicant);

        await OpenAsync(page, path);

        await AccessibilityAssert.NoSeriousViolationsAsync(page);
    }

    [TestCase("")]
    [TestCase("/Budget")]
    public async Task DraftApplicationPage_Axe_NoSeriousOrCriticalViolations(string section)
    {
        var page = await NewSignedInPageAsync(PendingApplicant);
        var application = await DemoPages.DraftApplicationAsync(page);

        await OpenAsync(page, application + section);

        await AccessibilityAssert.NoSeriousViolationsAsync(page);
    }

    [TestCase("/Manage/Calls")]
    [TestCase("/Manage/Calls/New")]
    [TestCase("/Manage/Applications")]
    [TestCase("/Manage/Organisations")]
    public async Task FundManagerPage_Axe_NoSeriousOrCriticalViolations(string path)
    {
        var page = await NewSignedInPageAsync(Manager);

        await OpenAsync(page, path);

        await AccessibilityAssert.NoSeriousViolationsAsync(page);
    }

    [Test]
    public async Task ScreeningPage_Axe_NoSeriousOrCriticalViolations()
    {
        var page = await NewSignedInPageAsync(Manager);
        var screening = await DemoPages.SubmittedScreeningAsync(page);

        await OpenAsync(page, screening);

        await AccessibilityAssert.NoSeriousViolationsAsync(page);
    }

    [TestCase("/Admin/Users")]
    [TestCase("/Admin/Audit")]
    public async Task AdministratorPage_Axe_NoSeriousOrCriticalViolations(string path)
    {
        var page = await NewSignedInPageAsync(Administrator);

        await OpenAsync(page, path);

        await AccessibilityAssert.NoSeriousViolationsAsync(page);
    }

    private static async Task OpenAsync(Microsoft.Playwright.IPage page, string path)
    {
        var response = await page.GotoAsync(path);
        Assert.That(response?.Status, Is.EqualTo(200), $"GET {path} should answer 200.");
        Assert.That(new Uri(page.Url).AbsolutePath, Is.EqualTo(path), $"GET {path} should not redirect.");
        await Microsoft.Playwright.Assertions.Expect(page.Locator("h1")).ToHaveCountAsync(1);
    }
}
