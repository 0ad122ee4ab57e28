using Microsoft.Playwright;
using TrustFund.EndToEnd.Tests.Infrastructure;
using TrustFund.Infrastructure.Demo;

namespace TrustFund.EndToEnd.Tests.Account;

public sealed class SignInTests : BrowserTest
{
    [TestCaseSource(typeof(DemoAccount), nameof(DemoAccount.All))]
    public async Task SignIn_EachDemoRole_SeesOwnHomePage(DemoAccount account)
    {
        var page = await NewPageAsync();

        await SignInAsync(page, account);

        Assert.That(new Uri(page.Url).AbsolutePath, Is.EqualTo("/"));
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = $"Sign out ({account.Email})" })).ToBeVisibleAsync();
        await SaveScreenshotAsync(page, $"home-{account.Role}-{account.Email}");
    }

    [Test]
    public async Task SignIn_WithJavaScriptDisabled_ShowsErrorsAndSignsIn()
    {
        var page = await NewPageAsync(options => options.JavaScriptEnabled = false);
        var account = DemoAccount.Named("reviewer2@trustfund.test");
        await page.GotoAsync("/Account/Login");
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        var summary = page.Locator("[data-error-summary]");
        await Assertions.Expect(summary).ToContainTextAsync("Enter your email address.");
        // With scripts on, error-summary.js focuses the summary; unfocused proves they really are off.
        await Assertions.Expect(summary).Not.ToBeFocusedAsync(new() { Timeout = 1_000 });

        await SignInAsync(page, account);

        Assert.That(new Uri(page.Url).AbsolutePath, Is.EqualTo("/"));
    }

    [Test]
    public async Task SignIn_EmptyForm_ShowsErrorSummaryLinkedToEachField()
    {
        var page = await NewPageAsync();
        await page.GotoAsync("/Account/Login");

        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();

        var summary = page.Locator("[data-error-summary]");
        await Assertions.Expect(summary).ToBeFocusedAsync();
        await Assertions.Expect(summary.GetByRole(AriaRole.Link, new() { Name = "Enter your email address." })).ToHaveAttributeAsync("href", "#Email");
        await Assertions.Expect(summary.GetByRole(AriaRole.Link, new() { Name = "Enter your password." })).ToHaveAttributeAsync("href", "#Password");
        await Assertions.Expect(page.GetByLabel("Email address")).ToHaveAttributeAsync("aria-invalid", "true");
        await SaveScreenshotAsync(page, "login-errors");
    }

    [Test]
    public async Task SignIn_WrongPassword_StaysOnLoginWithError()
    {
        var page = await NewPageAsync();
        await page.GotoAsync("/Account/Login");

        await page.GetByLabel("Email address").FillAsync("finance@trustfund.test");
        await page.GetByLabel("Password", new() { Exact = true }).FillAsync(DemoData.Password + "-wrong");
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();

        await Assertions.Expect(page.Locator("[data-error-summary]")).ToContainTextAsync("The email address or password is incorrect.");
        await Assertions.Expect(page.GetByLabel("Password", new() { Exact = true })).ToHaveValueAsync(string.Empty);
        Assert.That(new Uri(page.Url).AbsolutePath, Is.EqualTo("/Account/Login"));
    }
}
