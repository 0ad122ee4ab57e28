using System.Net;
using TrustFund.Application.Accounts;
using TrustFund.Web.Tests.Infrastructure;
using static TrustFund.Web.Tests.Infrastructure.TestAccounts;

namespace TrustFund.Web.Tests.Account;

public sealed class AccountAntiforgeryTests
{
    private TrustFundApp _app = null!;

    [OneTimeSetUp]
    public async Task StartApp() => _app = await new TrustFundApp().StartAsync();

    [OneTimeTearDown]
    public void StopApp() => _app.Dispose();

    [TestCase("/Account/Register")]
    [TestCase("/Account/ResendConfirmation")]
    [TestCase("/Account/ForgotPassword")]
    [TestCase("/Account/ResetPassword")]
    [TestCase("/Account/AcceptInvitation")]
    public async Task AnonymousPost_WithoutAntiforgeryToken_IsRejectedAndCreatesNothing(string action)
    {
        var email = NewEmail("csrf");
        using var session = _app.NewSession();

        var response = await session.PostWithoutTokenAsync(action, new()
        {
            ["OrganisationName"] = "Forged NGO",
            ["Country"] = "KEN",
            ["FullName"] = "Forged Person",
            ["Email"] = email,
            ["Password"] = "forged passphrase here",
            ["ConfirmPassword"] = "forged passphrase here",
        });

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(await FindUserAsync(_app, email), Is.Null);
        Assert.That(await EmailsToAsync(_app, email), Is.Empty);
    }

    [Test]
    public async Task ChangePassword_WithoutAntiforgeryToken_IsRejectedAndChangesNothing()
    {
        var user = await CreateUserAsync(_app, Roles.Reviewer);
        using var session = await _app.SignInAsync(user.Email!);

        var response = await session.PostWithoutTokenAsync("/Account/ChangePassword", new()
        {
            ["CurrentPassword"] = TrustFund.Infrastructure.Demo.DemoData.Password,
            ["NewPassword"] = "forged new passphrase",
            ["ConfirmPassword"] = "forged new passphrase",
        });

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That((await FindUserAsync(_app, user.Email!))!.PasswordHash, Is.EqualTo(user.PasswordHash));
    }
}
