using System.Net;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TrustFund.Application.Accounts;
using TrustFund.Application.Audit;
using TrustFund.Infrastructure.Demo;
using TrustFund.Infrastructure.Identity;
using TrustFund.Web.Tests.Infrastructure;
using static TrustFund.Web.Tests.Infrastructure.TestAccounts;

namespace TrustFund.Web.Tests.TwoFactor;

public sealed class TwoFactorTests
{
    private const string Enrolment = TwoFactorSteps.EnrolmentPage;
    private TrustFundApp _app = null!;

    [OneTimeSetUp]
    public async Task StartApp() => _app = await new TrustFundApp().StartAsync();

    [OneTimeTearDown]
    public void StopApp() => _app.Dispose();

    [TestCase(Roles.FundManager)]
    [TestCase(Roles.FinanceOfficer)]
    [TestCase(Roles.Administrator)]
    public async Task Staff_WithoutTwoFactor_EveryPageRedirectsToEnrolmentUntilEnrolled(string role)
    {
        var user = await CreateUserWithoutTwoFactorAsync(role);
        using var session = _app.NewSession();
        var signIn = await PasswordStepAsync(session, user.Email!);
        Assert.That(TestSession.IsRedirectTo(signIn, "/Account/LoginWith2fa"), Is.False, "no code is asked before enrolment");

        string[] ownPages = role switch
        {
            Roles.FundManager => ["/Manage/Calls", "/Manage/Applications", "/Manage/Organisations"],
            Roles.Administrator => ["/Admin/Users", "/Admin/Audit", "/Manage/Organisations"],
            _ => [],
        };
        foreach (var url in new[] { "/", "/Account/ChangePassword", "/Account/TwoFactor", "/Account/Sessions", "/calls" }.Concat(ownPages))
        {
            Assert.That(TestSession.IsRedirectTo(await session.GetAsync(url), Enrolment), Is.True, $"GET {url} sends to enrolment");
        }

        // The sign-in page does not use the session the browser holds (a sign-in there starts a new one), so it shows its form.
        var (loginResponse, loginPage) = await session.GetPageAsync("/Account/Login");
        Assert.That(loginResponse.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(loginPage.QuerySelector("form[action='/Account/Login']"), Is.Not.Null, "GET /Account/Login shows the sign-in form");

        Assert.That((await session.GetAsync("/Applications")).StatusCode, Is.EqualTo(HttpStatusCode.Forbidden), "pages outside the role stay refused as for anyone");

        var post = await session.PostWithoutTokenAsync("/Account/ChangePassword", new() { ["CurrentPassword"] = DemoData.Password });
        Assert.That(TestSession.IsRedirectTo(post, Enrolment), Is.True, "POSTs too");
        var (enrolmentResponse, enrolmentPage) = await session.GetPageAsync(Enrolment);
        Assert.That(enrolmentResponse.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(enrolmentPage.QuerySelector("form[action='/Account/Logout']"), Is.Not.Null, "signing out stays possible");

        var (key, _) = await TwoFactorSteps.EnrolAsync(_app, session);

        Assert.That((await session.GetAsync("/")).StatusCode, Is.EqualTo(HttpStatusCode.OK), "the app opens once enrolled");
        Assert.That(key, Is.EqualTo(await _app.AuthenticatorKeyAsync(user.Email!)));
        Assert.That(await AuditedAsync(AuditActions.TwoFactorEnabled, user), Is.EqualTo(1));
        using var next = _app.NewSession();
        Assert.That(TestSession.IsRedirectTo(await PasswordStepAsync(next, user.Email!), "/Account/LoginWith2fa"), Is.True, "the next sign-in asks for a code");
    }

    [Test]
    public async Task Staff_EnrolmentPage_SignOutWorks()
    {
        var user = await CreateUserWithoutTwoFactorAsync(Roles.FinanceOfficer);
        using var session = _app.NewSession();
        await PasswordStepAsync(session, user.Email!);

        var response = await session.PostFormAsync(Enrolment, "/Account/Logout", []);

        Assert.That(TestSession.IsRedirectTo(response, "/Account/Login"), Is.True);
        Assert.That(TestSession.IsRedirectTo(await session.GetAsync("/"), "/Account/Login"), Is.True, "signed out");
    }

    [Test]
    public async Task EnrolmentPage_ShowsQrCodeAndTheKeyAsText()
    {
        var user = await CreateUserAsync(_app, Roles.Reviewer);
        using var session = await _app.SignInAsync(user.Email!);

        var (response, page) = await session.GetPageAsync(Enrolment);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        var key = await _app.AuthenticatorKeyAsync(user.Email!);
        Assert.That(key, Is.Not.Null.And.Length.EqualTo(32));
        var shown = page.QuerySelector("#authenticator-key")!.TextContent.Replace(" ", string.Empty, StringComparison.Ordinal);
        Assert.That(shown, Is.EqualTo(key).IgnoreCase);
        var qr = page.QuerySelector("img#authenticator-qr")!;
        Assert.That(qr.GetAttribute("alt"), Is.Not.Empty);
        var src = qr.GetAttribute("src")!;
        Assert.That(src, Does.StartWith("data:image/png;base64,"));
        var png = Convert.FromBase64String(src["data:image/png;base64,".Length..]);
        Assert.That(png.Take(8), Is.EqualTo(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A }), "a PNG drawn on the server");
        Assert.That(page.QuerySelectorAll("script:not([src])"), Is.Empty, "no inline script");
        var (_, again) = await session.GetPageAsync(Enrolment);
        Assert.That(again.QuerySelector("#authenticator-key")!.TextContent, Is.EqualTo(page.QuerySelector("#authenticator-key")!.TextContent), "the key stays until enrolment");
    }

    [Test]
    public void QrCodeUri_IsTheKeyUriFormatOfAuthenticatorApps()
    {
        var uri = TrustFund.Web.Features.TwoFactor.AuthenticatorQrCode.Uri("o'brien@ngo.test", "ABCDEFGHIJKLMNOP");

        Assert.That(uri, Is.EqualTo("otpauth://totp/TrustFund:o%27brien%40ngo.test?secret=ABCDEFGHIJKLMNOP&issuer=TrustFund&digits=6&period=30"));
    }

    [Test]
    public async Task Enrol_WrongCode_IsRefusedAndLeavesTwoFactorOff()
    {
        var user = await CreateUserAsync(_app, Roles.Reviewer);
        using var session = await _app.SignInAsync(user.Email!);
        var key = await TwoFactorSteps.KeyOnEnrolmentPageAsync(session);

        var response = await session.PostFormAsync(Enrolment, Enrolment, new() { ["Code"] = Totp.WrongAt(key, _app.Clock.GetUtcNow()) });

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(FieldError(await TestSession.ParseAsync(response), "Code"), Does.Contain("The code is not right."));
        Assert.That(await TwoFactorEnabledAsync(user.Email!), Is.False);
    }

    [TestCase(Roles.Applicant)]
    [TestCase(Roles.Reviewer)]
    public async Task OptionalRoles_SignInWithoutTwoFactor_CanEnableAndDisableIt(string role)
    {
        var user = await CreateUserAsync(_app, role, withOrganisation: role == Roles.Applicant);
        using var session = await _app.SignInAsync(user.Email!);
        Assert.That((await session.GetAsync("/")).StatusCode, Is.EqualTo(HttpStatusCode.OK), "no enrolment is forced");
        var (_, settings) = await session.GetPageAsync("/Account/TwoFactor");
        Assert.That(MainText(settings), Does.Contain("Two-factor sign-in is off."));

        await TwoFactorSteps.EnrolAsync(_app, session);
        using (var withCode = _app.NewSession())
        {
            Assert.That(TestSession.IsRedirectTo(await PasswordStepAsync(withCode, user.Email!), "/Account/LoginWith2fa"), Is.True, "a code is now asked");
        }

        var (_, on) = await session.GetPageAsync("/Account/TwoFactor");
        Assert.That(on.QuerySelector("form[action='/Account/TwoFactor/Disable']"), Is.Not.Null);
        var disabled = await session.PostFormAsync("/Account/TwoFactor", "/Account/TwoFactor/Disable", []);

        Assert.That(TestSession.IsRedirectTo(disabled, "/Account/TwoFactor"), Is.True);
        Assert.That(await TwoFactorEnabledAsync(user.Email!), Is.False);
        Assert.That(await _app.WithDbAsync(db => db.UserTokens.CountAsync(t => t.UserId == user.Id && t.Name == "RecoveryCodes" && t.Value != "")), Is.Zero, "recovery codes discarded");
        Assert.That(await AuditedAsync(AuditActions.TwoFactorDisabled, user), Is.EqualTo(1));
        using var passwordOnly = _app.NewSession();
        var response = await PasswordStepAsync(passwordOnly, user.Email!);
        Assert.That(TestSession.IsRedirectTo(response, "/"), Is.True, "password only again");
        Assert.That(TestSession.IsRedirectTo(response, "/Account"), Is.False);
    }

    [Test]
    public async Task Disable_ForRoleThatRequiresIt_IsForbiddenAndChangesNothing()
    {
        using var session = await _app.SignInAsync("finance@trustfund.test");
        var (_, settings) = await session.GetPageAsync("/Account/TwoFactor");
        Assert.That(settings.QuerySelector("form[action='/Account/TwoFactor/Disable']"), Is.Null, "no form offered");

        var response = await session.PostFormAsync("/Account/TwoFactor", "/Account/TwoFactor/Disable", []);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
        Assert.That(await TwoFactorEnabledAsync("finance@trustfund.test"), Is.True);
    }

    [Test]
    public async Task SignIn_DemoStaffWithTheDocumentedKey_AsksForACodeAndAcceptsAValidOne()
    {
        Assert.That(await _app.AuthenticatorKeyAsync("manager@trustfund.test"), Is.EqualTo(DemoData.StaffAuthenticatorKey));
        using var session = _app.NewSession();
        var password = await PasswordStepAsync(session, "manager@trustfund.test", "/Manage/Calls");
        Assert.That(TestSession.IsRedirectTo(password, "/Account/LoginWith2fa?returnUrl=%2FManage%2FCalls"), Is.True);
        Assert.That(TestSession.IsRedirectTo(await session.GetAsync("/"), "/Account/Login"), Is.True, "not signed in after the password alone");

        var response = await session.PostFormAsync(password.Headers.Location!.OriginalString, "/Account/LoginWith2fa", new() { ["Code"] = await _app.UnusedCodeAsync("manager@trustfund.test", DemoData.StaffAuthenticatorKey), ["ReturnUrl"] = "/Manage/Calls" });

        Assert.That(TestSession.IsRedirectTo(response, "/Manage/Calls"), Is.True);
        Assert.That((await session.GetAsync("/Manage/Calls")).StatusCode, Is.EqualTo(HttpStatusCode.OK));
        var entry = await _app.WithDbAsync(db => db.AuditEntries.OrderByDescending(e => e.Sequence).FirstAsync(e => e.Action == AuditActions.SignInSucceeded));
        Assert.That(entry.Summary, Is.EqualTo("manager@trustfund.test signed in with an authenticator code"));
    }

    [Test]
    public async Task SecondStep_WithoutPasswordStep_SendsToSignIn()
    {
        using var session = _app.NewSession();

        Assert.That(TestSession.IsRedirectTo(await session.GetAsync("/Account/LoginWith2fa"), "/Account/Login"), Is.True);
        Assert.That(TestSession.IsRedirectTo(await session.GetAsync("/Account/LoginWithRecoveryCode"), "/Account/Login"), Is.True);
    }

    [Test]
    public async Task SignIn_WrongCode_IsRefused_AndFiveWrongCodesLockTheAccount()
    {
        var user = await CreateUserAsync(_app, Roles.FundManager);
        var key = (await _app.AuthenticatorKeyAsync(user.Email!))!;
        using var session = _app.NewSession();
        var password = await PasswordStepAsync(session, user.Email!);
        var form = password.Headers.Location!.OriginalString;

        for (var attempt = 1; attempt <= 4; attempt++)
        {
            var refused = await session.PostFormAsync(form, "/Account/LoginWith2fa", new() { ["Code"] = Totp.WrongAt(key, _app.Clock.GetUtcNow()) });
            Assert.That(refused.StatusCode, Is.EqualTo(HttpStatusCode.OK), $"attempt {attempt}");
            Assert.That(FieldError(await TestSession.ParseAsync(refused), "Code"), Does.Contain("The code is not right."));
        }

        Assert.That(TestSession.IsRedirectTo(await session.GetAsync("/"), "/Account/Login"), Is.True, "still not signed in");
        var fifth = await session.PostFormAsync(form, "/Account/LoginWith2fa", new() { ["Code"] = Totp.WrongAt(key, _app.Clock.GetUtcNow()) });
        Assert.That(FieldError(await TestSession.ParseAsync(fifth), "Code"), Does.Contain("Too many failed attempts."));
        var rightButLocked = await session.PostFormAsync(form, "/Account/LoginWith2fa", new() { ["Code"] = _app.CodeNow(key) });
        Assert.That(FieldError(await TestSession.ParseAsync(rightButLocked), "Code"), Does.Contain("Too many failed attempts."), "a locked account refuses even the right code");
        Assert.That(await AuditedAsync(AuditActions.TwoFactorFailed, user), Is.EqualTo(4));
        Assert.That(await AuditedAsync(AuditActions.LockedOut, user), Is.GreaterThanOrEqualTo(1));

        _app.Clock.Advance(TimeSpan.FromMinutes(16));
        using var later = await _app.SignInAsync(user.Email!);
        Assert.That((await later.GetAsync("/")).StatusCode, Is.EqualTo(HttpStatusCode.OK), "the lockout ends");
    }

    [Test]
    public async Task SignIn_MalformedCode_ShowsAClearErrorWithoutCountingAFailure()
    {
        using var session = _app.NewSession();
        var password = await PasswordStepAsync(session, "admin@trustfund.test");

        var response = await session.PostFormAsync(password.Headers.Location!.OriginalString, "/Account/LoginWith2fa", new() { ["Code"] = "12ab" });

        Assert.That(FieldError(await TestSession.ParseAsync(response), "Code"), Does.Contain("The code is 6 digits, like 123456."));
    }

    [Test]
    public async Task RecoveryCode_SignsInOnce_ThenNoLonger()
    {
        var user = await CreateUserAsync(_app, Roles.Applicant, withOrganisation: true);
        IReadOnlyList<string> codes;
        using (var enrolling = await _app.SignInAsync(user.Email!))
        {
            (_, codes) = await TwoFactorSteps.EnrolAsync(_app, enrolling);
        }

        using (var first = _app.NewSession())
        {
            await PasswordStepAsync(first, user.Email!);
            var response = await first.PostFormAsync("/Account/LoginWithRecoveryCode", "/Account/LoginWithRecoveryCode", new() { ["RecoveryCode"] = codes[0].ToLowerInvariant() });
            Assert.That(TestSession.IsRedirectTo(response, "/"), Is.True);
            var (home, page) = await first.GetPageAsync("/");
            Assert.That(home.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(Notice(page), Does.Contain("You have 9 left"));
        }

        Assert.That(await AuditedAsync(AuditActions.RecoveryCodeUsed, user), Is.EqualTo(1));
        using var second = _app.NewSession();
        await PasswordStepAsync(second, user.Email!);
        var reused = await second.PostFormAsync("/Account/LoginWithRecoveryCode", "/Account/LoginWithRecoveryCode", new() { ["RecoveryCode"] = codes[0] });
        Assert.That(FieldError(await TestSession.ParseAsync(reused), "RecoveryCode"), Does.Contain("not right, or it has been used already"));
        Assert.That(await AuditedAsync(AuditActions.TwoFactorFailed, user), Is.EqualTo(1));
        var another = await second.PostFormAsync("/Account/LoginWithRecoveryCode", "/Account/LoginWithRecoveryCode", new() { ["RecoveryCode"] = codes[1] });
        Assert.That(TestSession.IsRedirectTo(another, "/"), Is.True, "another unused code works");
    }

    [Test]
    public async Task RecoveryCode_FiveWrongOnesLockTheAccount()
    {
        var user = await CreateUserAsync(_app, Roles.Administrator);
        using var session = _app.NewSession();
        await PasswordStepAsync(session, user.Email!);

        for (var attempt = 1; attempt <= 4; attempt++)
        {
            var refused = await session.PostFormAsync("/Account/LoginWithRecoveryCode", "/Account/LoginWithRecoveryCode", new() { ["RecoveryCode"] = $"WRONG-{attempt}" });
            Assert.That(FieldError(await TestSession.ParseAsync(refused), "RecoveryCode"), Does.Contain("not right"), $"attempt {attempt}");
        }

        var fifth = await session.PostFormAsync("/Account/LoginWithRecoveryCode", "/Account/LoginWithRecoveryCode", new() { ["RecoveryCode"] = "WRONG-5" });
        Assert.That(FieldError(await TestSession.ParseAsync(fifth), "RecoveryCode"), Does.Contain("Too many failed attempts."));
        var locked = await _app.WithDbAsync(db => db.Users.AsNoTracking().SingleAsync(u => u.Id == user.Id));
        Assert.That(locked.LockoutEnd, Is.GreaterThan(_app.Clock.GetUtcNow()));
    }

    [Test]
    public async Task ResetAuthenticator_NewKeyIsRequired_OldAppStopsWorking_AndEnrolmentIsForcedAgain()
    {
        var user = await CreateUserAsync(_app, Roles.FundManager);
        var oldKey = (await _app.AuthenticatorKeyAsync(user.Email!))!;
        using var session = await _app.SignInAsync(user.Email!);

        var response = await session.PostFormAsync("/Account/TwoFactor", "/Account/TwoFactor/Reset", []);

        Assert.That(TestSession.IsRedirectTo(response, Enrolment), Is.True);
        Assert.That(await AuditedAsync(AuditActions.TwoFactorReset, user), Is.EqualTo(1));
        Assert.That(await TwoFactorEnabledAsync(user.Email!), Is.False);
        Assert.That(TestSession.IsRedirectTo(await session.GetAsync("/Manage/Calls"), Enrolment), Is.True, "a fund manager must enrol again");
        var (newKey, _) = await TwoFactorSteps.EnrolAsync(_app, session);
        Assert.That(newKey, Is.Not.EqualTo(oldKey));
        Assert.That((await session.GetAsync("/Manage/Calls")).StatusCode, Is.EqualTo(HttpStatusCode.OK));

        using var withOldApp = _app.NewSession();
        var password = await PasswordStepAsync(withOldApp, user.Email!);
        var old = await withOldApp.PostFormAsync(password.Headers.Location!.OriginalString, "/Account/LoginWith2fa", new() { ["Code"] = _app.CodeNow(oldKey) });
        Assert.That(FieldError(await TestSession.ParseAsync(old), "Code"), Does.Contain("The code is not right."), "the old app's codes no longer work");
    }

    [Test]
    public async Task NewRecoveryCodes_ReplaceTheOldOnes()
    {
        var user = await CreateUserAsync(_app, Roles.Reviewer);
        using var session = await _app.SignInAsync(user.Email!);
        var (_, oldCodes) = await TwoFactorSteps.EnrolAsync(_app, session);

        var response = await session.PostFormAsync("/Account/TwoFactor", "/Account/TwoFactor/RecoveryCodes", []);

        var newCodes = (await TestSession.ParseAsync(response)).QuerySelectorAll("#recovery-codes li").Select(li => li.TextContent.Trim()).ToList();
        Assert.That(newCodes, Has.Count.EqualTo(10));
        Assert.That(newCodes.Intersect(oldCodes), Is.Empty);
        Assert.That(await AuditedAsync(AuditActions.RecoveryCodesGenerated, user), Is.EqualTo(1));
        using var withOldCode = _app.NewSession();
        await PasswordStepAsync(withOldCode, user.Email!);
        var refused = await withOldCode.PostFormAsync("/Account/LoginWithRecoveryCode", "/Account/LoginWithRecoveryCode", new() { ["RecoveryCode"] = oldCodes[0] });
        Assert.That(FieldError(await TestSession.ParseAsync(refused), "RecoveryCode"), Does.Contain("not right"));
    }

    private static Task<HttpResponseMessage> PasswordStepAsync(TestSession session, string email, string? returnUrl = null) =>
        session.PostFormAsync("/Account/Login", "/Account/Login", new() { ["Email"] = email, ["Password"] = DemoData.Password, ["ReturnUrl"] = returnUrl ?? string.Empty });

    private async Task<TrustFundUser> CreateUserWithoutTwoFactorAsync(string role)
    {
        var created = await CreateUserAsync(_app, role);
        await using var scope = _app.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<TrustFundUser>>();
        var user = (await users.FindByIdAsync(created.Id.ToString()))!;
        await users.SetTwoFactorEnabledAsync(user, false);
        await users.RemoveAuthenticationTokenAsync(user, "[AspNetUserStore]", "AuthenticatorKey");
        return user;
    }

    private Task<bool> TwoFactorEnabledAsync(string email) =>
        _app.WithDbAsync(db => db.Users.AsNoTracking().Where(u => u.Email == email).Select(u => u.TwoFactorEnabled).SingleAsync());

    private Task<int> AuditedAsync(string action, TrustFundUser user) =>
        _app.WithDbAsync(db => db.AuditEntries.CountAsync(e => e.Action == action && e.EntityId == user.Id.ToString()));
}
