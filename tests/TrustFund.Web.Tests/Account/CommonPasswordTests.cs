using TrustFund.Application.Accounts;
using TrustFund.Infrastructure.Demo;
using TrustFund.Infrastructure.Identity;
using TrustFund.Web.Tests.Infrastructure;
using static TrustFund.Web.Tests.Infrastructure.TestAccounts;

namespace TrustFund.Web.Tests.Account;

public sealed class CommonPasswordTests
{
    private const string CommonMessage = "This password is too common and easy to guess.";
    private TrustFundApp _app = null!;

    [OneTimeSetUp]
    public async Task StartApp() => _app = await new TrustFundApp().StartAsync();

    [OneTimeTearDown]
    public void StopApp() => _app.Dispose();

    [Test]
    public void CommonPasswordList_Bundled_HoldsAtLeastTenThousandPasswords() =>
        Assert.That(CommonPasswordValidator.Count, Is.GreaterThanOrEqualTo(10_000));

    [TestCase("123qweasdzxc")]
    [TestCase("  1QAZ2WSX3EDC ")]
    [TestCase("q1w2e3r4t5y6")]
    public void IsCommon_ListedPasswordInAnyCaseOrSpacing_IsTrue(string password) =>
        Assert.That(CommonPasswordValidator.IsCommon(password), Is.True);

    [Test]
    public void IsCommon_LongUnusualPassphrase_IsFalse() =>
        Assert.That(CommonPasswordValidator.IsCommon("violet kettle under the harbour"), Is.False);

    [Test]
    public async Task Register_CommonPassword_ShowsFieldErrorAndCreatesNothing()
    {
        var email = NewEmail("common");
        using var session = _app.NewSession();

        var page = await TestSession.ParseAsync(await session.PostFormAsync("/Account/Register", "/Account/Register", new()
        {
            ["OrganisationName"] = "Common Password NGO",
            ["Country"] = "SEN",
            ["FullName"] = "Test Person",
            ["Email"] = email,
            ["Password"] = "1q2w3e4r5t6y",
            ["ConfirmPassword"] = "1q2w3e4r5t6y",
        }));

        Assert.That(FieldError(page, "Password"), Does.Contain(CommonMessage));
        Assert.That(await FindUserAsync(_app, email), Is.Null);
    }

    [Test]
    public async Task ChangePassword_CommonPassword_ShowsFieldErrorAndChangesNothing()
    {
        var user = await CreateUserAsync(_app, Roles.FundManager);
        using var session = await _app.SignInAsync(user.Email!);

        var page = await TestSession.ParseAsync(await session.PostFormAsync("/Account/ChangePassword", "/Account/ChangePassword", new()
        {
            ["CurrentPassword"] = DemoData.Password,
            ["NewPassword"] = "123QWEASDZXC",
            ["ConfirmPassword"] = "123QWEASDZXC",
        }));

        Assert.That(FieldError(page, "NewPassword"), Does.Contain(CommonMessage));
        Assert.That((await FindUserAsync(_app, user.Email!))!.PasswordHash, Is.EqualTo(user.PasswordHash));
    }
}
