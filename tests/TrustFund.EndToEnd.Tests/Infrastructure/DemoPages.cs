using Microsoft.Playwright;

namespace TrustFund.EndToEnd.Tests.Infrastructure;

/// <summary>Finds pages of records the demo data seeds (their ids differ per run).</summary>
public static class DemoPages
{
    /// <summary>The address of the demo draft application of the pending organisation (applicant2@), seen as that applicant.</summary>
    public static async Task<string> DraftApplicationAsync(IPage applicant)
    {
        await applicant.GotoAsync("/Applications");
        var link = applicant.Locator("[data-applications] li").Filter(new() { Has = applicant.Locator("[data-status='Draft']") }).GetByRole(AriaRole.Link).First;
        var href = await link.GetAttributeAsync("href");
        Assert.That(href, Does.Match("^/Applications/[0-9a-f-]{36}$"), "The demo data should give applicant2@ a draft application.");
        return href!;
    }

    /// <summary>The screening page of the demo submitted application, seen as a fund manager.</summary>
    public static async Task<string> SubmittedScreeningAsync(IPage manager)
    {
        await manager.GotoAsync("/Manage/Applications?q=" + Uri.EscapeDataString("Safe shelter, legal aid and reintegration"));
        var href = await manager.Locator("[data-applications] [data-title]").First.GetAttributeAsync("href");
        Assert.That(href, Does.Match("^/Manage/Applications/[0-9a-f-]{36}$"), "The demo data should hold a submitted application.");
        return href + "/Screening";
    }
}
