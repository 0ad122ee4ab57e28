using Microsoft.Playwright;
using TrustFund.EndToEnd.Tests.Infrastructure;

namespace TrustFund.EndToEnd.Tests;

/// <summary>One app process and one browser for the whole run; each test opens its own browser context.</summary>
[SetUpFixture]
public sealed class EndToEndRun
{
    private static AppProcess? _app;
    private static IPlaywright? _playwright;
    private static IBrowser? _browser;

    public static AppProcess App => _app ?? throw new InvalidOperationException("The app is not running.");

    public static IBrowser Browser => _browser ?? throw new InvalidOperationException("The browser is not running.");

    [OneTimeSetUp]
    public async Task StartAsync()
    {
        if (!File.Exists(SystemChromium.ExecutablePath))
        {
            Prerequisite.Missing($"Chromium was not found at {SystemChromium.ExecutablePath} (set CHROMIUM_PATH, or install it: apt-get install chromium).");
        }

        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(SystemChromium.LaunchOptions);
        _app = await AppProcess.StartAsync(TimeSpan.FromSeconds(60));
    }

    [OneTimeTearDown]
    public async Task StopAsync()
    {
        if (_browser is not null)
        {
            await _browser.CloseAsync();
        }

        _playwright?.Dispose();
        if (_app is not null)
        {
            await _app.DisposeAsync();
        }
    }
}
