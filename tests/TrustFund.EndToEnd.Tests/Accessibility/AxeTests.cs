using Microsoft.Playwright;
using TrustFund.EndToEnd.Tests.Infrastructure;
using TrustFund.Infrastructure.Demo;

namespace TrustFund.EndToEnd.Tests.Accessibility;

/// <summary>axe-core finds nothing serious or critical on the public pages and every role's home page.</summary>
public sealed class AxeTests : BrowserTest
{
    [Test]
    public async Task LoginPage_Axe_NoSeriousOrCriticalViolations()
    {
        var page = await NewPageAsync();
        await page.GotoAsync("/Account/Login");

        await AccessibilityAssert.NoSeriousViolationsAsync(page);
    }

    [Test]
    public async Task LoginPageWithErrors_Axe_NoSeriousOrCriticalViolations()
    {
        var page = await NewPageAsync();
        await page.GotoAsync("/Account/Login");
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await Assertions.Expect(page.Locator("[data-error-summary]")).ToBeVisibleAsync();

        await AccessibilityAssert.NoSeriousViolationsAsync(page);
    }

    [Test]
    public async Task RegisterPage_Axe_NoSeriousOrCriticalViolations()
    {
        var page = await NewPageAsync();

        var response = await page.GotoAsync("/Account/Register");

        Assert.That(response?.Status, Is.EqualTo(200), "GET /Account/Register should show the registration page.");
        Assert.That(new Uri(page.Url).AbsolutePath, Is.EqualTo("/Account/Register"), "The registration page must be open to anonymous visitors, not redirect.");
        await Assertions.Expect(page.Locator("h1")).ToBeVisibleAsync();
        await AccessibilityAssert.NoSeriousViolationsAsync(page);
    }

    [Test]
    public async Task AuthenticatorCodePage_Axe_NoSeriousOrCriticalViolations()
    {
        var page = await NewPageAsync();
        await page.GotoAsync("/Account/Login");
        await page.GetByLabel("Email address").FillAsync("admin@trustfund.test");
        await page.GetByLabel("Password", new() { Exact = true }).FillAsync(DemoData.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Enter your authenticator code");

        await AccessibilityAssert.NoSeriousViolationsAsync(page);
    }

    [Test]
    public async Task TwoFactorEnrolmentPage_Axe_NoSeriousOrCriticalViolations()
    {
        var page = await NewPageAsync();
        await SignInAsync(page, DemoAccount.Named("reviewer2@trustfund.test"));

        await page.GotoAsync("/Account/TwoFactor/Enable");

        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Set up two-factor sign-in");
        await Assertions.Expect(page.Locator("img#authenticator-qr")).ToBeVisibleAsync();
        await AccessibilityAssert.NoSeriousViolationsAsync(page);
        await SaveScreenshotAsync(page, "two-factor-enrolment");
    }

    /// <summary>
    /// A long address with no place to break (dots do not break lines) widens the table of latest
    /// audit entries past its column: the scrolling box it then needs must be reachable by keyboard.
    /// </summary>
    [TestCase(320, 640, TestName = "AdministratorHome_LongAddressInLatestAuditEntriesAt320px_NoSeriousOrCriticalViolations")]
    [TestCase(1280, 800, TestName = "AdministratorHome_LongAddressInLatestAuditEntriesAtDesktopWidth_NoSeriousOrCriticalViolations")]
    public async Task AdministratorHome_LongAddressInLatestAuditEntries_NoSeriousOrCriticalViolations(int width, int height)
    {
        var address = $"safeguarding.referral.coordinator.{Guid.NewGuid():N}"[..58] + "@easterncaribbeanantitraffickingnetwork.example.org";
        var page = await NewSignedInPageAsync(DemoAccount.Named("admin@trustfund.test"), o => o.ViewportSize = new ViewportSize { Width = width, Height = height });
        await page.GotoAsync("/Admin/Users/Invite");
        await page.GetByLabel("Full name").FillAsync("Marie-Claire Okonkwo");
        await page.GetByLabel("Email address").FillAsync(address);
        await page.GetByLabel("Reviewer", new() { Exact = true }).CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Send the invitation" }).ClickAsync();
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync($"Invitation sent to {address}.");
        await AccessibilityAssert.NoSeriousViolationsAsync(page);

        await page.GotoAsync("/");

        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Administration");
        Assert.That(address.Length, Is.GreaterThan(100));
        await Assertions.Expect(page.Locator("#audit-title ~ .table-responsive table")).ToContainTextAsync($"{address} invited as Reviewer");
        await AccessibilityAssert.NoSeriousViolationsAsync(page);
        await SaveScreenshotAsync(page, $"administrator-home-long-address-{width}px");
    }

    [Test]
    public async Task SessionsPage_Axe_NoSeriousOrCriticalViolations()
    {
        var page = await NewPageAsync();
        await SignInAsync(page, DemoAccount.Named("applicant@trustfund.test"));

        await page.GotoAsync("/Account/Sessions");

        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Your sessions");
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { NameRegex = new System.Text.RegularExpressions.Regex("^Sign out here") })).ToBeVisibleAsync();
        await AccessibilityAssert.NoSeriousViolationsAsync(page);
        await SaveScreenshotAsync(page, "sessions");
    }

    [TestCaseSource(typeof(DemoAccount), nameof(DemoAccount.All))]
    public async Task HomePage_EachRole_NoSeriousOrCriticalViolations(DemoAccount account)
    {
        var page = await NewPageAsync();
        await SignInAsync(page, account);

        await AccessibilityAssert.NoSeriousViolationsAsync(page);
    }
}
