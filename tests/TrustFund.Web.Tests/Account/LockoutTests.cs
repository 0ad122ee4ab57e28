using TrustFund.Application.Accounts;
using TrustFund.Infrastructure.Demo;
using TrustFund.Web.Tests.Infrastructure;
using static TrustFund.Web.Tests.Infrastructure.TestAccounts;

namespace TrustFund.Web.Tests.Account;

public sealed class LockoutTests
{
    private const string LockoutMessage = "Too many failed attempts. This account is locked for 15 minutes.";
    private TrustFundApp _app = null!;

    [OneTimeSetUp]
    public async Task StartApp() => _app = await new TrustFundApp().StartAsync();

    [OneTimeTearDown]
    public void StopApp() => _app.Dispose();

    [Test]
    public async Task Login_FiveWrongPasswords_LocksTheAccountForFifteenMinutesOnTheAppClock()
    {
        var user = await CreateUserAsync(_app, Roles.Reviewer);
        for (var attempt = 1; attempt <= 4; attempt++)
        {
            var wrong = await RefusedSignInAsync(_app, user.Email!, $"wrong password {attempt}");
            Assert.That(ErrorSummary(wrong), Does.Contain("The email address or password is incorrect."), $"attempt {attempt}");
        }

        var fifth = await RefusedSignInAsync(_app, user.Email!, "wrong password 5");
        Assert.That(ErrorSummary(fifth), Does.Contain(LockoutMessage));

        var sixthWithRightPassword = await RefusedSignInAsync(_app, user.Email!, DemoData.Password);
        Assert.That(ErrorSummary(sixthWithRightPassword), Does.Contain(LockoutMessage));

        _app.Clock.Advance(TimeSpan.FromMinutes(15) - TimeSpan.FromSeconds(1));
        var justBefore = await RefusedSignInAsync(_app, user.Email!, DemoData.Password);
        Assert.That(ErrorSummary(justBefore), Does.Contain(LockoutMessage));

        _app.Clock.Advance(TimeSpan.FromSeconds(1));
        using var signedIn = await _app.SignInAsync(user.Email!);
        var after = await FindUserAsync(_app, user.Email!);
        Assert.That(after!.AccessFailedCount, Is.Zero);
        Assert.That(after.PasswordHash, Is.EqualTo(user.PasswordHash));
    }

    [Test]
    public async Task Login_FailuresBelowTheLimit_AreForgottenAfterASuccess()
    {
        var user = await CreateUserAsync(_app, Roles.Reviewer);
        for (var attempt = 1; attempt <= 4; attempt++)
        {
            await RefusedSignInAsync(_app, user.Email!, $"wrong password {attempt}");
        }

        using (await _app.SignInAsync(user.Email!))
        {
        }

        var wrong = await RefusedSignInAsync(_app, user.Email!, "wrong again");
        Assert.That(ErrorSummary(wrong), Does.Contain("The email address or password is incorrect."));
    }
}
