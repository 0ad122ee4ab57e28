using Microsoft.Playwright;
using TrustFund.EndToEnd.Tests.Infrastructure;

namespace TrustFund.EndToEnd.Tests.Layout;

/// <summary>The main pages of calls and applications are readable at 320 px without sideways scrolling.</summary>
public sealed class ApplicationPagesLayoutTests : BrowserTest
{
    private const int NarrowWidth = 320;

    [Test]
    public async Task OpenCalls_At320px_HasNoHorizontalScroll()
    {
        var page = await NewPageAsync(Narrow);
        await page.GotoAsync("/calls");

        await LayoutAssert.NoHorizontalScrollAsync(page, NarrowWidth);
        await SaveScreenshotAsync(page, "narrow-calls");
    }

    [Test]
    public async Task MyApplications_At320px_HasNoHorizontalScroll()
    {
        var page = await NewSignedInPageAsync(DemoAccount.Named("applicant@trustfund.test"), Narrow);
        await page.GotoAsync("/Applications");
        await Assertions.Expect(page.Locator("[data-applications] li")).Not.ToHaveCountAsync(0);

        await LayoutAssert.NoHorizontalScrollAsync(page, NarrowWidth);
        await SaveScreenshotAsync(page, "narrow-applications");
    }

    [Test]
    public async Task BudgetSection_At320px_HasNoHorizontalScroll()
    {
        var page = await NewSignedInPageAsync(DemoAccount.Named("applicant2@trustfund.test"), Narrow);
        var application = await DemoPages.DraftApplicationAsync(page);
        await page.GotoAsync(application + "/Budget");
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Budget");
        if (await page.Locator("[data-budget-line]").CountAsync() < 2)
        {
            await page.GetByRole(AriaRole.Button, new() { Name = "Add a line" }).ClickAsync();
            await page.GetByRole(AriaRole.Button, new() { Name = "Add a line" }).ClickAsync();
        }

        await Assertions.Expect(page.Locator("[data-budget-line]")).Not.ToHaveCountAsync(0);

        await LayoutAssert.NoHorizontalScrollAsync(page, NarrowWidth);
        await SaveScreenshotAsync(page, "narrow-budget");
    }

    [Test]
    public async Task ManageApplications_At320px_HasNoHorizontalScroll()
    {
        var page = await NewSignedInPageAsync(DemoAccount.Named("manager@trustfund.test"), Narrow);
        await page.GotoAsync("/Manage/Applications");
        await Assertions.Expect(page.Locator("[data-applications]")).ToBeVisibleAsync();

        await LayoutAssert.NoHorizontalScrollAsync(page, NarrowWidth);
        await SaveScreenshotAsync(page, "narrow-manage-applications");
    }

    private static void Narrow(BrowserNewContextOptions options) =>
        options.ViewportSize = new ViewportSize { Width = NarrowWidth, Height = 640 };
}
