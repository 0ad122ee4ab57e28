using Microsoft.Playwright;
using TrustFund.EndToEnd.Tests.Infrastructure;
using TrustFund.Infrastructure.Demo;

namespace TrustFund.EndToEnd.Tests.Accessibility;

public sealed class KeyboardTests : BrowserTest
{
    [Test]
    public async Task LoginPage_FirstTab_FocusesSkipLinkThatMovesFocusToMain()
    {
        var page = await NewPageAsync();
        await page.GotoAsync("/Account/Login");

        await page.Keyboard.PressAsync("Tab");

        var skipLink = page.GetByRole(AriaRole.Link, new() { Name = "Skip to main content" });
        await Assertions.Expect(skipLink).ToBeFocusedAsync();
        var box = await skipLink.BoundingBoxAsync();
        Assert.That(box?.Width, Is.GreaterThan(40), "The skip link should be visible once it has focus.");

        await page.Keyboard.PressAsync("Enter");

        await Assertions.Expect(page.Locator("main#main")).ToBeFocusedAsync();
    }

    [Test]
    public async Task LoginForm_KeyboardOnly_SignsIn()
    {
        var page = await NewPageAsync();
        var account = DemoAccount.Named("manager@trustfund.test");
        await page.GotoAsync("/Account/Login");
        await page.Keyboard.PressAsync("Tab");
        await page.Keyboard.PressAsync("Enter");

        await page.Keyboard.PressAsync("Tab");
        await Assertions.Expect(page.GetByLabel("Email address")).ToBeFocusedAsync();
        await page.Keyboard.TypeAsync(account.Email);
        await page.Keyboard.PressAsync("Tab");
        await Assertions.Expect(page.GetByLabel("Password", new() { Exact = true })).ToBeFocusedAsync();
        await page.Keyboard.TypeAsync(DemoData.Password);
        await page.Keyboard.PressAsync("Tab");
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Sign in" })).ToBeFocusedAsync();
        await page.Keyboard.PressAsync("Enter");

        // The fund manager's second step: the code field is reached with Tab and the form sent with Enter.
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Enter your authenticator code");
        var code = page.GetByLabel("Code from your authenticator app");
        for (var presses = 0; presses < 12 && !await code.EvaluateAsync<bool>("e => e === document.activeElement"); presses++)
        {
            await page.Keyboard.PressAsync("Tab");
        }

        await Assertions.Expect(code).ToBeFocusedAsync();
        await page.Keyboard.TypeAsync(await TrustFund.Web.Tests.Infrastructure.Totp.UnusedNowAsync(account.Email, DemoData.StaffAuthenticatorKey));
        await page.Keyboard.PressAsync("Enter");

        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync(account.HomeHeading);
    }
}
