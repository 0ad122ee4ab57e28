using System.Collections.Concurrent;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using TrustFund.Infrastructure.Demo;
using TrustFund.Web.Tests.Infrastructure;

namespace TrustFund.EndToEnd.Tests.Infrastructure;

/// <summary>Base of the browser tests: fresh contexts (no shared cookies) per test, sign-in through the real form.</summary>
public abstract class BrowserTest
{
    private static readonly ConcurrentDictionary<string, string> SignedInStates = new(StringComparer.OrdinalIgnoreCase);
    private readonly List<IBrowserContext> _contexts = [];

    protected static Uri BaseAddress => EndToEndRun.App.BaseAddress;

    /// <summary>A page in a new browser context, closed after the test.</summary>
    protected async Task<IPage> NewPageAsync(Action<BrowserNewContextOptions>? configure = null)
    {
        var options = new BrowserNewContextOptions
        {
            BaseURL = BaseAddress.ToString(),
            ViewportSize = new ViewportSize { Width = 1280, Height = 800 },
            Locale = "en-GB",
        };
        configure?.Invoke(options);
        var context = await EndToEndRun.Browser.NewContextAsync(options);
        context.SetDefaultTimeout(10_000);
        _contexts.Add(context);
        return await context.NewPageAsync();
    }

    [TearDown]
    public async Task CloseContextsAsync()
    {
        foreach (var context in _contexts)
        {
            await context.CloseAsync();
        }

        _contexts.Clear();
    }

    /// <summary>
    /// A page in a new context already signed in as <paramref name="account"/>: the first call per account signs in
    /// through the form, later calls reuse its cookies while they still sign in, which keeps suites of page checks fast.
    /// </summary>
    protected async Task<IPage> NewSignedInPageAsync(DemoAccount account, Action<BrowserNewContextOptions>? configure = null)
    {
        if (SignedInStates.TryGetValue(account.Email, out var state))
        {
            var reused = await NewPageAsync(options =>
            {
                options.StorageState = state;
                configure?.Invoke(options);
            });

            // A session ends after 20 idle minutes, and another test may have refreshed the account's sign-in
            // (choosing a language does): the saved cookies are used only while they still sign in. The check goes
            // through the context's request API, so the page's own cache and history stay untouched.
            var home = await reused.Context.APIRequest.GetAsync(new Uri(BaseAddress, "/").ToString());
            if ((await home.TextAsync()).Contains("action=\"/Account/Logout\"", StringComparison.Ordinal))
            {
                return reused;
            }

            await SignInAsync(reused, account);
            SignedInStates[account.Email] = await reused.Context.StorageStateAsync();
            return reused;
        }

        var page = await NewPageAsync(configure);
        await SignInAsync(page, account);
        SignedInStates[account.Email] = await page.Context.StorageStateAsync();
        return page;
    }

    /// <summary>Opens the login page, fills in the form and signs in; waits for the account's home page.</summary>
    protected static Task SignInAsync(IPage page, DemoAccount account) =>
        SignInAsync(page, account.Email, DemoData.Password, account.HomeHeading);

    /// <summary>Signs in through the login form and waits for the home page with <paramref name="homeHeading"/>.</summary>
    protected static async Task SignInAsync(IPage page, string email, string password, string homeHeading)
    {
        await page.GotoAsync("/Account/Login");
        await page.GetByLabel("Email address").FillAsync(email);
        await page.GetByLabel("Password", new() { Exact = true }).FillAsync(password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await Assertions.Expect(page.Locator("h1")).Not.ToHaveTextAsync("Sign in");
        if (page.Url.Contains("/Account/LoginWith2fa", StringComparison.Ordinal))
        {
            // Demo staff sign in with the documented key, as with an authenticator app.
            await page.GetByLabel("Code from your authenticator app").FillAsync(await Totp.UnusedNowAsync(email, DemoData.StaffAuthenticatorKey));
            await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        }

        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync(homeHeading);
    }

    /// <summary>A full-page screenshot in the test's work folder, attached to the test result.</summary>
    protected static async Task<string> SaveScreenshotAsync(IPage page, string name)
    {
        var folder = Path.Combine(TestContext.CurrentContext.WorkDirectory, "screenshots");
        Directory.CreateDirectory(folder);
        var file = Path.Combine(folder, $"{Regex.Replace(name, "[^A-Za-z0-9._-]+", "-")}.png");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = file, FullPage = true });
        TestContext.AddTestAttachment(file, name);
        return file;
    }
}
