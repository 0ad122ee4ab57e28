using System.Net;
using Microsoft.EntityFrameworkCore;
using TrustFund.Application.Audit;
using TrustFund.Infrastructure.Demo;
using TrustFund.Web.Tests.Infrastructure;

namespace TrustFund.Web.Tests.Account;

public sealed class LoginTests
{
    private TrustFundApp _app = null!;

    [OneTimeSetUp]
    public async Task StartApp() => _app = await new TrustFundApp().StartAsync();

    [OneTimeTearDown]
    public void StopApp() => _app.Dispose();

    [TestCaseSource(typeof(DemoData), nameof(DemoData.Users))]
    public async Task Login_EachDemoRole_LandsOnItsOwnHomePage((string Email, string Name, string Role, int Organisation) user)
    {
        using var session = await _app.SignInAsync(user.Email);

        var (response, page) = await session.GetPageAsync("/");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        var expectedHeading = user.Role switch
        {
            "Applicant" => user.Organisation == 1 ? "Safe Harbour Foundation for Survivors" : "Fundación Camino de Esperanza y Reintegración",
            "Reviewer" => "Your reviews",
            "FundManager" => "Fund management",
            "FinanceOfficer" => "Payments",
            "Administrator" => "Administration",
            _ => throw new AssertionException($"Unexpected role {user.Role}"),
        };
        Assert.That(page.QuerySelector("h1")?.TextContent.Trim(), Is.EqualTo(expectedHeading));
    }

    [Test]
    public async Task Login_WrongPassword_ShowsErrorAndAuditsFailure()
    {
        using var session = _app.NewSession();

        var response = await session.PostFormAsync("/Account/Login", "/Account/Login", new() { ["Email"] = "reviewer2@trustfund.test", ["Password"] = "not the right password" });

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        var page = await TestSession.ParseAsync(response);
        Assert.That(page.QuerySelector("[data-error-summary]")?.TextContent, Does.Contain("The email address or password is incorrect."));
        var failures = await _app.WithDbAsync(db => db.AuditEntries.CountAsync(e => e.Action == AuditActions.SignInFailed && e.Summary.Contains("reviewer2@trustfund.test")));
        Assert.That(failures, Is.GreaterThanOrEqualTo(1));
    }

    [Test]
    public async Task Login_WithoutAntiforgeryToken_IsRejected()
    {
        using var session = _app.NewSession();

        var response = await session.PostWithoutTokenAsync("/Account/Login", new() { ["Email"] = "admin@trustfund.test", ["Password"] = DemoData.Password });

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
    }
}
