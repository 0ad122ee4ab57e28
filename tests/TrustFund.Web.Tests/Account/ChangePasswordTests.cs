using System.Net;
using Microsoft.EntityFrameworkCore;
using TrustFund.Application.Accounts;
using TrustFund.Application.Audit;
using TrustFund.Infrastructure.Demo;
using TrustFund.Web.Tests.Infrastructure;
using static TrustFund.Web.Tests.Infrastructure.TestAccounts;

namespace TrustFund.Web.Tests.Account;

public sealed class ChangePasswordTests
{
    private const string NewPassword = "another long passphrase";
    private TrustFundApp _app = null!;

    [OneTimeSetUp]
    public async Task StartApp() => _app = await new TrustFundApp().StartAsync();

    [OneTimeTearDown]
    public void StopApp() => _app.Dispose();

    [Test]
    public async Task ChangePassword_CorrectCurrentPassword_ChangesIt_KeepsThisSession_EndsTheOthers()
    {
        var user = await CreateUserAsync(_app, Roles.FundManager);
        using var session = await _app.SignInAsync(user.Email!);
        using var otherSession = await _app.SignInAsync(user.Email!);

        var response = await session.PostFormAsync("/Account/ChangePassword", "/Account/ChangePassword", Form(DemoData.Password, NewPassword));

        Assert.That(TestSession.IsRedirectTo(response, "/"), Is.True);
        var (_, home) = await session.GetPageAsync("/");
        Assert.That(Notice(home), Does.Contain("Your password has been changed."));
        var audited = await _app.WithDbAsync(db => db.AuditEntries.AnyAsync(e => e.Action == AuditActions.PasswordChanged && e.EntityId == user.Id.ToString()));
        Assert.That(audited, Is.True);
        Assert.That((await EmailsToAsync(_app, user.Email!)).Select(e => e.Subject), Is.EqualTo(new[] { "Your TrustFund password was changed" }));

        _app.Clock.Advance(TimeSpan.FromSeconds(61));
        Assert.That((await session.GetAsync("/")).StatusCode, Is.EqualTo(HttpStatusCode.OK), "The session that changed the password goes on");
        Assert.That(TestSession.IsRedirectTo(await otherSession.GetAsync("/"), "/Account/Login"), Is.True, "Other sessions end");
        using var withNewPassword = await _app.SignInAsync(user.Email!, NewPassword);
    }

    [Test]
    public async Task ChangePassword_WrongCurrentPassword_ShowsFieldErrorAndChangesNothing()
    {
        var user = await CreateUserAsync(_app, Roles.FundManager);
        using var session = await _app.SignInAsync(user.Email!);

        var response = await session.PostFormAsync("/Account/ChangePassword", "/Account/ChangePassword", Form("not my password at all", NewPassword));

        var page = await TestSession.ParseAsync(response);
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(FieldError(page, "CurrentPassword"), Does.Contain("Your current password is incorrect."));
        Assert.That(ErrorSummary(page), Does.Contain("Your current password is incorrect."));
        var after = await FindUserAsync(_app, user.Email!);
        Assert.That(after!.PasswordHash, Is.EqualTo(user.PasswordHash));
        Assert.That(after.SecurityStamp, Is.EqualTo(user.SecurityStamp));
        Assert.That(await EmailsToAsync(_app, user.Email!), Is.Empty);
    }

    [TestCase(11, "NewPassword", "Your password must be at least 12 characters long.")]
    [TestCase(129, "NewPassword", "Your password must be 128 characters or fewer.")]
    public async Task ChangePassword_NewPasswordOfWrongLength_ShowsFieldErrorAndChangesNothing(int length, string field, string message)
    {
        var user = await CreateUserAsync(_app, Roles.FundManager);
        using var session = await _app.SignInAsync(user.Email!);

        var page = await TestSession.ParseAsync(await session.PostFormAsync("/Account/ChangePassword", "/Account/ChangePassword", Form(DemoData.Password, new string('n', length))));

        Assert.That(FieldError(page, field), Does.Contain(message));
        Assert.That((await FindUserAsync(_app, user.Email!))!.PasswordHash, Is.EqualTo(user.PasswordHash));
    }

    [Test]
    public async Task ChangePassword_ConfirmationDiffers_ShowsFieldError()
    {
        var user = await CreateUserAsync(_app, Roles.FundManager);
        using var session = await _app.SignInAsync(user.Email!);
        var form = Form(DemoData.Password, NewPassword);
        form["ConfirmPassword"] = NewPassword + "x";

        var page = await TestSession.ParseAsync(await session.PostFormAsync("/Account/ChangePassword", "/Account/ChangePassword", form));

        Assert.That(FieldError(page, "ConfirmPassword"), Does.Contain("The passwords do not match."));
        Assert.That((await FindUserAsync(_app, user.Email!))!.PasswordHash, Is.EqualTo(user.PasswordHash));
    }

    [Test]
    public async Task ChangePassword_NotSignedIn_RedirectsToSignIn()
    {
        using var session = _app.NewSession();

        var response = await session.GetAsync("/Account/ChangePassword");

        Assert.That(TestSession.IsRedirectTo(response, "/Account/Login"), Is.True);
    }

    private static Dictionary<string, string> Form(string current, string next) => new()
    {
        ["CurrentPassword"] = current,
        ["NewPassword"] = next,
        ["ConfirmPassword"] = next,
    };
}
