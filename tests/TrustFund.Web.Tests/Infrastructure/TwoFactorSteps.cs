using System.Net;

namespace TrustFund.Web.Tests.Infrastructure;

/// <summary>What a person does with an authenticator app: read the key off the enrolment page and type its codes.</summary>
public static class TwoFactorSteps
{
    public const string EnrolmentPage = "/Account/TwoFactor/Enable";

    /// <summary>The key shown as text on the enrolment page (the same as in the QR code).</summary>
    public static async Task<string> KeyOnEnrolmentPageAsync(TestSession session)
    {
        var (response, page) = await session.GetPageAsync(EnrolmentPage);
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), "the enrolment page");
        var key = page.QuerySelector("#authenticator-key")?.TextContent
            ?? throw new AssertionException("No key on the enrolment page.");
        return key.Replace(" ", string.Empty, StringComparison.Ordinal).ToUpperInvariant();
    }

    /// <summary>Sets up two-factor sign-in in <paramref name="session"/>; returns the key and the recovery codes shown.</summary>
    public static async Task<(string Key, IReadOnlyList<string> RecoveryCodes)> EnrolAsync(TrustFundApp app, TestSession session)
    {
        var key = await KeyOnEnrolmentPageAsync(session);
        var response = await session.PostFormAsync(EnrolmentPage, EnrolmentPage, new() { ["Code"] = app.CodeNow(key) });
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), "the recovery codes page");
        var page = await TestSession.ParseAsync(response);
        var codes = page.QuerySelectorAll("#recovery-codes li").Select(li => li.TextContent.Trim()).ToList();
        Assert.That(codes, Has.Count.EqualTo(10), "ten recovery codes are shown");
        return (key, codes);
    }
}
