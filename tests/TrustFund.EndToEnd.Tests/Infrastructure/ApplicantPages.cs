using Microsoft.Playwright;

namespace TrustFund.EndToEnd.Tests.Infrastructure;

/// <summary>
/// A page an applicant uses, and whom to open it as (null: a visitor who is not signed in); <paramref name="InJourney"/>
/// when the journey in every language (<c>MultilingualJourneyTests</c>) already checks it with axe.
/// </summary>
public sealed record ApplicantPage(string Name, DemoAccount? Account, string Path, bool InJourney = false)
{
    public override string ToString() => $"{Name} ({Path})";
}

/// <summary>
/// Every page an applicant uses, found in the demo data: public pages, the verified organisation's pages
/// (profile, documents, grant, payments, reports, amendments) and the pending organisation's draft application.
/// </summary>
public static class ApplicantPages
{
    public static readonly DemoAccount Applicant = DemoAccount.Named("applicant@trustfund.test");
    public static readonly DemoAccount PendingApplicant = DemoAccount.Named("applicant2@trustfund.test");

    private static readonly SemaphoreSlim Gate = new(1, 1);
    private static IReadOnlyList<ApplicantPage>? _all;

    /// <summary>The pages, looked up once per run through <paramref name="open"/> (a signed-in page for an account).</summary>
    public static async Task<IReadOnlyList<ApplicantPage>> AllAsync(Func<DemoAccount, Task<IPage>> open)
    {
        ArgumentNullException.ThrowIfNull(open);
        await Gate.WaitAsync();
        try
        {
            return _all ??= await FindAsync(open);
        }
        finally
        {
            Gate.Release();
        }
    }

    private static async Task<IReadOnlyList<ApplicantPage>> FindAsync(Func<DemoAccount, Task<IPage>> open)
    {
        var applicant = await open(Applicant);
        await applicant.GotoAsync("/Grants");
        var grant = await applicant.Locator("[data-grants] tr[data-grant]").First.GetAttributeAsync("data-grant");
        await applicant.GotoAsync($"/Grants/{grant}/Reports");
        var report = await applicant.Locator("[data-schedule] tr[data-report] a").First.GetAttributeAsync("href");
        await applicant.GotoAsync("/Applications");
        var submitted = await applicant.Locator("[data-applications] li").Filter(new() { HasNot = applicant.Locator("[data-status='Draft']") }).GetByRole(AriaRole.Link).First.GetAttributeAsync("href");

        var pending = await open(PendingApplicant);
        var draft = await DemoPages.DraftApplicationAsync(pending);

        return
        [
            new("sign in", null, "/Account/Login"),
            new("register", null, "/Account/Register", InJourney: true),
            new("forgotten password", null, "/Account/ForgotPassword"),
            new("open calls", null, "/calls"),
            new("call", null, "/calls/ST"),
            new("home", Applicant, "/"),
            new("my applications", Applicant, "/Applications"),
            new("submitted application", Applicant, submitted!),
            new("organisation profile", Applicant, "/Organisation/Profile"),
            new("organisation documents", Applicant, "/Organisation/Documents"),
            new("organisation members", Applicant, "/Organisation/Members"),
            new("bank details", Applicant, "/Organisation/Bank"),
            new("my grants", Applicant, "/Grants"),
            new("grant", Applicant, $"/Grants/{grant}"),
            new("grant payments", Applicant, $"/Grants/{grant}/Payments"),
            new("grant reports", Applicant, $"/Grants/{grant}/Reports"),
            new("grant report", Applicant, report!),
            new("grant amendments", Applicant, $"/Grants/{grant}/Amendments"),
            new("no-cost extension", Applicant, $"/Grants/{grant}/Amendments/Extension"),
            new("reports due", Applicant, "/Reports"),
            new("your sessions", Applicant, "/Account/Sessions"),
            new("draft application", PendingApplicant, draft, InJourney: true),
            new("project", PendingApplicant, draft + "/Project", InJourney: true),
            new("beneficiaries", PendingApplicant, draft + "/Beneficiaries", InJourney: true),
            new("assistance", PendingApplicant, draft + "/Assistance", InJourney: true),
            new("budget", PendingApplicant, draft + "/Budget", InJourney: true),
            new("declarations", PendingApplicant, draft + "/Declarations", InJourney: true),
            new("application documents", PendingApplicant, draft + "/Documents", InJourney: true),
            new("check and submit", PendingApplicant, draft + "/Submit", InJourney: true),
        ];
    }
}
