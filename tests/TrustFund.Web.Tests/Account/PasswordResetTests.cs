using System.Net;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.EntityFrameworkCore;
using TrustFund.Application.Accounts;
using TrustFund.Application.Audit;
using TrustFund.Infrastructure.Demo;
using TrustFund.Web.Tests.Infrastructure;
using static TrustFund.Web.Tests.Infrastructure.TestAccounts;

namespace TrustFund.Web.Tests.Account;

public sealed class PasswordResetTests
{
    private const string NewPassword = "a brand new passphrase";
    private TrustFundApp _app = null!;

    [OneTimeSetUp]
    public async Task StartApp() => _app = await new TrustFundApp().StartAsync();

    [OneTimeTearDown]
    public void StopApp() => _app.Dispose();

    [Test]
    public async Task ForgotPassword_KnownAndUnknownAddress_ShowTheSamePage_OnlyTheKnownOneGetsAnEmail()
    {
        var user = await CreateUserAsync(_app, Roles.Reviewer);
        var unknown = NewEmail("nobody");
        using var session = _app.NewSession();

        var known = await TestSession.ParseAsync(await RequestResetAsync(session, user.Email!));
        var stranger = await TestSession.ParseAsync(await RequestResetAsync(session, unknown));

        Assert.That(Heading(known), Is.EqualTo("Check your email"));
        Assert.That(MainText(known).Replace(user.Email!, "ADDRESS", StringComparison.Ordinal), Is.EqualTo(MainText(stranger).Replace(unknown, "ADDRESS", StringComparison.Ordinal)));
        Assert.That((await EmailsToAsync(_app, user.Email!)).Select(e => e.Subject), Is.EqualTo(new[] { "Reset your TrustFund password" }));
        Assert.That(await EmailsToAsync(_app, unknown), Is.Empty);
    }

    [Test]
    public async Task ResetPassword_ValidLink_SetsThePasswordAuditsIt_AndEndsOtherSessionsWithinAMinute()
    {
        var user = await CreateUserAsync(_app, Roles.Reviewer);
        using var openSession = await _app.SignInAsync(user.Email!);
        var link = await ResetLinkAsync(user.Email!);
        using var session = _app.NewSession();

        var response = await session.PostFormAsync(link, "/Account/ResetPassword", ResetForm(link, NewPassword));

        Assert.That(TestSession.IsRedirectTo(response, "/Account/Login"), Is.True);
        var (_, login) = await session.GetPageAsync("/Account/Login");
        Assert.That(Notice(login), Does.Contain("Your password has been reset."));
        var refused = await RefusedSignInAsync(_app, user.Email!, DemoData.Password);
        Assert.That(ErrorSummary(refused), Does.Contain("The email address or password is incorrect."));
        using var withNewPassword = await _app.SignInAsync(user.Email!, NewPassword);
        var audited = await _app.WithDbAsync(db => db.AuditEntries.AnyAsync(e => e.Action == AuditActions.PasswordReset && e.EntityId == user.Id.ToString()));
        Assert.That(audited, Is.True);
        Assert.That((await EmailsToAsync(_app, user.Email!)).Select(e => e.Subject), Does.Contain("Your TrustFund password was changed"));

        _app.Clock.Advance(TimeSpan.FromSeconds(61));
        var ended = await openSession.GetAsync("/");
        Assert.That(TestSession.IsRedirectTo(ended, "/Account/Login"), Is.True, "The session opened before the reset has ended");
        Assert.That((await withNewPassword.GetAsync("/")).StatusCode, Is.EqualTo(HttpStatusCode.OK));
    }

    [Test]
    public async Task ResetPassword_LinkUsedTwice_SecondUseIsRefusedAndChangesNothing()
    {
        var user = await CreateUserAsync(_app, Roles.Reviewer);
        var link = await ResetLinkAsync(user.Email!);
        using var session = _app.NewSession();
        await session.PostFormAsync(link, "/Account/ResetPassword", ResetForm(link, NewPassword));
        var afterFirst = await FindUserAsync(_app, user.Email!);

        var response = await session.PostFormAsync("/Account/ForgotPassword", "/Account/ResetPassword", ResetForm(link, "yet another passphrase"));

        var page = await TestSession.ParseAsync(response);
        Assert.That(Heading(page), Is.EqualTo("This link has expired or is not valid"));
        Assert.That((await FindUserAsync(_app, user.Email!))!.PasswordHash, Is.EqualTo(afterFirst!.PasswordHash));
    }

    [Test]
    public async Task ResetPassword_After25Hours_SaysTheLinkExpiredAndChangesNothing()
    {
        var user = await CreateUserAsync(_app, Roles.Reviewer);
        var link = await ResetLinkAsync(user.Email!);
        _app.Clock.Advance(TimeSpan.FromHours(25));
        using var session = _app.NewSession();

        var (_, getPage) = await session.GetPageAsync(link);
        var response = await session.PostFormAsync("/Account/ForgotPassword", "/Account/ResetPassword", ResetForm(link, NewPassword));

        Assert.That(Heading(getPage), Is.EqualTo("This link has expired or is not valid"));
        Assert.That(getPage.QuerySelector("main a[href='/Account/ForgotPassword']"), Is.Not.Null, "The page offers a new link");
        Assert.That(Heading(await TestSession.ParseAsync(response)), Is.EqualTo("This link has expired or is not valid"));
        var after = await FindUserAsync(_app, user.Email!);
        Assert.That(after!.PasswordHash, Is.EqualTo(user.PasswordHash));
        Assert.That(after.SecurityStamp, Is.EqualTo(user.SecurityStamp));
        using var oldPasswordStillWorks = await _app.SignInAsync(user.Email!);
    }

    [TestCase("tampered")]
    [TestCase("other-user")]
    [TestCase("garbage")]
    [TestCase("confirmation-token")]
    public async Task ResetPassword_ForgedLink_IsRefusedAndChangesNothing(string forgery)
    {
        var user = await CreateUserAsync(_app, Roles.FinanceOfficer);
        var other = await CreateUserAsync(_app, Roles.FinanceOfficer);
        var link = await ResetLinkAsync(user.Email!);
        var otherLink = await ResetLinkAsync(other.Email!);
        var code = CodeOf(link);
        var forged = forgery switch
        {
            "tampered" => $"/Account/ResetPassword?userId={user.Id:D}&code={code[..^3]}xyz",
            "other-user" => $"/Account/ResetPassword?userId={user.Id:D}&code={CodeOf(otherLink)}",
            "garbage" => $"/Account/ResetPassword?userId={user.Id:D}&code=%F0%9F%92%A5",
            "confirmation-token" => await ConfirmationCodeAsResetLinkAsync(),
            _ => throw new ArgumentOutOfRangeException(nameof(forgery)),
        };
        using var session = _app.NewSession();

        var (_, getPage) = await session.GetPageAsync(forged);
        var response = await session.PostFormAsync("/Account/ForgotPassword", "/Account/ResetPassword", ResetForm(forged, NewPassword));

        Assert.That(Heading(getPage), Is.EqualTo("This link has expired or is not valid"));
        Assert.That(Heading(await TestSession.ParseAsync(response)), Is.EqualTo("This link has expired or is not valid"));
        if (forgery != "confirmation-token")
        {
            Assert.That((await FindUserAsync(_app, user.Email!))!.PasswordHash, Is.EqualTo(user.PasswordHash));
        }
    }

    [TestCase(11, "Your password must be at least 12 characters long.")]
    [TestCase(129, "Your password must be 128 characters or fewer.")]
    public async Task ResetPassword_PasswordOfWrongLength_ShowsFieldErrorAndKeepsTheLinkUsable(int length, string message)
    {
        var user = await CreateUserAsync(_app, Roles.Reviewer);
        var link = await ResetLinkAsync(user.Email!);
        using var session = _app.NewSession();

        var page = await TestSession.ParseAsync(await session.PostFormAsync(link, "/Account/ResetPassword", ResetForm(link, new string('x', length))));

        Assert.That(FieldError(page, "Password"), Does.Contain(message));
        Assert.That((await FindUserAsync(_app, user.Email!))!.PasswordHash, Is.EqualTo(user.PasswordHash));
        var retry = await session.PostFormAsync(link, "/Account/ResetPassword", ResetForm(link, NewPassword));
        Assert.That(TestSession.IsRedirectTo(retry, "/Account/Login"), Is.True);
    }

    [Test]
    public async Task ResetPassword_LockedAccount_EndsTheLockout()
    {
        var user = await CreateUserAsync(_app, Roles.Reviewer);
        for (var i = 0; i < 5; i++)
        {
            await RefusedSignInAsync(_app, user.Email!, "wrong password " + i);
        }

        var locked = await RefusedSignInAsync(_app, user.Email!, DemoData.Password);
        Assert.That(ErrorSummary(locked), Does.Contain("Too many failed attempts. This account is locked for 15 minutes."), "locked: even the right password is refused");
        var link = await ResetLinkAsync(user.Email!);
        using var session = _app.NewSession();

        var reset = await session.PostFormAsync(link, "/Account/ResetPassword", ResetForm(link, NewPassword));

        Assert.That(TestSession.IsRedirectTo(reset, "/Account/Login"), Is.True, "the reset is accepted");
        var after = await FindUserAsync(_app, user.Email!);
        Assert.That(after!.LockoutEnd, Is.Null, "no lockout left");
        using var signedIn = await _app.SignInAsync(user.Email!, NewPassword);
        Assert.That((await signedIn.GetAsync("/")).StatusCode, Is.EqualTo(HttpStatusCode.OK), "signed in well within the 15 minutes, on the app's clock");
    }

    [Test]
    public async Task ForgotPassword_DeactivatedAccount_GetsNoEmail()
    {
        var user = await CreateUserAsync(_app, Roles.Reviewer);
        await _app.WithDbAsync(db => db.Users.Where(u => u.Id == user.Id).ExecuteUpdateAsync(s => s.SetProperty(u => u.IsActive, false)));
        using var session = _app.NewSession();

        var page = await TestSession.ParseAsync(await RequestResetAsync(session, user.Email!));

        Assert.That(Heading(page), Is.EqualTo("Check your email"));
        Assert.That(await EmailsToAsync(_app, user.Email!), Is.Empty);
    }

    private static string CodeOf(string link) => QueryHelpers.ParseQuery(new Uri("http://x" + link).Query)["code"].ToString();

    private static Dictionary<string, string> ResetForm(string link, string password)
    {
        var query = QueryHelpers.ParseQuery(new Uri("http://x" + link).Query);
        return new()
        {
            ["UserId"] = query["userId"].ToString(),
            ["Code"] = query["code"].ToString(),
            ["Password"] = password,
            ["ConfirmPassword"] = password,
        };
    }

    private static Task<HttpResponseMessage> RequestResetAsync(TestSession session, string email) =>
        session.PostFormAsync("/Account/ForgotPassword", "/Account/ForgotPassword", new() { ["Email"] = email });

    private async Task<string> ResetLinkAsync(string email)
    {
        using var session = _app.NewSession();
        await RequestResetAsync(session, email);
        return await LinkInLatestEmailAsync(_app, email, "/Account/ResetPassword");
    }

    private async Task<string> ConfirmationCodeAsResetLinkAsync()
    {
        var email = NewEmail("ngo");
        using var session = _app.NewSession();
        await session.PostFormAsync("/Account/Register", "/Account/Register", new()
        {
            ["OrganisationName"] = "Reset test NGO",
            ["Country"] = "KEN",
            ["FullName"] = "Wanjiru Kamau",
            ["Email"] = email,
            ["Password"] = NewPassword,
            ["ConfirmPassword"] = NewPassword,
        });
        var confirmation = await LinkInLatestEmailAsync(_app, email, "/Account/ConfirmEmail");
        return confirmation.Replace("/Account/ConfirmEmail", "/Account/ResetPassword", StringComparison.Ordinal);
    }
}
